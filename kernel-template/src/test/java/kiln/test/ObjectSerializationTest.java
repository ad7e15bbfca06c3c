package kiln.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Java serialization of objects does not run in an image (kiln.lib.patches.java.io.ObjectStreamClass): writing an
 * object fails at once with a message naming the class and what to use instead. The streams' primitive data is
 * compared with HotSpot in DifferentialTest (ObjectStreams).
 */
class ObjectSerializationTest {
    @Test
    void serializingAnObjectSaysItIsNotSupported() throws Exception {
        KilnRunner.Outcome outcome = KilnRunner.onLinux("kiln.test.programs.ObjectSerialization");
        assertEquals("Java serialization of kiln.test.programs.ObjectSerialization$Pair is not supported in a Kiln image"
                + " (object streams need run-time field offsets, serialization constructors and method handles); write"
                + " the fields with DataOutputStream, or a text format such as JSON, instead\n", outcome.output());
        assertEquals(0, outcome.status());
    }
}
