package dev.kiln.compiler.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The grammar of JVMS §4.2 and §4.3 and the modified UTF-8 of §4.4.7, at their edges. */
class DescriptorsTest {
    @Test
    void fieldDescriptors() {
        for (String legal : new String[] {"I", "J", "Z", "[I", "[[Ljava/lang/String;", "Ljava/util/Map$Entry;", "[".repeat(255) + "B"}) {
            assertTrue(Descriptors.isFieldDescriptor(legal), legal);
        }
        for (String illegal : new String[] {"", "V", "[V", "L;", "Ljava/lang/String", "Ljava//String;", "Ljava/lang/String;I",
                "La.b;", "[".repeat(256) + "B", "Q"}) {
            assertFalse(Descriptors.isFieldDescriptor(illegal), illegal);
        }
    }

    @Test
    void methodDescriptors() {
        for (String legal : new String[] {"()V", "(IJ)Ljava/lang/Object;", "([I[[D)[Z"}) {
            assertTrue(Descriptors.isMethodDescriptor(legal, true), legal);
        }
        for (String illegal : new String[] {"(I", "()", "(V)V", "()VV", "I)V", "()Ljava/lang/String", "(I)II"}) {
            assertFalse(Descriptors.isMethodDescriptor(illegal, true), illegal);
        }
        String twoHundredFiftyFiveInts = "(" + "I".repeat(255) + ")V";
        assertTrue(Descriptors.isMethodDescriptor(twoHundredFiftyFiveInts, true));
        assertFalse(Descriptors.isMethodDescriptor(twoHundredFiftyFiveInts, false), "this takes the 256th slot");
        assertFalse(Descriptors.isMethodDescriptor("(" + "J".repeat(128) + ")V", true), "longs take two slots");
        assertEquals(6, Descriptors.parameterSlots("(IJLjava/lang/String;D)V"), "long and double take two");
    }

    @Test
    void names() {
        assertTrue(Descriptors.isInternalClassName("java/lang/Object"));
        assertFalse(Descriptors.isInternalClassName("java.lang.Object"));
        assertFalse(Descriptors.isInternalClassName("/java/lang"));
        assertTrue(Descriptors.isClassEntryName("[Ljava/lang/Object;"));
        assertTrue(Descriptors.isMethodName("<init>"));
        assertFalse(Descriptors.isMethodName("<init"));
        assertFalse(Descriptors.isMethodName("a<b"));
        assertTrue(Descriptors.isUnqualifiedName("a<b"), "field names may contain '<'");
        assertFalse(Descriptors.isUnqualifiedName("a;b"));
    }

    @Test
    void modifiedUtf8() {
        byte[] ascii = "hello".getBytes(StandardCharsets.US_ASCII);
        assertEquals("hello", ModifiedUtf8.decode(ascii, 0, ascii.length));
        byte[] encodedNul = {(byte) 0xC0, (byte) 0x80};
        assertEquals("\0", ModifiedUtf8.decode(encodedNul, 0, 2), "U+0000 is two bytes in modified UTF-8");
        byte[] euro = {(byte) 0xE2, (byte) 0x82, (byte) 0xAC};
        assertEquals("\u20AC", ModifiedUtf8.decode(euro, 0, 3));
        assertNull(ModifiedUtf8.decode(new byte[] {0}, 0, 1), "a zero byte");
        assertNull(ModifiedUtf8.decode(new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80}, 0, 4),
                "four-byte UTF-8 is not modified UTF-8");
        assertNull(ModifiedUtf8.decode(new byte[] {(byte) 0xE2, (byte) 0x82}, 0, 2), "cut off");
        assertNull(ModifiedUtf8.decode(new byte[] {(byte) 0x80}, 0, 1), "a continuation byte alone");
    }
}
