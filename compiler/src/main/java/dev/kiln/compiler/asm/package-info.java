/**
 * Kiln's x86 assembler: turns instructions and data into the bytes, symbols and relocations of a
 * {@link dev.kiln.compiler.object.Section}. Pure Java; GNU as is only its test oracle.
 *
 * <h2>Table-driven</h2>
 * Every instruction form is one row of {@link dev.kiln.compiler.asm.EncodingTable}, copied from the Intel SDM
 * Vol. 2 opcode tables: instruction with operand patterns ({@code r/m32, imm8}), opcode column
 * ({@code REX.W 83 /0 ib}) and Op/En column ({@code MI}), plus the notes of the validity columns as flags.
 * {@link dev.kiln.compiler.asm.InstructionEncoder} is the one generic encoder: it picks the first row whose
 * patterns fit the operands and writes prefixes, REX, opcode, ModRM/SIB/displacement
 * ({@link dev.kiln.compiler.asm.AddressEncoding}) and immediates. The typed methods of
 * {@link dev.kiln.compiler.asm.Assembler} ({@code mov}, {@code add}, ...) only name the mnemonic. No opcode
 * byte appears outside the table. The alternative, one hand-written method per instruction that writes its
 * bytes (as many small JIT assemblers do), scatters the same ModRM/REX logic over hundreds of places and cannot
 * be checked row by row; with the table, the test suite assembles every row with GNU as and compares bytes.
 *
 * <h2>Which encoding</h2>
 * Where x86 has several encodings for one instruction, Kiln picks what GNU as picks by default, so the oracle
 * comparison is exact: sign-extended imm8 forms for small immediates, accumulator short forms, {@code B8+rd}
 * for {@code mov r32, imm32}, {@code C7 /0} for {@code mov r64, imm} when the value fits in a signed 32-bit
 * immediate and the 10-byte {@code movabs} otherwise (always for symbol addresses, which get an ABS64
 * relocation), the "MR" direction for register-to-register forms, and moffs forms for absolute addresses in
 * 16/32-bit code.
 *
 * <h2>Single pass, no short jumps</h2>
 * Jumps and calls to labels always use the full displacement: rel32 in 32- and 64-bit code, rel16 in 16-bit
 * code. Every instruction's size is then known when it is emitted, so one pass suffices: label references are
 * recorded with their field offset and patched in {@link dev.kiln.compiler.asm.Assembler#finish}. GNU as
 * instead relaxes jumps to the 2-byte rel8 form when the target is near, which needs repeated passes until
 * sizes converge; the 3 bytes saved per near jump are not worth that complexity in a baseline compiler.
 * (The oracle tests use GNU as's {@code {disp32}}/{@code {disp16}} pseudo-prefixes to get the same long forms.)
 * Code that can be emitted twice gets short jumps without relaxation: {@link dev.kiln.compiler.asm.Assembler.JumpSizing}
 * measures every jump to a label in a first emission (near forms only, into a scratch assembler) and gives the
 * rel8 form to those within reach in the second, which cannot push any of them out of reach since code only
 * shrinks. The optimizing tier emits each method so (a tenth of its code in hello).
 *
 * <h2>Modes</h2>
 * One assembler can switch between 16-, 32- and 64-bit encoding ({@link dev.kiln.compiler.asm.Assembler#mode}),
 * as the boot loader goes from real mode to long mode. The mode decides the default operand and address sizes
 * and so the 0x66/0x67 prefixes (SDM Vol. 1 §3.6), whether REX exists, and how a symbol or label without
 * registers is addressed: RIP-relative in 64-bit mode (PC32), an absolute displacement in 16/32-bit mode
 * (ABS16/ABS32). Memory operands with 32-bit registers get 0x67 in 16- and 64-bit code; 16-bit registers use
 * the 16-bit addressing forms.
 *
 * <h2>Labels, symbols, origin</h2>
 * Labels are local to one assembler; PC-relative references to them never need relocations. Absolute
 * references to labels (a jump table, {@code lgdt} of a descriptor in a boot sector) resolve to
 * origin + offset when {@link dev.kiln.compiler.asm.Assembler#origin} is set (flat code, see
 * {@link dev.kiln.compiler.asm.Assembler#flatBinary}), and otherwise become relocations against the first
 * symbol of the section. Symbols are the global names of the object format; references to them are
 * relocations for the linker.
 */
package dev.kiln.compiler.asm;
