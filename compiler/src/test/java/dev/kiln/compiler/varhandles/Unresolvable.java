package dev.kiln.compiler.varhandles;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** VarHandles the compiler cannot know: a computed field name, and a handle passed as a value. */
public class Unresolvable {
    int value;

    static VarHandle byName(String name) throws ReflectiveOperationException {
        return MethodHandles.lookup().findVarHandle(Unresolvable.class, name, int.class);
    }

    static int read(VarHandle handle, Unresolvable target) {
        return (int) handle.get(target);
    }

    static Class<?> type() throws ReflectiveOperationException {
        return MethodHandles.lookup().findVarHandle(Unresolvable.class, "value", int.class).varType();
    }

    static int local(Unresolvable target) throws ReflectiveOperationException {
        VarHandle handle = MethodHandles.lookup().findVarHandle(Unresolvable.class, "value", int.class);
        return (int) handle.getAndAdd(target, 2);
    }
}
