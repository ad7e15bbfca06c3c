package dev.kiln.compiler.varhandles;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/** Another class's private field: HotSpot refuses the VarHandle and the updater at run time. */
public class Outsider {
    static VarHandle secret() throws ReflectiveOperationException {
        return MethodHandles.lookup().findVarHandle(Counter.class, "secret", int.class);
    }

    static AtomicIntegerFieldUpdater<Counter> secretUpdater() {
        return AtomicIntegerFieldUpdater.newUpdater(Counter.class, "secret");
    }
}
