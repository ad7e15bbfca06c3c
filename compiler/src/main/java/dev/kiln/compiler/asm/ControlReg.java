package dev.kiln.compiler.asm;

/** The control registers Kiln's boot code and kernel touch (Intel SDM Vol. 3A §2.5). */
public enum ControlReg implements Operand {
    CR0(0), CR2(2), CR3(3), CR4(4);

    private final int number;

    ControlReg(int number) {
        this.number = number;
    }

    /** The number encoded in ModRM.reg. */
    public int number() {
        return number;
    }

    @Override
    public String toString() {
        return name().toLowerCase();
    }
}
