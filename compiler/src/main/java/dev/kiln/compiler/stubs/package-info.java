/**
 * The hand-written assembly the compiled program itself needs, written with Kiln's own assembler
 * ({@link dev.kiln.compiler.asm}). Each stub is here because compiled Java cannot express what it does; its class
 * documentation says which. Keep them few and short: every instruction here is one a reader must check by hand.
 * <ul>
 *   <li>{@link dev.kiln.compiler.stubs.InterruptStub}: one entry per IDT vector, the save/dispatch/iretq path
 *       into the Java interrupt dispatcher, and the hosted target's fault-signal entry and rt_sigreturn restorer
 *       ({@value dev.kiln.compiler.stubs.InterruptStub#INSTRUCTION_COUNT} instructions, 256 of them one
 *       {@code call} per vector).</li>
 * </ul>
 * The boot stubs (the 32-bit Multiboot2/PVH entry and the hosted target's Linux entry) are not the compiler's:
 * they live with the rest of the boot code in the boot module ({@code dev.kiln.boot}, docs/boot.md), which the
 * build links beside the compiled module.
 */
package dev.kiln.compiler.stubs;
