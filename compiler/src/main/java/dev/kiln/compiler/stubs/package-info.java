/**
 * The hand-written assembly Kiln needs, written with Kiln's own assembler ({@link dev.kiln.compiler.asm}).
 * Each stub is here because compiled Java cannot run yet where it runs, or cannot express what it does; its class
 * documentation says which. Keep them few and short: every instruction here is one a reader must check by hand.
 * <ul>
 *   <li>{@link dev.kiln.compiler.stubs.BootStub}: 32-bit entry from Multiboot2 and PVH loaders to the first Java
 *       method in 64-bit mode ({@value dev.kiln.compiler.stubs.BootStub#INSTRUCTION_COUNT} instructions).</li>
 *   <li>{@link dev.kiln.compiler.stubs.HostedStub}: the Linux process entry of the hosted target
 *       ({@value dev.kiln.compiler.stubs.HostedStub#INSTRUCTION_COUNT} instructions).</li>
 *   <li>{@link dev.kiln.compiler.stubs.InterruptStub}: one entry per IDT vector, the save/dispatch/iretq path
 *       into the Java interrupt dispatcher, and the hosted target's fault-signal entry and rt_sigreturn restorer
 *       ({@value dev.kiln.compiler.stubs.InterruptStub#INSTRUCTION_COUNT} instructions, 256 of them one
 *       {@code call} per vector).</li>
 * </ul>
 */
package dev.kiln.compiler.stubs;
