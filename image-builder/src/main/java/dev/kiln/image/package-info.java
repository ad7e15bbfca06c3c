/**
 * Kiln's image builder: writes a linked {@link dev.kiln.linker.Kernel} and Kiln's boot loaders into bootable images
 * ({@link dev.kiln.image.ImageBuilder}). It only writes images: it neither compiles nor links (the toolchain
 * module's {@code KilnBuild} runs that pipeline and calls this module last), and the loaders it places are the
 * boot module's ({@code dev.kiln.boot.loader}).
 *
 * <h2>From firmware to kernel</h2>
 * A BIOS finds the El Torito boot catalog ({@link dev.kiln.image.iso}) on a CD, or runs the master boot record
 * ({@code dev.kiln.boot.loader.MasterBootRecord}, in the boot module) of a disk or USB stick, and either loads
 * Kiln's boot loader ({@code dev.kiln.boot.loader.BiosBootLoader}) at 0x7C00 in real mode; the loader reads the flat kernel
 * file above 1 MiB through unreal mode, collects the E820 memory map into a Multiboot2 information structure,
 * and enters the kernel's 32-bit entry in the Multiboot2 machine state. {@code docs/boot.md} has the design
 * essay: glossary, the hard problem, the rejected alternatives (GRUB/ISOLINUX, floppy emulation, loading below
 * 640 KiB, parsing ELF in real mode, protected-mode BIOS thunks), and where UEFI fits.
 *
 * <h2>Packages</h2>
 * <ul>
 *   <li>{@code dev.kiln.image}: the door ({@code ImageBuilder}, {@code ImageSpec}, {@code ImageFormat}); the
 *       kernel flattening is package-private;</li>
 *   <li>{@code dev.kiln.image.iso}: ISO 9660 (ECMA-119) and El Torito 1.0, independent of Kiln;</li>
 *   <li>{@code dev.kiln.image.disk}: FAT (the EFI system partition) and GPT with its protective MBR.</li>
 * </ul>
 */
package dev.kiln.image;
