package kiln.lib.reflect;

/**
 * A reflective query about a class that is in the image but was not registered for reflection at build time,
 * so the image holds no metadata to answer it. The name is GraalVM Native Image's for the same situation; the
 * superclass is HotSpot's {@link LinkageError}, so code written for the JVM that guards optional reflection with
 * {@code catch (LinkageError e)} keeps working, while code that catches only the checked
 * {@code NoSuchMethodException} does not mistake a configuration gap for a missing member.
 *
 * <p><i>Rejected</i>: {@code NoSuchMethodException}/{@code NoSuchFieldException} (libraries catch them and
 * quietly try another strategy, so the missing registration would surface far from its cause) and returning
 * empty arrays (silently wrong: a data-binding library would see a class without properties).
 */
public final class MissingReflectionRegistrationError extends LinkageError {
    private static final long serialVersionUID = 1L;

    /** A registration gap that is not about one class (a proxy's interface list): the whole message. */
    public MissingReflectionRegistrationError(String message) {
        super(message);
    }

    /**
     * An invocation or field access of a member whose class the build registered for queries only (a JDK
     * supertype of a registered class): {@code member} as its toString shows it.
     */
    public static MissingReflectionRegistrationError queryOnly(String access, Object member, Class<?> type) {
        return new MissingReflectionRegistrationError(access + " " + member + ": " + type.getName() + " is registered"
                + " for reflective queries only, as a supertype of a registered class; to " + access + " its members,"
                + " register " + type.getName() + " itself: list it in the kiln-maven-plugin's <reflection> or add"
                + " {\"name\": \"" + type.getName() + "\"} to a META-INF/native-image/.../reflect-config.json");
    }

    public MissingReflectionRegistrationError(String query, Class<?> type) {
        super(query + ": " + type.getName() + " is not registered for reflection in this Kiln image; register it"
                + " at build time: name it as a constant where the code reflects on it (Class.forName(\""
                + type.getName() + "\") or " + type.getSimpleName() + ".class.getDeclaredMethods()), list it in the"
                + " kiln-maven-plugin's <reflection>, add {\"name\": \"" + type.getName() + "\"} to a"
                + " META-INF/native-image/.../reflect-config.json on the class path, or build with -Dkiln.reflectAll");
    }
}
