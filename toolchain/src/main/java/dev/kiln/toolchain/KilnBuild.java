package dev.kiln.toolchain;

import dev.kiln.image.ImageBuilder;

import dev.kiln.boot.BootStub;
import dev.kiln.boot.HostedStub;
import dev.kiln.boot.InterruptStub;
import dev.kiln.compiler.ClassPath;
import dev.kiln.compiler.CompilationException;
import dev.kiln.compiler.Compiler;
import dev.kiln.compiler.CompilerOptions;
import dev.kiln.compiler.EntryPoints;
import dev.kiln.compiler.object.ObjectModule;
import dev.kiln.linker.Kernel;
import dev.kiln.linker.LinkException;
import dev.kiln.linker.LinkOptions;
import dev.kiln.linker.Linker;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/** The whole toolchain in one call: compile, link, write the ELF and link map if asked, write the image. */
public final class KilnBuild {
    /** A class file of the kernel template, found as a resource to locate the template's jar or directory. */
    static final String KERNEL_TEMPLATE_MARKER = "kiln/kernel/boot/Kernel.class";

    private KilnBuild() {
    }

    /**
     * Runs the build.
     *
     * @return the linked kernel (the image, ELF and map are on disk)
     * @throws CompilationException the application cannot be compiled (each problem says where and why)
     * @throws LinkException        the compiled modules cannot be linked
     * @throws IOException          an output cannot be written (checked before anything is compiled)
     */
    public static Kernel build(BuildSpec spec) throws CompilationException, LinkException, IOException {
        OutputCheck.requireWritableFile(spec.image().output(), "the image");
        if (spec.elf().isPresent()) {
            OutputCheck.requireWritableFile(spec.elf().get(), "the ELF kernel");
        }
        if (spec.linkMap().isPresent()) {
            OutputCheck.requireWritableFile(spec.linkMap().get(), "the link map");
        }
        if (spec.reportDirectory().isPresent()) {
            OutputCheck.requireWritableDirectory(spec.reportDirectory().get(), "the build report");
        }
        ObjectModule module = compile(spec.classPath(), spec.mainClass(), new CompilerOptions(spec.reportDirectory(),
                spec.linkAtBuildTime(), spec.warnings(), spec.reflection(), spec.reflectAll(), spec.resources())
                .withTimeZones(spec.timeZones(), spec.defaultTimeZone()).withOptimize(spec.optimize()));
        Kernel kernel = Linker.link(List.of(BootStub.module(), InterruptStub.module(), module), LinkOptions.defaults());
        if (spec.elf().isPresent()) {
            kernel.writeElf(spec.elf().get());
        }
        if (spec.linkMap().isPresent()) {
            kernel.writeMap(spec.linkMap().get());
        }
        ImageBuilder.build(kernel, spec.image());
        return kernel;
    }

    /**
     * The same program as a Linux x86-64 executable (the hosted target, see {@code HostedStub}): for running
     * compiled code natively, e.g. to benchmark it against HotSpot, without QEMU.
     */
    public static void buildHostedExecutable(List<Path> classPath, String mainClass, Path output)
            throws CompilationException, LinkException, IOException {
        OutputCheck.requireWritableFile(output, "the executable");
        ObjectModule module = compile(classPath, mainClass, CompilerOptions.defaults());
        Kernel kernel = Linker.link(List.of(BootStub.module(), InterruptStub.module(), module, HostedStub.module()),
                new LinkOptions(LinkOptions.DEFAULT_BASE_ADDRESS, HostedStub.ENTRY));
        kernel.writeElf(output);
        if (output.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(output, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static ObjectModule compile(List<Path> classPath, String mainClass, CompilerOptions options)
            throws CompilationException {
        List<Path> entries = new ArrayList<>();
        entries.add(kernelTemplateLocation());
        entries.addAll(classPath);
        return Compiler.compile(ClassPath.of(entries), new EntryPoints(mainClass), options);
    }

    /**
     * The jar or class directory holding the kernel template's classes (Kiln's {@code kiln.runtime} and
     * {@code java.*} sources compiled for the guest). Found as a resource, never loaded: they are guest code,
     * and the compiler reads them as bytes. In the shaded {@code kiln-cli.jar} this is the CLI jar itself.
     */
    static Path kernelTemplateLocation() {
        URL marker = KilnBuild.class.getClassLoader().getResource(KERNEL_TEMPLATE_MARKER);
        if (marker == null) {
            throw new IllegalStateException("the Kiln kernel template (" + KERNEL_TEMPLATE_MARKER + ") is not on the"
                    + " class path of the Kiln tools; add the dependency dev.kiln:kiln-kernel-template");
        }
        try {
            String url = marker.toString();
            if (marker.getProtocol().equals("jar")) {
                // jar:file:/path/to/kernel-template.jar!/kiln/kernel/boot/Kernel.class
                return Path.of(new URL(url.substring("jar:".length(), url.indexOf("!/"))).toURI());
            }
            // file:/path/to/classes/kiln/kernel/boot/Kernel.class
            Path classFile = Path.of(marker.toURI());
            Path root = classFile;
            for (int i = 0; i < KERNEL_TEMPLATE_MARKER.split("/").length; i++) {
                root = root.getParent();
            }
            return root;
        } catch (URISyntaxException | IOException | RuntimeException e) {
            throw new IllegalStateException("cannot turn the kernel template location " + marker + " into a file path", e);
        }
    }
}
