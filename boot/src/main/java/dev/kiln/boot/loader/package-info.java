/**
 * Kiln's boot loaders, written with Kiln's assembler and assembled per image with the kernel's parameters
 * ({@link dev.kiln.boot.loader.BootParameters}): {@link dev.kiln.boot.loader.MasterBootRecord} and
 * {@link dev.kiln.boot.loader.BiosBootLoader} under a BIOS, {@link dev.kiln.boot.loader.UefiBootLoader} wrapped
 * by {@link dev.kiln.boot.loader.PortableExecutable} as {@code BOOTX64.EFI} under UEFI. Both loaders end in the
 * Multiboot2 machine state at {@code kiln_entry32} with the same boot information (docs/boot.md "Boot
 * information"); image-builder places them in ISO, disk and tar.gz images.
 */
package dev.kiln.boot.loader;
