package kiln.kernel.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The decoder alone, on HotSpot: scancode sequences as the 8042 delivers them, and the bytes they type. */
class ScancodeSet1Test {
    private static final int RELEASE = 0x80;
    private static final int A = 0x1E, ONE = 0x02, SLASH = 0x35, SPACE = 0x39, ENTER = 0x1C, BACKSPACE = 0x0E;
    private static final int LEFT_SHIFT = 0x2A, RIGHT_SHIFT = 0x36, CTRL = 0x1D, CAPS_LOCK = 0x3A, D = 0x20, F1 = 0x3B;

    private final ScancodeSet1 decoder = new ScancodeSet1();

    /** Feeds {@code scancodes} and collects what they type. */
    private String typed(int... scancodes) {
        StringBuilder out = new StringBuilder();
        for (int scancode : scancodes) {
            int b = decoder.decode(scancode);
            if (b != ScancodeSet1.NONE) {
                out.append((char) b);
            }
        }
        return out.toString();
    }

    @Test
    void pressTypesAndReleaseDoesNot() {
        assertEquals("a1/ \n\b", typed(A, A | RELEASE, ONE, ONE | RELEASE, SLASH, SPACE, ENTER, BACKSPACE));
    }

    @Test
    void eitherShiftSelectsTheUpperSignOnlyWhileHeld() {
        assertEquals("A!?a", typed(LEFT_SHIFT, A, ONE, LEFT_SHIFT | RELEASE, RIGHT_SHIFT, SLASH,
                RIGHT_SHIFT | RELEASE, A));
    }

    @Test
    void capsLockTogglesLettersOnlyAndShiftInvertsIt() {
        assertEquals("A1a!a", typed(CAPS_LOCK, CAPS_LOCK | RELEASE, A, ONE, LEFT_SHIFT, A, ONE, LEFT_SHIFT | RELEASE,
                CAPS_LOCK, CAPS_LOCK | RELEASE, A));
    }

    @Test
    void ctrlWithALetterTypesItsControlCode() {
        assertEquals("\u0004d", typed(CTRL, D, D | RELEASE, CTRL | RELEASE, D));
    }

    @Test
    void extendedKeysTypeOnlyKeypadEnterAndSlashAndFakeShiftsChangeNothing() {
        int extended = 0xE0;
        // keypad Enter, keypad /, then Print Screen's fake left shift (E0 2A ... E0 AA), and an arrow key (E0 48)
        assertEquals("\n/a", typed(extended, ENTER, extended, SLASH, extended, LEFT_SHIFT, extended, 0x48,
                extended, LEFT_SHIFT | RELEASE, A, F1));
    }
}
