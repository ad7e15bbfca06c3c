package dev.kiln.toolchain;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before anything is compiled, that every file a build will write can be written: the build then fails
 * in its first second with the path, the cause and the fix, instead of after compiling and linking, and never
 * with only the name of a temporary file. The probe creates and deletes a file in the target directory, which
 * also catches what permission bits do not show (read-only mounts, root-squashed network file systems).
 */
final class OutputCheck {
    private OutputCheck() {
    }

    /** {@code file} (described as {@code what}, e.g. "the image") can be created or replaced. */
    static void requireWritableFile(Path file, String what) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException("cannot write " + what + " to " + file + ": it is a directory; give the path of a file"
                    + " (e.g. " + file.resolve("kiln.iso") + ")");
        }
        Path directory = file.toAbsolutePath().getParent();
        requireWritableDirectory(directory, what + " " + file);
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new IOException("cannot write " + what + " to " + file + ": the file exists and is read-only;"
                    + " make it writable or choose another path");
        }
    }

    /** {@code directory} exists or can be created, and files can be created in it. */
    static void requireWritableDirectory(Path directory, String what) throws IOException {
        try {
            Files.createDirectories(directory);
            Path probe = Files.createTempFile(directory, ".kiln-", ".probe");
            Files.delete(probe);
        } catch (IOException e) {
            throw new IOException("cannot write " + what + ": directory " + directory + " " + cause(e)
                    + "; choose another output path, or fix the directory's permissions", e);
        }
    }

    private static String cause(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "is not writable (Permission denied)";
        }
        if (e instanceof FileAlreadyExistsException exists) {
            return "cannot be created: " + exists.getFile() + " is a file, not a directory";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return "cannot be written (" + fs.getReason() + ")";
        }
        return "cannot be written (" + e + ")";
    }
}
