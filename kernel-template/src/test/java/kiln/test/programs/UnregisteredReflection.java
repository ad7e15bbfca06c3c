package kiln.test.programs;

/**
 * Reflection on a class the build did not register: its name is computed at run time, so the compiler cannot
 * see it. On HotSpot this works; in a Kiln image {@code getDeclaredMethods} throws
 * {@code MissingReflectionRegistrationError} naming the class and how to register it.
 */
public class UnregisteredReflection {
    public static class Hidden {
        public void method() {
        }
    }

    public static void main(String[] args) throws Exception {
        new Hidden().method(); // in the image, but not registered for reflection
        String name = new StringBuilder("neddiH$noitcelfeRderetsigernU.smargorp.tset.nlik").reverse().toString();
        Class<?> hidden = Class.forName(name);
        System.out.println("found " + hidden.getName() + " modifiers " + hidden.getModifiers());
        try {
            System.out.println("methods " + hidden.getDeclaredMethods().length);
        } catch (LinkageError e) {
            System.out.println(e);
        }
        try {
            Class.forName(name + "Missing");
        } catch (ClassNotFoundException e) {
            System.out.println(e);
        }
    }
}
