/**
 * Kiln's linker: object modules in, a bootable ELF64 kernel out. The door is
 * {@link dev.kiln.linker.Linker#link Linker.link(modules, options)}, which returns a {@link dev.kiln.linker.Kernel}.
 *
 * <h2>Layout</h2>
 * <pre>
 *   0x100000  .multiboot2   Multiboot2 header, made by the linker            PT_LOAD R+X
 *             .text         TEXT sections, module order, each at its alignment
 *   page      .rodata       RODATA sections                                   PT_LOAD R
 *   page      .data         DATA sections                                     PT_LOAD RW
 *             .bss          BSS sections (p_memsz &gt; p_filesz)
 *   page      __kernel_end
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
 * <h2>Why both a Multiboot2 header and a PVH note</h2>
 * They are the two ways existing loaders start an ELF kernel in 32-bit mode. GRUB (and other Multiboot2 loaders)
 * scan the first 32 KiB of the file for the Multiboot2 header (Multiboot2 §3.1) and enter at {@code e_entry} with
 * {@code eax = 0x36d76289}. QEMU's {@code -kernel} does not speak Multiboot2; for an ELF that is neither bzImage
 * nor Multiboot1 it looks for the Xen note {@code XEN_ELFNOTE_PHYS32_ENTRY} (type 18) and enters there with
 * {@code ebx} pointing at an {@code hvm_start_info} (Xen's PVH boot ABI). Both use the same entry symbol, so one
 * boot stub serves both. The stub saves eax and ebx in {@code kiln_boot_magic} and {@code kiln_boot_info}: a magic
 * of 0x36d76289 means Multiboot2, otherwise {@code kiln_boot_info} points at an {@code hvm_start_info} whose
 * first word is 0x336ec578. Kiln's own boot loader
 * skips ELF altogether and copies {@link dev.kiln.linker.Kernel#segments()}.
 *
 * <h2>Determinism</h2>
 * The output depends only on the modules and options: sections are placed in module order, symbols are written
 * sorted by address then name, and nothing reads the clock or the environment.
 */
package dev.kiln.linker;
