package kiln.test.programs;

/**
 * Reflection on a class the build did not register: its name is computed at run time, so the compiler cannot
 * see it. On HotSpot this works; in a Kiln image {@code getDeclaredMethods} throws
 * {@code MissingReflectionRegistrationError} naming the class and how to register it, and so does invoking a
 * method of a JDK superclass, which a registered subclass registers for queries only.
 */
public class UnregisteredReflection {
    public static class Hidden {
        public void method() {
        }
    }

    /** Registered (a member lookup on its literal), but its JDK superclass only for queries. */
    public static class Names extends java.util.ArrayList<String> {
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
        java.lang.reflect.Method size = Names.class.getMethod("size");
        System.out.println("found " + size);
        try {
            System.out.println("size " + size.invoke(new Names()));
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
