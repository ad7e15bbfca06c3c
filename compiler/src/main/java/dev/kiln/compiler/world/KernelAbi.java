package dev.kiln.compiler.world;

import java.util.List;
import java.util.Set;

/**
 * Every class and member of the kernel template that the compiler refers to by name, in one list (docs/abi.md
 * is the contract). Nothing else in the compiler spells a kernel class name or a {@code "kiln."} prefix.
 *
 * <p>Intrinsics are for the kernel only, decided by package: a class in {@link #KERNEL_PACKAGES} that comes
 * from the kernel template may call them; Kiln's own {@code java.*}/{@code jdk.*} library classes may not
 * (they reach the kernel through {@code kiln.runtime.LibrarySupport}), nor may application code. An
 * application class that declares itself in a kernel package is refused, as the JVM refuses an application
 * class in {@code java.*} ("Prohibited package name"), so the package rule cannot be sidestepped.
 * <i>Rejected</i>: deciding by which jar a class came from — the kernel template also holds the class
 * library, which must not touch raw memory, ports or registers.
 */
public final class KernelAbi {
    /** The class whose {@code start()} the boot stub calls, through {@link Symbols#JAVA_START}. */
    public static final String KERNEL_CLASS = "kiln/kernel/boot/Kernel";
    public static final String KERNEL_START_METHOD = "start";
    /**
     * The Java side of every interrupt and CPU exception, called by the boot module's InterruptStub through
     * {@link Symbols#INTERRUPT_DISPATCH}.
     */
    public static final String INTERRUPT_DISPATCHER_CLASS = "kiln/kernel/interrupts/InterruptDispatcher";
    public static final String INTERRUPT_DISPATCH_METHOD = "dispatch";
    public static final String INTERRUPT_DISPATCH_DESCRIPTOR = "(J)V";
    /** Runtime entry points of compiled code (docs/abi.md "Runtime entry points"). */
    public static final String SUPPORT_CLASS = "kiln/runtime/Support";
    /**
     * The class library's door to the kernel; its {@code classTable()} returns {@code kiln_class_table}, which
     * the compiler emits only when that method is reached (docs/abi.md "Reflection metadata").
     */
    public static final String LIBRARY_SUPPORT_CLASS = "kiln/runtime/LibrarySupport";
    public static final String CLASS_TABLE_METHOD = "classTable";
    /** Static native methods compiled to inline instructions (docs/abi.md "Intrinsics"). */
    public static final String INTRINSICS_CLASS = "kiln/runtime/Intrinsics";
    /** The interface of interrupt handlers, whose implementations {@link dev.kiln.compiler.analysis.InterruptHandlerRules} checks. */
    public static final String INTERRUPT_HANDLER = "kiln/kernel/interrupts/InterruptHandler";
    public static final String INTERRUPT_HANDLER_SELECTOR = "handle(I)V";
    /** Methods that can block ("owner.name", any descriptor): an interrupt handler must not call them. */
    public static final Set<String> BLOCKING_METHODS = Set.of("java/lang/Thread.sleep", "java/lang/Thread.join",
            "java/lang/Object.wait", "kiln/runtime/LibrarySupport.sleep", "kiln/kernel/time/Timer.sleep",
            "kiln/runtime/Intrinsics.halt", "kiln/runtime/Intrinsics.haltUntilInterrupt");
    /**
     * The class the compiler generates for lowered VarHandle and field-updater call sites (VarHandleLowering): in
     * the runtime package, because a static field's address is a symbol only kernel code may take.
     */
    public static final String VAR_HANDLE_ACCESS_CLASS = "kiln/runtime/VarHandleAccess";
    /** The kernel template's field updaters that {@code Atomic*FieldUpdater.newUpdater} becomes (VarHandleLowering). */
    public static final String INTEGER_FIELD_UPDATER = "kiln/lib/atomic/IntegerFieldUpdater";
    public static final String LONG_FIELD_UPDATER = "kiln/lib/atomic/LongFieldUpdater";
    public static final String REFERENCE_FIELD_UPDATER = "kiln/lib/atomic/ReferenceFieldUpdater";
    /** Internal-name prefixes of the kernel's packages. */
    public static final List<String> KERNEL_PACKAGES = List.of("kiln/kernel/", "kiln/runtime/");
    /** The kernel's reader of the packed time-zone rules; loading it makes the build pack them (TimeZoneDatabase). */
    public static final String TIME_ZONE_DATA_CLASS = "kiln/runtime/TimeZoneData";
    /**
     * The kernel template's {@code Unsafe}, which the VarHandle lowering calls and whose layout questions with
     * literal arguments the build answers ({@link UnsafeOffsets}).
     */
    public static final String UNSAFE_CLASS = "jdk/internal/misc/Unsafe";
    /** The patch for JDK class {@code c} is the kernel template's class {@code JDK_PATCHES_PACKAGE + c} (JdkMethodPatches). */
    static final String JDK_PATCHES_PACKAGE = "kiln/lib/patches/";

    /** Support methods that compiled code calls, name and descriptor (docs/abi.md "Runtime entry points"). */
    public static final List<String[]> RUNTIME_ENTRY_POINTS = List.of(
        new String[] {"newInstance", "(Ljava/lang/Class;)Ljava/lang/Object;"},
        new String[] {"newArray", "(Ljava/lang/Class;I)Ljava/lang/Object;"},
        new String[] {"newMultiArray", "(Ljava/lang/Class;[I)Ljava/lang/Object;"},
        new String[] {"checkCast", "(Ljava/lang/Object;Ljava/lang/Class;)Ljava/lang/Object;"},
        new String[] {"throwIncompatibleInterface", "(Ljava/lang/Object;Ljava/lang/Class;)V"},
        new String[] {"throwException", "(Ljava/lang/Throwable;)V"},
        new String[] {"throwNullPointer", "()V"},
        new String[] {"throwArrayIndexOutOfBounds", "(II)V"},
        new String[] {"throwDivideByZero", "()V"},
        new String[] {"throwArrayStore", "(Ljava/lang/Object;Ljava/lang/Object;)V"},
        new String[] {"monitorEnter", "(Ljava/lang/Object;)V"},
        new String[] {"monitorExit", "(Ljava/lang/Object;)V"},
        new String[] {"cloneArray", "(Ljava/lang/Object;)Ljava/lang/Object;"},
        new String[] {"abstractMethodError", "()V"},
        new String[] {"throwStackOverflow", "()V"},
        // Not called by compiled code but entered from faults (kiln.kernel.cpu.Faults rewrites the interrupt frame)
        new String[] {"throwCpuFault", "(I)V"});
    /**
     * The Support method that throws the LinkageError of an instruction whose reference did not link, reached
     * only when one is compiled: {@code (int kind, String message)}, kind as in {@link Linkage.Kind}.
     */
    public static final String[] LINKAGE_ERROR_THROWER = {"throwLinkageError", "(ILjava/lang/String;)V"};
    /** The Support method that computes drem, and frem through it (docs/abi.md "Runtime entry points"). */
    public static final String[] FLOATING_REMAINDER = {"floatingRemainder", "(DD)D"};
    /**
     * The Support method that a class-initialization routine calls when the class is not yet initialized
     * (docs/compiler.md), reached only when a routine is emitted: {@code (Class c, long stateWord, long
     * superclassRoutine, long classInitializer)}, the last two code addresses or 0.
     */
    public static final String[] CLASS_INITIALIZER = {"initializeClass", "(Ljava/lang/Class;JJJ)V"};
    public static final int CLASS_INITIALIZER_ARGUMENTS = 4;
    /** The Support method that throws StackOverflowError when a stack may not grow further. */
    static final String STACK_OVERFLOW_HANDLER = "throwStackOverflow";
    /**
     * The owner of tasklet stacks: its {@code growFromPrologue()} is what a prologue calls when its frame would
     * cross the stack limit (docs/abi.md "Stack limit").
     */
    public static final String STACKS_CLASS = "kiln/kernel/memory/Stacks";
    /**
     * The heap, whose static words {@code next}, {@code limit}, {@code start} and {@code startBits} compiled code's
     * inline allocation reads and writes (docs/abi.md "Allocation", JvmSequences.bumpAllocate).
     */
    public static final String HEAP_CLASS = "kiln/kernel/memory/Heap";
    public static final List<String> HEAP_WORDS = List.of("next", "limit", "start", "startBits");
    public static final String STACK_GROWER = "growFromPrologue";
    /**
     * The methods that run in the reserve below the stack limit and so have no stack check of their own
     * (class, name): the grower, the routine it uses to get onto the system stack, and the overflow thrower;
     * and the interrupt dispatcher, which runs on an IST stack while the limit words still describe the
     * interrupted stack, and swaps them before it calls anything.
     */
    public static final List<String[]> WITHOUT_STACK_CHECK = List.of(
        new String[] {INTERRUPT_DISPATCHER_CLASS, INTERRUPT_DISPATCH_METHOD},
        new String[] {SUPPORT_CLASS, STACK_OVERFLOW_HANDLER},
        new String[] {STACKS_CLASS, STACK_GROWER},
        new String[] {STACKS_CLASS, "runOnSystemStack"});

    private KernelAbi() {}

    /** True for classes in the kernel's packages (whatever their origin). */
    public static boolean inKernelPackage(String internalName) {
        return KERNEL_PACKAGES.stream().anyMatch(internalName::startsWith);
    }

    public static String javaName(String internalName) {
        return internalName.replace('/', '.');
    }
}
