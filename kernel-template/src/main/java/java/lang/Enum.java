package java.lang;

/**
 * The superclass of every enum. Differences from the JDK: not {@code Constable}; {@link #valueOf} needs the
 * enum's constants by class, which the compiler does not provide yet, so it throws.
 */
public abstract class Enum<E extends Enum<E>> implements Comparable<E>, java.io.Serializable {
    private final String name;
    private final int ordinal;

    protected Enum(String name, int ordinal) {
        this.name = name;
        this.ordinal = ordinal;
    }

    public final String name() {
        return name;
    }

    public final int ordinal() {
        return ordinal;
    }

    public String toString() {
        return name;
    }

    public final boolean equals(Object other) {
        return this == other;
    }

    public final int hashCode() {
        return super.hashCode();
    }

    protected final Object clone() throws CloneNotSupportedException {
        throw new CloneNotSupportedException();
    }

    public final int compareTo(E o) {
        Enum<?> other = o;
        if (getClass() != other.getClass() && getDeclaringClass() != other.getDeclaringClass()) {
            throw new ClassCastException();
        }
        return ordinal - other.ordinal;
    }

    /** The enum type, also for a constant with a body (whose class is an anonymous subclass). */
    @SuppressWarnings("unchecked")
    public final Class<E> getDeclaringClass() {
        Class<?> c = getClass();
        Class<?> superclass = c.getSuperclass();
        return (Class<E>) (superclass == Enum.class ? c : superclass);
    }

    public static <T extends Enum<T>> T valueOf(Class<T> enumClass, String name) {
        if (name == null) {
            throw new NullPointerException("Name is null");
        }
        throw new UnsupportedOperationException("Enum.valueOf(" + enumClass.getName() + ", \"" + name
                + "\"): Kiln cannot look up enum constants by name yet; use a loop over values() instead");
    }
}
