/**
 * Kiln's linker: object modules in, a bootable ELF64 kernel out. The door is
 * {@link dev.kiln.linker.Linker#link Linker.link(modules, options)}, which returns a {@link dev.kiln.linker.Kernel}.
 *
 * <h2>Layout</h2>
 * <pre>
 *   0x100000  .text         TEXT sections, module order, each aligned         PT_LOAD R+X
 *   page      .rodata       RODATA sections                                   PT_LOAD R
 *   page      .data         DATA sections                                     PT_LOAD RW
 *             .bss          BSS sections (p_memsz &gt; p_filesz)
 *   page      __kernel_end
 *   (file)    .note         NOTE sections, not loaded                         PT_NOTE
 * </pre>
 * Linker-defined symbols: {@code __kernel_start}, {@code __kernel_end} (page-aligned, BSS included),
 * {@code __text_start}, {@code __text_end}, {@code __bss_start}, {@code __bss_end} (both 8-aligned, so the boot
 * stub can clear the BSS eight bytes at a time). The file also carries section headers and a symbol table, so
 * {@code objdump -d}, {@code nm} and {@code gdb} show Kiln's symbols, and {@link dev.kiln.linker.Kernel#writeMap}
 * writes a text map.
 *
 * <h2>Why identity mapped at 1 MiB</h2>
 * Every way into the kernel (Multiboot2, PVH, Kiln's own boot loader) starts it in 32-bit protected mode with
 * paging off, so the addresses the code was linked for must be physical addresses, and the boot stub's page
 * tables map virtual = physical. Below 1 MiB lie the real-mode IVT, BIOS data, the EBDA, VGA memory and option
 * ROMs; 1 MiB is the first address every PC has free, and where GRUB and QEMU expect kernels. A higher-half kernel
 * would need position-dependent trampolines before paging is on, for no benefit in a single-address-space OS.
 * Each kind starts on a page so that page tables can later give text, read-only data and writable data their own
 * permissions (no-execute, read-only) without splitting pages.
 *
 * <h2>What the linker does not know</h2>
 * The linker depends on the object format ({@code dev.kiln.compiler.object}) and nothing else of Kiln: it knows
 * no boot protocol. The Multiboot2 header and the PVH note that let GRUB and QEMU's {@code -kernel} start the
 * ELF are the boot module's (dev.kiln.boot.BootStub, docs/boot.md): an ordinary first TEXT section and a NOTE
 * section, which a Kiln link gets by putting the boot stub's module first. Kiln's own boot loaders skip ELF
 * altogether and copy {@link dev.kiln.linker.Kernel#segments()}.
 *
 * <h2>Determinism</h2>
 * The output depends only on the modules and options: sections are placed in module order, symbols are written
 * sorted by address then name, and nothing reads the clock or the environment.
 */
package dev.kiln.linker;
