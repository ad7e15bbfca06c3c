package dev.kiln.compiler.verify;

/**
 * A class file that HotSpot would refuse to load, link or verify, in HotSpot's terms: the {@code LinkageError}
 * subclass it throws ({@link #errorClass}), the class, the method and bytecode offset when the problem is inside
 * one, and the reason.
 */
public final class ClassFileException extends Exception {
    /** The HotSpot error for the problem, as its simple name: {@code ClassFormatError}, {@code VerifyError}, ... */
    public final String errorClass;
    /** The class (internal name) the file claims to hold or was expected to hold. */
    public final String className;
    /** {@code name + descriptor} of the method the problem is in, or null for a class-level problem. */
    public final String method;
    /** Bytecode offset inside {@link #method}, or -1. */
    public final int offset;
    public final String reason;

    public ClassFileException(String errorClass, String className, String method, int offset, String reason) {
        super(errorClass + ": " + describe(className, method, offset) + ": " + reason);
        this.errorClass = errorClass;
        this.className = className;
        this.method = method;
        this.offset = offset;
        this.reason = reason;
    }

    private static String describe(String className, String method, int offset) {
        String where = className == null ? "class file" : className.replace('/', '.');
        if (method != null) {
            where += "." + method;
        }
        if (offset >= 0) {
            where += " at bytecode offset " + offset;
        }
        return where;
    }

    /** The same problem, placed at the instruction with {@code offset} inside {@code method}. */
    public ClassFileException at(String method, int offset) {
        return new ClassFileException(errorClass, className, method, offset, reason);
    }
}
