/**
 * Kiln's boot code: everything between the firmware and {@code Kernel.start}, in one module, so that a new
 * firmware or loader touches this module and nothing else (docs/boot.md is its essay, and the one description of
 * the boot information the kernel reads).
 *
 * <ul>
 *   <li>{@link dev.kiln.boot.BootStub}: the kernel's 32-bit entry, from the Multiboot2/PVH machine state to
 *       {@code kiln_java_start} in 64-bit mode; its {@link dev.kiln.boot.BootStub#module() module} also carries
 *       the {@link dev.kiln.boot.Multiboot2Header} and the PVH note, and is linked first;</li>
 *   <li>{@link dev.kiln.boot.InterruptStub}: the way into Java and back for every interrupt and CPU exception (one
 *       entry per IDT vector, the save/dispatch/iretq path), the hosted target's fault-signal entry and
 *       {@code rt_sigreturn} restorer, and the memory the kernel builds its CPU tables in; linked second;</li>
 *   <li>{@link dev.kiln.boot.HostedStub}: the Linux process entry of the hosted target;</li>
 *   <li>{@code dev.kiln.boot.loader}: the BIOS loader and MBR, the UEFI loader and its PE32+ wrapping, the
 *       command line tag both loaders carry, the FAT volume's not-bootable code;</li>
 *   <li>{@link dev.kiln.boot.ReferenceGuests}: the least a guest can do under each firmware, the floor of
 *       {@code kiln bench boot} and the KVM probe's guest.</li>
 * </ul>
 *
 * <p>It uses the compiler's assembler ({@code dev.kiln.compiler.asm}, whose encodings are checked row by row
 * against GNU as) and object format ({@code dev.kiln.compiler.object}) and nothing else of Kiln; the linker,
 * image-builder and the toolchain use it, never the other way round (BuildArchitectureTest in the toolchain
 * checks both). Every stub's class documentation says why compiled Java cannot do what it does; keep them few and
 * short: every instruction in them is one a reader must check by hand. <i>Rejected</i>: the boot code where each
 * piece was first needed (the entry and interrupt stubs in the compiler, the Multiboot2 header and PVH note in the
 * linker, the loaders in image-builder, a boot sector each in the KVM probe and the boot benchmark): every new
 * firmware touched four modules and data climbed back up through them.
 * <i>Rejected for now</i>: a module of its own for the assembler and object format, which would let this module
 * skip the compiler proper; the architecture test confines it to those two packages meanwhile.
 */
package dev.kiln.boot;
