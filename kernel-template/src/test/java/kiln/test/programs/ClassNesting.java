package kiln.test.programs;

import java.util.function.Supplier;

/**
 * How classes are nested, as reflection reports it without any registration (data binders such as Gson and Jackson
 * refuse anonymous and non-static local classes): member, local and anonymous classes, their enclosing and
 * declaring classes, and {@code asSubclass}.
 */
public class ClassNesting {
    static class Member {
        class Inner {
        }
    }

    interface Shape {
    }

    public static void main(String[] args) {
        class Local implements Shape {
        }
        Object anonymous = new Object() {
        };
        Supplier<Object> lambda = () -> "x";
        Class<?>[] classes = {ClassNesting.class, Member.class, Member.Inner.class, Shape.class, Local.class,
            anonymous.getClass(), String.class, Thread.State.class, int.class, Member[].class};
        for (Class<?> c : classes) {
            System.out.println(c.getName() + ": member " + c.isMemberClass() + ", local " + c.isLocalClass()
                    + ", anonymous " + c.isAnonymousClass() + ", enclosing " + c.getEnclosingClass()
                    + ", declaring " + c.getDeclaringClass());
        }
        System.out.println("lambda: member " + lambda.getClass().isMemberClass() + ", anonymous "
                + lambda.getClass().isAnonymousClass());
        System.out.println(Local.class.asSubclass(Shape.class).getSimpleName());
        try {
            Member.class.asSubclass(Shape.class);
        } catch (ClassCastException e) {
            System.out.println("ClassCastException: " + e.getMessage());
        }
    }
}
