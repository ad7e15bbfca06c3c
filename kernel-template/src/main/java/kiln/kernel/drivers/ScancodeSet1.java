package kiln.kernel.drivers;

/**
 * Turns PS/2 scancodes (set 1, the XT codes the 8042 controller produces when it translates, IBM PC AT
 * Technical Reference, "Keyboard scan codes") into the bytes a US keyboard types: letters, digits,
 * punctuation, space, tab, enter ({@code '\n'}), backspace ({@code 0x08}) and escape; with Shift and Caps Lock,
 * and Ctrl with a letter as the ASCII control code (Ctrl-D is 0x04, end of input for the line discipline).
 *
 * <pre>
 * byte from port 0x60:   bit 7 = 1 release ("break"), 0 press ("make"); bits 6..0 = key number
 * 0xE0 prefix:           the next code is an extended key (keypad Enter 0xE0 0x1C, keypad / 0xE0 0x35,
 *                        right Ctrl 0xE0 0x1D, arrows, ...)
 * </pre>
 * Keys without a byte (function keys, arrows, Alt) change nothing. Runs in the keyboard's interrupt handler:
 * the tables are string literals in the image, so decoding allocates nothing.
 */
final class ScancodeSet1 {
    private static final int RELEASE = 0x80;
    private static final int EXTENDED_PREFIX = 0xE0;
    private static final int LEFT_SHIFT = 0x2A, RIGHT_SHIFT = 0x36, CTRL = 0x1D, CAPS_LOCK = 0x3A;
    private static final int KEYPAD_ENTER = 0x1C, KEYPAD_SLASH = 0x35;
    /** No byte for this key. */
    static final int NONE = -1;

    /** Index = key number 0x00..0x39; NUL = no byte. 0x01 Esc, 0x0E Backspace, 0x0F Tab, 0x1C Enter, 0x39 Space. */
    private static final String PLAIN =
            "\0\u001b1234567890-=\b\tqwertyuiop[]\n\0asdfghjkl;'`\0\\zxcvbnm,./\0*\0 ";
    private static final String SHIFTED =
            "\0\u001b!@#$%^&*()_+\b\tQWERTYUIOP{}\n\0ASDFGHJKL:\"~\0|ZXCVBNM<>?\0*\0 ";

    private boolean extended;
    private boolean leftShift, rightShift, ctrl, capsLock;

    /** Feeds one byte from the controller; answers the byte the key types, or {@link #NONE}. */
    int decode(int scancode) {
        if (scancode == EXTENDED_PREFIX) {
            extended = true;
            return NONE;
        }
        boolean wasExtended = extended;
        extended = false;
        boolean released = (scancode & RELEASE) != 0;
        int key = scancode & ~RELEASE;
        switch (key) {
            case LEFT_SHIFT: // 0xE0 0x2A and 0xE0 0x36 are fake shifts around some extended keys: ignored
                leftShift = wasExtended ? leftShift : !released;
                return NONE;
            case RIGHT_SHIFT:
                rightShift = wasExtended ? rightShift : !released;
                return NONE;
            case CTRL:
                ctrl = !released;
                return NONE;
            case CAPS_LOCK:
                if (!released) {
                    capsLock = !capsLock;
                }
                return NONE;
            default:
                break;
        }
        if (released) {
            return NONE;
        }
        if (wasExtended) {
            return key == KEYPAD_ENTER ? '\n' : key == KEYPAD_SLASH ? '/' : NONE;
        }
        if (key >= PLAIN.length()) {
            return NONE;
        }
        char plain = PLAIN.charAt(key);
        boolean letter = plain >= 'a' && plain <= 'z';
        if (ctrl && letter) {
            return plain - 'a' + 1;
        }
        boolean shift = leftShift || rightShift;
        char typed = (letter ? shift != capsLock : shift) ? SHIFTED.charAt(key) : plain;
        return typed == 0 ? NONE : typed;
    }
}
