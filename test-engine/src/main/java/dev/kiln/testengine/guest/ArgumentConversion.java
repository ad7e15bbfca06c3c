package dev.kiln.testengine.guest;

/**
 * Turns a boxed argument into the primitive a test method declares, with the widening conversions JUnit's
 * parameterized tests allow (JLS §5.1.2: an {@code Integer} for a {@code long} parameter, a {@code Character}
 * for an {@code int}, ...). Called by the generated call tables; a value that does not convert is an error of
 * the test, as it is on the JVM.
 */
public final class ArgumentConversion {
    private ArgumentConversion() {
    }

    public static boolean toBoolean(Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        throw mismatch(value, "boolean");
    }

    public static char toChar(Object value) {
        if (value instanceof Character character) {
            return character;
        }
        throw mismatch(value, "char");
    }

    public static byte toByte(Object value) {
        if (value instanceof Byte number) {
            return number;
        }
        throw mismatch(value, "byte");
    }

    public static short toShort(Object value) {
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).shortValue();
        }
        throw mismatch(value, "short");
    }

    public static int toInt(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value instanceof Character character) {
            return character;
        }
        throw mismatch(value, "int");
    }

    public static long toLong(Object value) {
        if (value instanceof Long number) {
            return number;
        }
        return toInt(value);
    }

    public static float toFloat(Object value) {
        if (value instanceof Float number) {
            return number;
        }
        return toLong(value);
    }

    public static double toDouble(Object value) {
        if (value instanceof Double number) {
            return number;
        }
        return toFloat(value);
    }

    private static IllegalArgumentException mismatch(Object value, String type) {
        return new IllegalArgumentException("argument " + value
                + (value == null ? "" : " (" + value.getClass().getName() + ")") + " cannot be converted to " + type);
    }
}
