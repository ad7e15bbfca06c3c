package dev.kiln.compiler.asm;

/** An instruction operand: a register, an immediate, a memory reference or a code label. */
public sealed interface Operand permits Reg, SegReg, ControlReg, Xmm, Imm, Mem, Label {
}
