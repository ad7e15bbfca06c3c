/**
 * The hand-written assembly Kiln needs, written with Kiln's own assembler ({@link dev.kiln.compiler.asm}).
 * Each stub is here because compiled Java cannot run yet where it runs, or cannot express what it does; its class
 * documentation says which. Keep them few and short: every instruction here is one a reader must check by hand.
 * <ul>
 *   <li>{@link dev.kiln.compiler.stubs.BootStub}: 32-bit entry from Multiboot2 and PVH loaders to the first Java
 *       method in 64-bit mode ({@value dev.kiln.compiler.stubs.BootStub#INSTRUCTION_COUNT} instructions).</li>
 *   <li>{@link dev.kiln.compiler.stubs.InterruptStub}: one entry per IDT vector and the save/dispatch/iretq path
 *       into the Java interrupt dispatcher ({@value dev.kiln.compiler.stubs.InterruptStub#INSTRUCTION_COUNT}
 *       instructions).</li>
 * </ul>
 */
package dev.kiln.compiler.stubs;
