package kiln.kernel.drivers;

import kiln.kernel.boot.BootInformation;
import kiln.kernel.boot.BootInformation.Framebuffer;

/**
 * The screen half of the console: what {@code System.out} and {@code System.err} print also appears on the
 * machine's screen, while the serial port ({@link Serial}) stays the console that tests and {@code kiln:run}
 * read. Which screen is decided on the first write, from what the boot loader handed over:
 * <ul>
 *   <li>a framebuffer of 32-bit pixels (the Multiboot2 framebuffer tag; Kiln's UEFI loader from GOP, GRUB in a
 *       graphics mode): {@link FramebufferScreen}, drawn with {@link ConsoleFont};</li>
 *   <li>EGA text in the tag (GRUB in text mode), or no tag at all (Kiln's BIOS loader, {@code qemu -kernel}):
 *       {@link VgaTextScreen}, if the VGA is in a text mode;</li>
 *   <li>else, and on the hosted target: no screen; output goes to the serial port (standard output) only.</li>
 * </ul>
 * Writers are serialized by the class's monitor (System.out and System.err are separate streams, and a timer tick
 * may switch tasklets in the middle of a line); the cursor is moved once per write, not per byte.
 * <p><i>Rejected</i>: opening the screen in {@link kiln.kernel.boot.Kernel#start} (a program that never prints
 * would pay for clearing a framebuffer); a screen of its own for System.err (one console, as a terminal has).
 */
public final class Screen {
    private static TextScreen screen;
    private static boolean opened;

    private Screen() {}

    /** Shows {@code b} on the screen, if there is one. */
    public static synchronized void write(int b) {
        TextScreen target = open();
        if (target != null) {
            target.write(b);
            target.updateCursor();
        }
    }

    /** Shows {@code bytes[offset .. offset + length)} on the screen, if there is one. */
    public static synchronized void write(byte[] bytes, int offset, int length) {
        TextScreen target = open();
        if (target != null) {
            for (int i = 0; i < length; i++) {
                target.write(bytes[offset + i]);
            }
            target.updateCursor();
        }
    }

    private static TextScreen open() {
        if (!opened) {
            opened = true;
            if (!HostedLinux.isActive()) {
                Framebuffer framebuffer = BootInformation.framebuffer();
                if (framebuffer == null) {
                    screen = VgaTextScreen.open(VgaTextScreen.TEXT_BUFFER, VgaTextScreen.COLUMNS, VgaTextScreen.ROWS);
                } else if (framebuffer.text) {
                    screen = VgaTextScreen.open(framebuffer.address, framebuffer.width, framebuffer.height);
                } else {
                    screen = FramebufferScreen.open(framebuffer);
                }
            }
        }
        return screen;
    }
}
