package dev.kiln.compiler.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.compiler.ClassPath;
import dev.kiln.compiler.CompilerOptions;
import dev.kiln.compiler.EntryPoints;
import dev.kiln.compiler.world.ClassFileLoader;
import dev.kiln.compiler.world.ClassInfo;
import dev.kiln.compiler.world.KernelAbi;
import dev.kiln.compiler.world.World;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicVerifier;

/**
 * VarHandleLowering on the sample classes in {@code dev.kiln.compiler.varhandles} and on the JDK's own Striped64:
 * what each call site becomes, and that every generated helper is well-formed bytecode calling methods the
 * JDK 17 {@code jdk.internal.misc.Unsafe} really has.
 */
class VarHandleLoweringTest {
    private static final String COUNTER = "dev/kiln/compiler/varhandles/Counter";
    private static final String UNRESOLVABLE = "dev/kiln/compiler/varhandles/Unresolvable";
    private static final String UNSAFE = "jdk/internal/misc/Unsafe";

    private ClassFileLoader loader;
    private World world;
    private Reachability program;
    private Diagnostics diagnostics;
    private VarHandleLowering lowering;
    private final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        loader = new ClassFileLoader(ClassPath.of(List.of(Path.of("target/test-classes"))));
        world = new World(loader);
        CompilerOptions options = new CompilerOptions(Optional.empty(), false, warnings::add);
        diagnostics = new Diagnostics(options);
        program = new Reachability(world, new EntryPoints("none.Main"), options, diagnostics);
        lowering = new VarHandleLowering(world);
    }

    @AfterEach
    void tearDown() throws Exception {
        loader.close();
    }

    private ClassInfo.Method method(String owner, String name) {
        ClassInfo c = world.require(owner);
        return c.node.methods.stream().filter(m -> m.name.equals(name)).findFirst()
                .map(m -> new ClassInfo.Method(c, m)).orElseThrow();
    }

    private MethodNode lowered(String owner, String name) {
        ClassInfo.Method m = method(owner, name);
        lowering.lower(m, program);
        return m.node();
    }

    private static Stream<MethodInsnNode> calls(MethodNode m) {
        List<MethodInsnNode> calls = new ArrayList<>();
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof MethodInsnNode call) {
                calls.add(call);
            }
        }
        return calls.stream();
    }

    /** The generated helper that the last call into the access class in {@code m} calls. */
    private MethodNode helperCalledBy(MethodNode m) {
        MethodInsnNode call = calls(m).filter(c -> c.owner.equals(KernelAbi.VAR_HANDLE_ACCESS_CLASS))
                .reduce((first, second) -> second).orElseThrow();
        return world.require(KernelAbi.VAR_HANDLE_ACCESS_CLASS).declaredMethod(call.name, call.desc).node();
    }

    private static List<Object> constants(MethodNode m) {
        List<Object> constants = new ArrayList<>();
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof LdcInsnNode ldc) {
                constants.add(ldc.cst);
            }
        }
        return constants;
    }

    private static String thrown(MethodNode helper) {
        for (AbstractInsnNode insn : helper.instructions) {
            if (insn instanceof TypeInsnNode t && t.getOpcode() == Opcodes.NEW) {
                return t.desc;
            }
        }
        return null;
    }

    private int offsetOf(String owner, String field) {
        ClassInfo c = world.require(owner);
        world.layout(c);
        return c.declaredFields().get(field).offset();
    }

    @Test
    void staticInitializerMakesNoVarHandlesAtRunTime() {
        MethodNode clinit = lowered(COUNTER, "<clinit>");
        List<String> left = calls(clinit).filter(c -> c.owner.startsWith("java/lang/invoke/") || c.name.equals("newUpdater"))
                .map(c -> c.owner + "." + c.name).toList();
        assertEquals(List.of(), left);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("Counter.<clinit>()V at bytecode offset")
                && w.contains("throws java.lang.NoSuchFieldException: no such field: dev.kiln.compiler.varhandles.Counter"
                + ".absent/int/getField")), warnings.toString());
        assertEquals(List.of(), diagnostics.problems());
    }

    @Test
    void compareAndSetBecomesOneUnsafeCallAtTheFieldsOffset() {
        MethodNode claim = lowered(COUNTER, "claim");
        assertTrue(calls(claim).noneMatch(c -> c.owner.equals(VarHandleLowering.VAR_HANDLE)));
        MethodInsnNode call = calls(claim).filter(c -> c.owner.equals(KernelAbi.VAR_HANDLE_ACCESS_CLASS)).findFirst().orElseThrow();
        assertEquals(Opcodes.INVOKESTATIC, call.getOpcode());
        assertEquals("(Ljava/lang/invoke/VarHandle;L" + COUNTER + ";II)Z", call.desc);
        MethodNode helper = helperCalledBy(claim);
        assertTrue(calls(helper).anyMatch(c -> c.owner.equals(UNSAFE) && c.name.equals("compareAndSetInt")
                && c.desc.equals("(Ljava/lang/Object;JII)Z")));
        assertTrue(constants(helper).contains((long) offsetOf(COUNTER, "count")), constants(helper).toString());
        assertEquals(List.of(), diagnostics.problems());
    }

    @Test
    void callSiteTypesAreAdaptedAsAsTypeDoes() {
        MethodNode widened = helperCalledBy(lowered(COUNTER, "addToTotal"));
        assertTrue(calls(widened).anyMatch(c -> c.name.equals("getAndAddLong")));
        assertTrue(Stream.of(widened.instructions.toArray()).anyMatch(i -> i.getOpcode() == Opcodes.I2L));
        MethodNode boxed = helperCalledBy(lowered(COUNTER, "boxedCount"));
        assertTrue(calls(boxed).anyMatch(c -> c.name.equals("getIntVolatile")));
        assertTrue(calls(boxed).anyMatch(c -> c.owner.equals("java/lang/Integer") && c.name.equals("valueOf")));
        MethodNode wrong = helperCalledBy(lowered(COUNTER, "totalAsInt"));
        assertEquals("java/lang/invoke/WrongMethodTypeException", thrown(wrong));
        assertTrue(constants(wrong).contains("cannot convert MethodHandle(VarHandle,Counter)long to (VarHandle,Counter)int"),
                constants(wrong).toString());
    }

    @Test
    void unsupportedAccessAndNullHandlesThrowAsOnTheJvm() {
        MethodNode setFixed = lowered(COUNTER, "setFixed");
        assertEquals(List.of(), diagnostics.problems());
        assertEquals("java/lang/UnsupportedOperationException", thrown(helperCalledBy(setFixed)));
        assertEquals("java/lang/NullPointerException", thrown(helperCalledBy(lowered(COUNTER, "useMissing"))));
        assertEquals("java/lang/NullPointerException", thrown(helperCalledBy(lowered(COUNTER, "useNeverSet"))));
        assertEquals(List.of(), diagnostics.problems());
        lowered(COUNTER, "eitherHandle");
        assertEquals(1, diagnostics.problems().size());
        assertTrue(diagnostics.problems().get(0).contains("VarHandle.set on a VarHandle not known at build time"));
    }

    @Test
    void staticFieldsAndArraysAndFences() {
        MethodNode staticAccess = helperCalledBy(lowered(COUNTER, "countInstance"));
        assertTrue(constants(staticAccess).contains("s:" + COUNTER + ".instances"));
        assertTrue(calls(staticAccess).anyMatch(c -> c.owner.equals(KernelAbi.INTRINSICS_CLASS) && c.name.equals("symbol")));
        assertTrue(calls(staticAccess).anyMatch(c -> c.name.equals("getAndAddInt")));
        MethodNode element = helperCalledBy(lowered(COUNTER, "bump"));
        assertTrue(calls(element).anyMatch(c -> c.name.equals("getAndAddLong")));
        assertTrue(constants(element).containsAll(List.of(3, (long) ClassInfo.ARRAY_BASE_OFFSET)), constants(element).toString());
        MethodNode fence = lowered(COUNTER, "fence");
        List<String> fences = calls(fence).map(c -> world.require(c.owner).declaredMethod(c.name, c.desc).node())
                .flatMap(VarHandleLoweringTest::calls).filter(c -> c.owner.equals(UNSAFE) && c.name.endsWith("Fence"))
                .map(c -> c.name).toList();
        assertEquals(List.of("fullFence", "storeFence"), fences);
    }

    @Test
    void fieldUpdatersGetTheFieldsOffsetAtBuildTime() {
        MethodNode clinit = lowered(COUNTER, "<clinit>");
        List<MethodNode> updaters = calls(clinit).filter(c -> c.owner.equals(KernelAbi.VAR_HANDLE_ACCESS_CLASS)
                && c.name.startsWith("newUpdater")).map(c -> world.require(c.owner).declaredMethod(c.name, c.desc).node()).toList();
        assertEquals(2, updaters.size());
        assertEquals(KernelAbi.INTEGER_FIELD_UPDATER, thrown(updaters.get(0))); // the class it instantiates
        assertTrue(constants(updaters.get(0)).contains((long) offsetOf(COUNTER, "count")));
        assertEquals(KernelAbi.REFERENCE_FIELD_UPDATER, thrown(updaters.get(1)));
        assertTrue(constants(updaters.get(1)).contains((long) offsetOf(COUNTER, "name")));
    }

    @Test
    void privateFieldsOfOtherClassesAreRefusedAsHotSpotRefusesThem() {
        MethodNode handle = helperCalledBy(lowered("dev/kiln/compiler/varhandles/Outsider", "secret"));
        assertEquals("java/lang/IllegalAccessException", thrown(handle));
        assertTrue(constants(handle).contains("member is private: dev.kiln.compiler.varhandles.Counter.secret/int/getField,"
                + " from class dev.kiln.compiler.varhandles.Outsider"), constants(handle).toString());
        MethodNode updater = helperCalledBy(lowered("dev/kiln/compiler/varhandles/Outsider", "secretUpdater"));
        assertEquals("java/lang/RuntimeException", thrown(updater));
        assertTrue(constants(updater).contains("class dev.kiln.compiler.varhandles.Outsider cannot access a member of class"
                + " dev.kiln.compiler.varhandles.Counter with modifiers \"private volatile\""), constants(updater).toString());
        assertEquals(2, warnings.size(), warnings.toString());
        assertEquals(List.of(), diagnostics.problems());
    }

    @Test
    void varHandlesNotKnownAtBuildTimeAreBuildErrorsAtTheirCallSite() {
        lowered(UNRESOLVABLE, "byName");
        lowered(UNRESOLVABLE, "read");
        lowered(UNRESOLVABLE, "type");
        List<String> problems = diagnostics.problems();
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("dev.kiln.compiler.varhandles.Unresolvable.byName(Ljava/lang/String;)"
                + "Ljava/lang/invoke/VarHandle; at bytecode offset 9: MethodHandles.Lookup.findVarHandle needs constant"
                + " arguments"), problems.get(0));
        assertTrue(problems.get(1).contains("read(Ljava/lang/invoke/VarHandle;Ldev/kiln/compiler/varhandles/Unresolvable;)I"
                + " at bytecode offset 2: VarHandle.get on a VarHandle not known at build time"), problems.get(1));
        assertTrue(problems.get(2).contains("VarHandle.varType is not supported"), problems.get(2));
        MethodNode local = lowered(UNRESOLVABLE, "local");
        assertEquals(3, diagnostics.problems().size(), "a handle made and used in one method is known");
        assertTrue(calls(helperCalledBy(local)).anyMatch(c -> c.name.equals("getAndAddInt")));
    }

    @Test
    void theJdksStriped64NeedsNoJavaLangInvoke() {
        for (String[] m : new String[][] {{"java/util/concurrent/atomic/Striped64", "<clinit>"},
            {"java/util/concurrent/atomic/Striped64$1", "run"}, {"java/util/concurrent/atomic/Striped64", "casBase"},
            {"java/util/concurrent/atomic/Striped64", "getProbe"}}) {
            for (MethodNode node : world.require(m[0]).node.methods) {
                if (node.name.equals(m[1])) {
                    lowering.lower(new ClassInfo.Method(world.require(m[0]), node), program);
                    assertEquals(List.of(), calls(node).filter(c -> c.owner.startsWith("java/lang/invoke/"))
                            .map(c -> c.owner + "." + c.name).toList(), m[0] + "." + m[1] + " " + diagnostics.problems());
                }
            }
        }
        assertEquals(List.of(), diagnostics.problems());
        assertTrue(calls(helperCalledBy(method("java/util/concurrent/atomic/Striped64", "casBase").node()))
                .anyMatch(c -> c.name.equals("weakCompareAndSetLongRelease")));
    }

    /**
     * Every VarHandle, Lookup and field-updater call in the host JDK's java.util.concurrent (its atomics, locks,
     * queues, ForkJoinPool, CompletableFuture, ...) resolves at build time: lowering every method of every class
     * there reports no problem, and leaves none of those calls.
     */
    @Test
    void everyVarHandleInTheJdksJavaUtilConcurrentResolves() throws Exception {
        java.nio.file.FileSystem jrt = java.nio.file.FileSystems.getFileSystem(java.net.URI.create("jrt:/"));
        List<String> classes;
        try (Stream<Path> files = java.nio.file.Files.walk(jrt.getPath("/modules/java.base/java/util/concurrent"))) {
            classes = files.map(Path::toString).filter(f -> f.endsWith(".class"))
                    .map(f -> f.substring("/modules/java.base/".length(), f.length() - ".class".length())).sorted().toList();
        }
        int lowered = 0;
        for (String name : classes) {
            ClassInfo c = world.require(name);
            for (MethodNode m : List.copyOf(c.node.methods)) {
                if (m.instructions.size() == 0) {
                    continue;
                }
                boolean before = calls(m).anyMatch(VarHandleLoweringTest::isVarHandleMachinery);
                lowering.lower(new ClassInfo.Method(c, m), program);
                assertEquals(List.of(), calls(m).filter(VarHandleLoweringTest::isVarHandleMachinery)
                        .map(call -> call.owner + "." + call.name).toList(), name + "." + m.name);
                lowered += before ? 1 : 0;
            }
        }
        assertEquals(List.of(), diagnostics.problems());
        assertTrue(lowered > 250, lowered + " methods lowered"); // 286 in JDK 17
    }

    private static boolean isVarHandleMachinery(MethodInsnNode call) {
        return call.owner.equals(VarHandleLowering.VAR_HANDLE) || call.owner.equals(VarHandleLowering.METHOD_HANDLES)
                || call.owner.equals(VarHandleLowering.LOOKUP) || call.name.equals("newUpdater");
    }

    /**
     * Every access mode the host JDK's VarHandle.AccessMode lists, on every variable type: the helper calls a
     * method JDK 17's Unsafe declares with that descriptor, or throws UnsupportedOperationException exactly where
     * the VarHandle javadoc says the mode is unsupported.
     */
    @Test
    void everyAccessModeOnEveryTypeCallsARealUnsafeMethod() {
        ClassInfo unsafe = world.require(UNSAFE);
        VarHandleAccessCode code = new VarHandleAccessCode(world);
        int checked = 0;
        for (String element : List.of("Z", "B", "S", "C", "I", "J", "F", "D", "Ljava/lang/Object;")) {
            ClassInfo array = world.require("[" + element);
            for (VarHandle.AccessMode mode : VarHandle.AccessMode.values()) {
                VarHandleAccessCode.AccessMode accessMode = VarHandleAccessCode.accessMode(mode.methodName());
                assertNotNull(accessMode, mode.methodName());
                String desc = naturalDescriptor(accessMode.shape(), "[" + element, element);
                MethodNode helper = new MethodNode(Opcodes.ACC_STATIC, "h", "(Ljava/lang/invoke/VarHandle;" + desc.substring(1), null, null);
                code.accessBody(helper, new VarHandleAccessCode.ArrayElement(array), accessMode, desc);
                boolean arithmetic = mode.methodName().startsWith("getAndAdd");
                boolean bitwise = mode.methodName().startsWith("getAndBitwise");
                boolean unsupported = (arithmetic && "ZL".contains(element.substring(0, 1)))
                        || (bitwise && "FDL".contains(element.substring(0, 1)));
                if (unsupported) {
                    assertEquals("java/lang/UnsupportedOperationException", thrown(helper), mode + " on " + element);
                    continue;
                }
                List<MethodInsnNode> unsafeCalls = calls(helper).filter(c -> c.owner.equals(UNSAFE) && !c.name.equals("getUnsafe")).toList();
                assertEquals(1, unsafeCalls.size(), mode + " on " + element);
                MethodInsnNode call = unsafeCalls.get(0);
                assertNotNull(unsafe.declaredMethod(call.name, call.desc), "Unsafe." + call.name + call.desc + " for " + mode);
                assertWellFormed(helper);
                checked++;
            }
        }
        assertEquals(9 * 31 - 2 * 3 - 3 * 3 * 3, checked);
    }

    private static String naturalDescriptor(VarHandleAccessCode.Shape shape, String array, String element) {
        String coordinates = "(" + array + "I";
        return switch (shape) {
            case GET -> coordinates + ")" + element;
            case SET -> coordinates + element + ")V";
            case COMPARE_AND_SET -> coordinates + element + element + ")Z";
            case COMPARE_AND_EXCHANGE -> coordinates + element + element + ")" + element;
            case GET_AND_UPDATE -> coordinates + element + ")" + element;
        };
    }

    /** The helpers, and the lowered methods, whose stack effects must not have changed. */
    @Test
    void everyGeneratedHelperIsWellFormed() {
        for (String owner : List.of(COUNTER, UNRESOLVABLE)) {
            for (MethodNode m : List.copyOf(world.require(owner).node.methods)) {
                lowering.lower(new ClassInfo.Method(world.require(owner), m), program);
                try {
                    new Analyzer<>(new BasicInterpreter()).analyze(owner, m); // what MethodCompiler runs next
                } catch (AnalyzerException e) {
                    throw new AssertionError("lowered " + m.name + m.desc + ": " + e.getMessage(), e);
                }
            }
        }
        List<MethodNode> helpers = world.require(KernelAbi.VAR_HANDLE_ACCESS_CLASS).node.methods;
        assertTrue(helpers.size() >= 15, helpers.size() + " helpers");
        for (MethodNode helper : helpers) {
            assertWellFormed(helper);
        }
        assertFalse(warnings.isEmpty());
    }

    private static void assertWellFormed(MethodNode helper) {
        try {
            new Analyzer<>(new BasicVerifier()).analyze(KernelAbi.VAR_HANDLE_ACCESS_CLASS, helper);
        } catch (AnalyzerException e) {
            throw new AssertionError(helper.name + helper.desc + ": " + e.getMessage(), e);
        }
        assertTrue(helper.maxLocals >= (Type.getArgumentsAndReturnSizes(helper.desc) >> 2) - 1);
    }
}
