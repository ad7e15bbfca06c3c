package dev.kiln.boot.loader;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The kernel command line as both loaders hand it over: the Multiboot2 "boot command line" tag (MB2 §3.6.3,
 * type 1: u32 type, u32 size, then the zero-terminated string), the same tag GRUB gives a Multiboot2 kernel.
 * The loaders carry it as data of a fixed size ({@link #SPACE}), so that their length does not depend on the
 * command line, and copy {@link #advance} bytes of it into the boot information: none when the line is empty.
 */
public final class CommandLineTag {
    /** Bytes of the string, its terminating zero included: as Linux's x86 {@code COMMAND_LINE_SIZE}, 2048. */
    public static final int CAPACITY = 2048;
    /** The tag's header and the string's room: a multiple of 8. */
    static final int SPACE = 8 + CAPACITY;
    static final int TYPE_COMMAND_LINE = 1;

    private CommandLineTag() {
    }

    /**
     * The tag in {@link #SPACE} bytes, zero-padded.
     *
     * @throws IllegalArgumentException if the line is longer than {@link #CAPACITY} - 1 bytes in ASCII or holds a
     *                                  character outside printable ASCII
     */
    static byte[] bytes(String commandLine) {
        check(commandLine);
        byte[] text = commandLine.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer tag = ByteBuffer.allocate(SPACE).order(ByteOrder.LITTLE_ENDIAN);
        tag.putInt(TYPE_COMMAND_LINE);
        tag.putInt(8 + text.length + 1);             // size: header, string, its zero
        tag.put(text);
        return tag.array();
    }

    /** How many bytes of {@link #bytes} the loaders copy: the tag padded to 8 (MB2 §3.6.1), or 0 for no line. */
    static int advance(String commandLine) {
        return commandLine.isEmpty() ? 0 : (8 + commandLine.length() + 1 + 7) & -8;
    }

    /** The same checks as {@link #bytes}, for callers that want the error before building anything. */
    public static void check(String commandLine) {
        if (commandLine.length() >= CAPACITY) {
            throw new IllegalArgumentException("the kernel command line is " + commandLine.length() + " characters;"
                    + " the boot loaders pass at most " + (CAPACITY - 1) + " (shorten the arguments)");
        }
        for (int i = 0; i < commandLine.length(); i++) {
            char c = commandLine.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException(String.format("the kernel command line holds the character"
                        + " U+%04X at index %d; it may only hold printable ASCII (U+0020..U+007E)", (int) c, i));
            }
        }
    }
}
