package java.lang.reflect;

import kiln.runtime.ObjectModel;
import kiln.runtime.Support;

/**
 * Arrays by reflection. An array class exists in a Kiln image only if the program uses it, so
 * {@link #newInstance} works for the component types whose array class the compiler laid out
 * ({@code Class.arrayType()}); for others it throws {@link UnsupportedOperationException} naming the
 * type. The get and set methods follow JLS §5.1.2 widening as the JDK's natives do.
 */
public final class Array {
    private Array() {}

    public static Object newInstance(Class<?> componentType, int length) throws NegativeArraySizeException {
        Class<?> arrayClass = arrayClassOf(componentType);
        if (length < 0) {
            throw new NegativeArraySizeException(String.valueOf(length));
        }
        return Support.newArray(arrayClass, length);
    }

    public static Object newInstance(Class<?> componentType, int... dimensions)
            throws IllegalArgumentException, NegativeArraySizeException {
        if (dimensions.length == 0) {
            throw new IllegalArgumentException("Empty dimensions array");
        }
        if (dimensions.length > 255) {
            throw new IllegalArgumentException("array dimensions exceed maximum");
        }
        Class<?> arrayClass = componentType;
        for (int i = 0; i < dimensions.length; i++) {
            arrayClass = arrayClassOf(arrayClass);
        }
        return Support.newMultiArray(arrayClass, dimensions.clone());
    }

    private static Class<?> arrayClassOf(Class<?> componentType) {
        if (componentType == null) {
            throw new NullPointerException();
        }
        if (componentType == void.class) {
            throw new IllegalArgumentException();
        }
        return componentType.arrayType();
    }

    public static int getLength(Object array) throws IllegalArgumentException {
        checkArray(array);
        return ObjectModel.arrayLength(array);
    }

    public static Object get(Object array, int index) {
        checkArray(array);
        if (array instanceof Object[]) return ((Object[]) array)[index];
        if (array instanceof int[]) return ((int[]) array)[index];
        if (array instanceof long[]) return ((long[]) array)[index];
        if (array instanceof double[]) return ((double[]) array)[index];
        if (array instanceof char[]) return ((char[]) array)[index];
        if (array instanceof byte[]) return ((byte[]) array)[index];
        if (array instanceof boolean[]) return ((boolean[]) array)[index];
        if (array instanceof short[]) return ((short[]) array)[index];
        return ((float[]) array)[index];
    }

    public static boolean getBoolean(Object array, int index) {
        if (array instanceof boolean[]) return ((boolean[]) array)[index];
        throw mismatch(array);
    }

    public static byte getByte(Object array, int index) {
        if (array instanceof byte[]) return ((byte[]) array)[index];
        throw mismatch(array);
    }

    public static char getChar(Object array, int index) {
        if (array instanceof char[]) return ((char[]) array)[index];
        throw mismatch(array);
    }

    public static short getShort(Object array, int index) {
        if (array instanceof short[]) return ((short[]) array)[index];
        return getByte(array, index);
    }

    public static int getInt(Object array, int index) {
        if (array instanceof int[]) return ((int[]) array)[index];
        if (array instanceof char[]) return ((char[]) array)[index];
        return getShort(array, index);
    }

    public static long getLong(Object array, int index) {
        if (array instanceof long[]) return ((long[]) array)[index];
        return getInt(array, index);
    }

    public static float getFloat(Object array, int index) {
        if (array instanceof float[]) return ((float[]) array)[index];
        return getLong(array, index);
    }

    public static double getDouble(Object array, int index) {
        if (array instanceof double[]) return ((double[]) array)[index];
        return getFloat(array, index);
    }

    public static void set(Object array, int index, Object value) {
        checkArray(array);
        if (array instanceof Object[]) {
            Object[] objects = (Object[]) array;
            if (value != null && !array.getClass().getComponentType().isInstance(value)) {
                throw new IllegalArgumentException("array element type mismatch");
            }
            objects[index] = value;
        } else if (value instanceof Integer) {
            setInt(array, index, (Integer) value);
        } else if (value instanceof Long) {
            setLong(array, index, (Long) value);
        } else if (value instanceof Double) {
            setDouble(array, index, (Double) value);
        } else if (value instanceof Character) {
            setChar(array, index, (Character) value);
        } else if (value instanceof Byte) {
            setByte(array, index, (Byte) value);
        } else if (value instanceof Boolean) {
            setBoolean(array, index, (Boolean) value);
        } else if (value instanceof Short) {
            setShort(array, index, (Short) value);
        } else if (value instanceof Float) {
            setFloat(array, index, (Float) value);
        } else {
            throw new IllegalArgumentException("argument type mismatch");
        }
    }

    public static void setBoolean(Object array, int index, boolean z) {
        if (array instanceof boolean[]) ((boolean[]) array)[index] = z;
        else throw mismatch(array);
    }

    public static void setByte(Object array, int index, byte b) {
        if (array instanceof byte[]) ((byte[]) array)[index] = b;
        else setShort(array, index, b);
    }

    public static void setChar(Object array, int index, char c) {
        if (array instanceof char[]) ((char[]) array)[index] = c;
        else setInt(array, index, c);
    }

    public static void setShort(Object array, int index, short s) {
        if (array instanceof short[]) ((short[]) array)[index] = s;
        else setInt(array, index, s);
    }

    public static void setInt(Object array, int index, int i) {
        if (array instanceof int[]) ((int[]) array)[index] = i;
        else setLong(array, index, i);
    }

    public static void setLong(Object array, int index, long l) {
        if (array instanceof long[]) ((long[]) array)[index] = l;
        else setFloat(array, index, l);
    }

    public static void setFloat(Object array, int index, float f) {
        if (array instanceof float[]) ((float[]) array)[index] = f;
        else setDouble(array, index, f);
    }

    public static void setDouble(Object array, int index, double d) {
        if (array instanceof double[]) ((double[]) array)[index] = d;
        else throw mismatch(array);
    }

    private static void checkArray(Object array) {
        if (array == null) {
            throw new NullPointerException();
        }
        if (!array.getClass().isArray()) {
            throw new IllegalArgumentException("Argument is not an array");
        }
    }

    /** HotSpot's messages: the argument is no array, or its element type does not widen as asked. */
    private static IllegalArgumentException mismatch(Object array) {
        checkArray(array);
        return new IllegalArgumentException("argument type mismatch");
    }
}
