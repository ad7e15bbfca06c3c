/**
 * The one door to Kiln's pipeline, class files to bootable image: {@link dev.kiln.toolchain.KilnBuild#build}
 * compiles the application with the kernel template (compiler), links the result beside the boot module's entry
 * stub (linker, boot), and writes the image (image-builder). The Maven plugin, the JUnit engine and the
 * {@code kiln} CLI ({@code dev.kiln.toolchain.cli}) call it; nothing below it calls back up.
 *
 * <pre>
 *   toolchain ──> compiler   (ClassPath, EntryPoints → ObjectModule)
 *             ──> boot       (BootStub / HostedStub: the modules linked in front of, and after, the program)
 *             ──> linker     (ObjectModules → Kernel)
 *             ──> image-builder (Kernel → ISO, disk, tar.gz, ELF)
 *             ──> kernel-template (found as a resource: the guest classes compiled with every program)
 * </pre>
 * <i>Rejected</i>: keeping the pipeline in image-builder (where it was): the image writer then depended on the
 * compiler and the kernel template, so data flowed back up through the modules and the writer could not be used or
 * tested without the whole toolchain.
 */
package dev.kiln.toolchain;
