package kiln.lib.reflect;

/**
 * The code behind the reflective members of one registered class: the compiler generates one implementation
 * per class ({@code dev.kiln.compiler.ReflectionMetadata}), whose methods switch on the member's index and run
 * the bytecode a direct use of that member would run ({@code invokevirtual}, {@code getfield}, {@code new} +
 * {@code invokespecial <init>}, ...). Arguments arrive already checked and converted to the exact box of each
 * parameter type ({@link Conversions}); results leave boxed. Whatever the member itself throws comes out
 * unwrapped, for the caller to wrap.
 */
public interface MemberAccess {
    /** Runs method {@code index}: virtual dispatch for instance methods, as {@code invokevirtual} would. */
    Object invoke(int index, Object target, Object[] arguments) throws Throwable;

    /** Makes an instance with constructor {@code index}. */
    Object construct(int index, Object[] arguments) throws Throwable;

    /** Reads field {@code index} of {@code target} (ignored for a static field), boxed. */
    Object get(int index, Object target);

    /** Writes field {@code index}; {@code value} is the exact box of a primitive field's type. */
    void set(int index, Object target, Object value);

    /** Initializes the class (JLS §12.4.2), as {@code Class.forName(name)} does. */
    void initialize();
}
