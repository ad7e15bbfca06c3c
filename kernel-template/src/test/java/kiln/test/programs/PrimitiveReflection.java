package kiln.test.programs;

import java.util.Arrays;

/**
 * Reflection on primitive and array classes, which declare no members and need no registration (data binders
 * introspect every property type, {@code double} and {@code int[]} included).
 */
public class PrimitiveReflection {
    public static void main(String[] args) throws Exception {
        for (Class<?> c : new Class<?>[] {double.class, int.class, void.class, int[].class, String[][].class}) {
            System.out.println(c.getName() + ": methods " + c.getDeclaredMethods().length + ", fields "
                    + c.getDeclaredFields().length + ", constructors " + c.getDeclaredConstructors().length
                    + ", annotations " + Arrays.toString(c.getDeclaredAnnotations()));
            try {
                c.getDeclaredField("length");
            } catch (NoSuchFieldException e) {
                System.out.println("NoSuchFieldException: " + e.getMessage());
            }
        }
        System.out.println(System.getProperty("os.name") != null);
    }
}
