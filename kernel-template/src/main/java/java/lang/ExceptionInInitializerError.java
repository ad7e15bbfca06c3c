package java.lang;

/**
 * A class initializer ended with an exception that is not an Error (JLS §12.4.2); thrown by
 * {@code kiln.kernel.sched.ClassInitialization}.
 *
 * <p>Kiln's own, to leave out what the JDK's adds for serialization: a static {@code serialPersistentFields}
 * array of {@code java.io.ObjectStreamField}, made when this class is initialized. Every image can throw this
 * error, so that array put ObjectStreamField, and through its {@code getSignature} {@code String.intern}, into
 * every image: in hello 27 methods and 4 KB of machine code that nearly no program uses. The serial form here is the default one: the
 * exception travels as the cause, which Throwable's own fields carry in either form.
 */
public class ExceptionInInitializerError extends LinkageError {
    private static final long serialVersionUID = 1521711792217232256L;

    /** No message and no exception; the cause stays null for good, as initCause(null) leaves it. */
    public ExceptionInInitializerError() {
        initCause(null);
    }

    /** For {@code thrown}, the initializer's exception, which is also the cause. */
    public ExceptionInInitializerError(Throwable thrown) {
        super(null, thrown);
    }

    /** With a message and no exception. */
    public ExceptionInInitializerError(String message) {
        super(message, null);
    }

    /** The initializer's exception, or null. */
    public Throwable getException() {
        return getCause();
    }
}
