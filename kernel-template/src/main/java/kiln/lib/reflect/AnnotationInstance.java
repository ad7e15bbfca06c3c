package kiln.lib.reflect;

import java.lang.annotation.Annotation;
import java.util.Arrays;

/**
 * The superclass of the annotation classes the compiler generates, one per annotation interface that a
 * registered class uses with runtime retention ({@code dev.kiln.compiler.ReflectionMetadata}): the generated
 * class implements the interface, keeps each element in a field and returns it (arrays cloned); this class
 * gives {@code annotationType}, {@code equals}, {@code hashCode} and {@code toString} as
 * {@link Annotation}'s javadoc specifies them.
 *
 * <p><i>Rejected</i>: {@code java.lang.reflect.Proxy} with an invocation handler as the JDK does (a proxy class
 * per annotation anyway, plus reflective dispatch of every element read).
 */
public abstract class AnnotationInstance implements Annotation {
    private final Class<? extends Annotation> type;
    private final String[] names;

    protected AnnotationInstance(Class<? extends Annotation> type, String[] names) {
        this.type = type;
        this.names = names;
    }

    /** The annotation of type {@code type} among {@code annotations}, or null: every getAnnotation's search. */
    public static <A extends Annotation> A find(Annotation[] annotations, Class<A> type) {
        java.util.Objects.requireNonNull(type);
        for (Annotation a : annotations) {
            if (a.annotationType() == type) {
                return type.cast(a);
            }
        }
        return null;
    }

    /** The element values in the order of {@code names}, primitives boxed, arrays as they are. */
    protected abstract Object[] elementValues();

    @Override
    public final Class<? extends Annotation> annotationType() {
        return type;
    }

    @Override
    public final boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof AnnotationInstance other) || other.type != type) {
            return false;
        }
        Object[] mine = elementValues();
        Object[] theirs = other.elementValues();
        for (int i = 0; i < mine.length; i++) {
            if (!Arrays.deepEquals(new Object[] {mine[i]}, new Object[] {theirs[i]})) {
                return false;
            }
        }
        return true;
    }

    /** Annotation.hashCode: the sum over the elements of (127 * name.hashCode()) ^ the value's hash. */
    @Override
    public final int hashCode() {
        Object[] values = elementValues();
        int hash = 0;
        for (int i = 0; i < values.length; i++) {
            hash += (127 * names[i].hashCode()) ^ valueHash(values[i]);
        }
        return hash;
    }

    private static int valueHash(Object value) {
        if (value instanceof Object[] a) {
            return Arrays.hashCode(a);
        } else if (value instanceof int[] a) {
            return Arrays.hashCode(a);
        } else if (value instanceof long[] a) {
            return Arrays.hashCode(a);
        } else if (value instanceof boolean[] a) {
            return Arrays.hashCode(a);
        } else if (value instanceof byte[] a) {
            return Arrays.hashCode(a);
        } else if (value instanceof char[] a) {
            return Arrays.hashCode(a);
        } else if (value instanceof short[] a) {
            return Arrays.hashCode(a);
        } else if (value instanceof float[] a) {
            return Arrays.hashCode(a);
        } else if (value instanceof double[] a) {
            return Arrays.hashCode(a);
        }
        return value.hashCode();
    }

    /** JDK 17's form: {@code @pkg.Outer.Name(count=3, value="x")}, {@code value=} left out when it is the only element. */
    @Override
    public final String toString() {
        StringBuilder text = new StringBuilder("@").append(type.getCanonicalName()).append('(');
        Object[] values = elementValues();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append(", ");
            }
            if (!(values.length == 1 && names[i].equals("value"))) {
                text.append(names[i]).append('=');
            }
            text.append(sourceText(values[i]));
        }
        return text.append(')').toString();
    }

    private static String sourceText(Object value) {
        if (value instanceof String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
        } else if (value instanceof Character c) {
            return "'" + (c == '\'' ? "\\'" : c == '\\' ? "\\\\" : String.valueOf(c)) + "'";
        } else if (value instanceof Long l) {
            return l + "L";
        } else if (value instanceof Float f) {
            return f.isNaN() ? "0.0f/0.0f" : f.isInfinite() ? (f < 0 ? "-1.0f/0.0f" : "1.0f/0.0f") : f + "f";
        } else if (value instanceof Double d) {
            return d.isNaN() ? "0.0/0.0" : d.isInfinite() ? (d < 0 ? "-1.0/0.0" : "1.0/0.0") : d.toString();
        } else if (value instanceof Byte b) {
            return "(byte)0x" + Integer.toHexString((b & 0xff) | 0x100).substring(1);
        } else if (value instanceof Class<?> c) {
            return c.getCanonicalName() + ".class";
        } else if (value instanceof Enum<?> e) {
            return e.name();
        } else if (value != null && value.getClass().isArray()) {
            StringBuilder text = new StringBuilder("{");
            int length = java.lang.reflect.Array.getLength(value);
            for (int i = 0; i < length; i++) {
                text.append(i == 0 ? "" : ", ").append(sourceText(java.lang.reflect.Array.get(value, i)));
            }
            return text.append('}').toString();
        }
        return String.valueOf(value);
    }
}
