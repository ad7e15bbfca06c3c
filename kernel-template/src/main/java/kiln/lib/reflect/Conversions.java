package kiln.lib.reflect;

/**
 * The checks and conversions of reflective calls and field writes, done in Java before the generated code
 * ({@link MemberAccess}) runs, so that the generated code only casts and unboxes: a reference must be an
 * instance of the parameter's type (or null), and a box becomes the exact box of a primitive parameter by
 * unboxing and widening primitive conversion (JLS §5.1.8, §5.1.2), as {@code Method.invoke} specifies.
 */
public final class Conversions {
    private Conversions() {}

    /** {@code value} as the value of a parameter or field of {@code type}, or null if it cannot be one. */
    public static Object convert(Class<?> type, Object value) throws IllegalArgumentException {
        if (!type.isPrimitive()) {
            return value == null || type.isInstance(value) ? value : null;
        }
        if (value instanceof Boolean) {
            return type == boolean.class ? value : null;
        }
        if (value instanceof Character c) {
            return type == char.class ? value : widen(type, c.charValue(), 2);
        }
        if (value instanceof Byte b) {
            return widen(type, b.byteValue(), 0);
        }
        if (value instanceof Short s) {
            return widen(type, s.shortValue(), 1);
        }
        if (value instanceof Integer i) {
            return widen(type, i.intValue(), 3);
        }
        if (value instanceof Long l) {
            return type == long.class ? value : type == float.class ? (Object) (float) l.longValue()
                    : type == double.class ? (Object) (double) l.longValue() : null;
        }
        if (value instanceof Float f) {
            return type == float.class ? value : type == double.class ? (Object) (double) f.floatValue() : null;
        }
        if (value instanceof Double) {
            return type == double.class ? value : null;
        }
        return null;
    }

    /** True when {@code converted}, a result of {@link #convert}, stands for a value that was given. */
    public static boolean converted(Class<?> type, Object original, Object converted) {
        return converted != null || (original == null && !type.isPrimitive());
    }

    /**
     * An integral value of rank {@code rank} (0 byte, 1 short, 2 char, 3 int) widened to {@code type}; char
     * neither widens from nor to byte and short.
     */
    private static Object widen(Class<?> type, int value, int rank) {
        if (type == byte.class) {
            return rank == 0 ? (Object) (byte) value : null;
        }
        if (type == short.class) {
            return rank <= 1 ? (Object) (short) value : null;
        }
        if (type == int.class) {
            return value;
        }
        if (type == long.class) {
            return (long) value;
        }
        if (type == float.class) {
            return (float) value;
        }
        if (type == double.class) {
            return (double) value;
        }
        return null;
    }

    /** The arguments of a call of a method or constructor with {@code parameterTypes}, converted; throws like HotSpot. */
    public static Object[] arguments(Class<?>[] parameterTypes, Object[] arguments) {
        int count = arguments == null ? 0 : arguments.length;
        if (count != parameterTypes.length) {
            throw new IllegalArgumentException("wrong number of arguments");
        }
        Object[] converted = new Object[count];
        for (int i = 0; i < count; i++) {
            if (arguments[i] == null && parameterTypes[i].isPrimitive()) {
                throw new IllegalArgumentException(); // HotSpot's has no message for this case
            }
            converted[i] = convert(parameterTypes[i], arguments[i]);
            if (!converted(parameterTypes[i], arguments[i], converted[i])) {
                throw new IllegalArgumentException("argument type mismatch");
            }
        }
        return converted;
    }
}
