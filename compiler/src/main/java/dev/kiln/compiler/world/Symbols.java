package dev.kiln.compiler.world;

/**
 * Link-time symbol names. Every name is global in the link, so each kind gets a prefix and carries the
 * JVM's own unique spelling (internal class name, method name and descriptor).
 */
public final class Symbols {
    /** The code of the kernel's start method, called by the boot stub (docs/abi.md). */
    public static final String JAVA_START = "kiln_java_start";
    /**
     * The code of the interrupt dispatcher ({@link KernelAbi#INTERRUPT_DISPATCHER_CLASS}), which the boot module's
     * interrupt stub calls for every interrupt, CPU exception and hosted fault signal.
     */
    public static final String INTERRUPT_DISPATCH = "kiln_interrupt_dispatch";
    /**
     * The word every method prologue compares rsp with (docs/abi.md "Stack limit"). The boot module's entry stub
     * defines it, in the boot CPU's per-CPU block; the compiler only reads it.
     */
    public static final String STACK_LIMIT = "kiln_stack_limit";
    public static final String METHOD_TABLE = "kiln_method_table";
    /** One 4-byte offset per method-table entry into {@link #STACK_MAP_DATA}, or 0 (docs/abi.md "Stack maps"). */
    public static final String STACK_MAPS = "kiln_stack_maps";
    public static final String STACK_MAP_DATA = "kiln_stack_map_data";
    public static final String METHOD_COUNT = "kiln_method_count";
    public static final String RESOURCE_TABLE = "kiln_resource_table";
    public static final String RESOURCE_COUNT = "kiln_resource_count";
    /** The packed time-zone rules (TimeZoneDatabase) and their length in bytes. */
    public static final String TIME_ZONES = "kiln_time_zones";
    public static final String TIME_ZONES_LENGTH = "kiln_time_zones_length";
    /**
     * Where the string literals lie in the image, one after another, each a {@code char[]} then its String
     * (docs/abi.md "String literals"), and how many there are (a long): {@code String.intern} walks them once.
     */
    public static final String STRING_LITERALS = "kiln_string_literals";
    public static final String STRING_LITERAL_COUNT = "kiln_string_literal_count";
    /** A Class[] of every Class object by name (docs/abi.md "Reflection metadata"). */
    public static final String CLASS_TABLE = "kiln_class_table";
    /** The type table: interface methods and supertypes of every class (TypeTable, docs/abi.md "Type table"). */
    public static final String TYPE_TABLE = "kiln_type_table";

    private Symbols() {
    }

    /** The prefix of a method's symbol; {@code Intrinsics.symbol("m:...")} reaches the static method it names. */
    public static final String METHOD_PREFIX = "m:";

    public static String method(ClassInfo.Method m) {
        return METHOD_PREFIX + m.owner().name + "." + m.node().name + m.node().desc;
    }

    public static String classObject(ClassInfo c) {
        return "c:" + c.name;
    }

    public static String staticField(ClassInfo.Field f) {
        return "s:" + f.owner().name + "." + f.node().name;
    }

    /** The routine that runs a class's initialization (JVMS §5.5) the first time it is needed. */
    public static String classInit(ClassInfo c) {
        return "ci:" + c.name;
    }

    /** An enum's {@code values()} entered from the runtime ({@code Class.enumValues}): initializes the enum first. */
    public static String enumValuesEntry(ClassInfo c) {
        return "ev:" + c.name;
    }

    /** An 8-byte word: 0 = not initialized, 1 = initialization started (by the only thread) or done. */
    public static String classInitState(ClassInfo c) {
        return "cs:" + c.name;
    }

    public static String stringLiteral(int index) {
        return "str:" + index;
    }

    public static String arrayData(String owner) {
        return "arr:" + owner;
    }

    static String handlerTable(ClassInfo.Method m) {
        return "eh:" + m.owner().name + "." + m.node().name + m.node().desc;
    }
}
