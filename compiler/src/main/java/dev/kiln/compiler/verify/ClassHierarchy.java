package dev.kiln.compiler.verify;

/**
 * What the verifier needs to know about classes other than the one it verifies: whether they exist, whether
 * they are interfaces, and their superclasses. The compiler answers from its closed world, so the verifier sees
 * the same classes the code will run with (JVMS §4.10.1.2 asks the defining loader; Kiln has one).
 */
public interface ClassHierarchy {
    /** False when no class file for {@code internalName} is on the class path. */
    boolean exists(String internalName);

    /** Whether an existing class is an interface. */
    boolean isInterface(String internalName);

    /** The superclass of an existing class, null for {@code java/lang/Object}. */
    String superclass(String internalName);

    /** A field or method as resolution finds it (JVMS §5.4.3.2, §5.4.3.3): the class declaring it, its flags. */
    record Member(String declaringClass, int access) {
    }

    /** What a field or method reference through {@code owner} (an existing class) resolves to; null for nothing. */
    Member resolve(String owner, String name, String descriptor, boolean isField);
}
