package dev.kiln.testengine;

import dev.kiln.testengine.TestPlan.ArgumentSource;
import dev.kiln.testengine.TestPlan.Literal;
import dev.kiln.testengine.TestPlan.MethodRef;
import dev.kiln.testengine.TestPlan.TestClass;
import dev.kiln.testengine.TestPlan.TestMethod;
import dev.kiln.testengine.guest.ArgumentConversion;
import dev.kiln.testengine.guest.GuestTestRunner;
import dev.kiln.testengine.guest.MethodSourceRows;
import dev.kiln.testengine.guest.Protocol;
import dev.kiln.testengine.guest.TestCalls;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the class files that run a {@link TestPlan} in the guest, with ASM:
 *
 * <ul>
 * <li>call tables for each package that declares something the plan calls, {@code <package>/Kiln$TestCalls}
 *     (then {@code Kiln$TestCalls$1}, ... for every further thousand calls) implementing {@link TestCalls}: a {@code tableswitch} whose every case is one direct call (a constructor,
 *     a lifecycle or test method, a {@code @MethodSource} factory, an enum constant). Living in the callee's
 *     package, it may call package-private test classes and methods, as the JVM's access rules require
 *     (JVMS §5.4.4), so the same classes run on HotSpot too, which is how the engine's own tests check them;</li>
 * <li>the main class {@link #MAIN_CLASS}, whose {@code main} hands the plan, as text lines, and the tables to
 *     {@link GuestTestRunner#run}.</li>
 * </ul>
 *
 * <p><i>Rejected</i>: generating the whole runner (lifecycle, catching, reporting) as bytecode: the same logic
 * is far easier to read, test and change as the Java of {@code GuestTestRunner}; only the calls themselves need
 * generating, because the guest has no reflection. Building the plan as objects in generated code instead of
 * text: more bytecode for the same information, and text can be read in a failing test's output.
 */
public final class RunnerGenerator {
    /** The binary name of the generated main class. */
    public static final String MAIN_CLASS = "dev.kiln.testengine.generated.KilnTestMain";
    private static final String TABLE_SIMPLE_NAME = "Kiln$TestCalls";
    /**
     * Limits that keep every generated method under the JVM's 65,535 bytes of code (JVMS §4.7.3): a case of a
     * call table takes at most ~40 bytes, a plan line in {@code main} ~10.
     */
    private static final int CALLS_PER_TABLE = 1000;
    private static final int PLAN_LINES_PER_METHOD = 2000;
    private static final String CALL_DESCRIPTOR = "(ILjava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;";

    /** The calls of one package, numbered in order of first use. */
    private static final class Table {
        final int index;
        final String internalName;
        final Map<String, Call> calls = new LinkedHashMap<>();

        /** @param part which table of the package this is: 0, then 1, 2, ... once one is full */
        Table(int index, String packagePrefix, int part) {
            this.index = index;
            this.internalName = packagePrefix + TABLE_SIMPLE_NAME + (part == 0 ? "" : "$" + part);
        }
    }

    private record Call(int number, String key, MethodRef method, String enclosing, String enumConstant, int factoryParameters) {
    }

    /** Every table, in index order. */
    private final List<Table> tables = new ArrayList<>();
    /** The table of each package that still takes calls, and how many its package has. */
    private final Map<String, Table> openTables = new LinkedHashMap<>();
    private final Map<String, Integer> tableCounts = new LinkedHashMap<>();

    private RunnerGenerator() {
    }

    /** Writes the main class and the call tables under {@code outputDirectory}; answers the plan's text lines. */
    public static List<String> generate(TestPlan plan, Path outputDirectory) throws IOException {
        RunnerGenerator generator = new RunnerGenerator();
        List<String> lines = generator.planLines(plan);
        for (Table table : generator.tables) {
            write(outputDirectory, table.internalName, generator.callTable(table));
        }
        write(outputDirectory, MAIN_CLASS.replace('.', '/'), generator.mainClass(lines));
        return lines;
    }

    private List<String> planLines(TestPlan plan) {
        List<String> lines = new ArrayList<>();
        for (TestClass testClass : plan.classes()) {
            String enclosing = testClass.enclosingId() < 0 ? null
                    : plan.classes().get(testClass.enclosingId()).binaryName().replace('.', '/');
            lines.add(line("class", Integer.toString(testClass.id()), testClass.binaryName(),
                    Integer.toString(testClass.enclosingId()), Boolean.toString(testClass.perClass()),
                    reference(testClass.constructor(), enclosing, null, -1), testClass.disabledReason().orElse(null)));
            String id = Integer.toString(testClass.id());
            testClass.beforeAll().forEach(m -> lines.add(line("before-all", id, method(m))));
            testClass.afterAll().forEach(m -> lines.add(line("after-all", id, method(m))));
            testClass.beforeEach().forEach(m -> lines.add(line("before-each", id, method(m))));
            testClass.afterEach().forEach(m -> lines.add(line("after-each", id, method(m))));
            for (TestMethod test : testClass.tests()) {
                String source;
                List<String> rows = new ArrayList<>();
                if (test.source() instanceof ArgumentSource.Repeated repeated) {
                    source = "repeat:" + repeated.count();
                } else if (test.source() instanceof ArgumentSource.Factory factory) {
                    source = "factory:" + reference(factory.factory(), null, null, factory.parameterCount());
                } else if (test.source() instanceof ArgumentSource.Rows values) {
                    source = "rows";
                    for (List<Literal> row : values.rows()) {
                        List<String> fields = new ArrayList<>(List.of("row"));
                        row.forEach(literal -> fields.add(literal(literal)));
                        rows.add(line(fields.toArray(new String[0])));
                    }
                } else {
                    source = "none";
                }
                lines.add(line("test", id, test.name(), test.displayName(), method(test.method()),
                        test.disabledReason().orElse(null), Long.toString(test.timeoutNanos()), test.timeoutText(), source));
                lines.addAll(rows);
            }
        }
        return lines;
    }

    private static String line(String... fields) {
        StringBuilder line = new StringBuilder();
        for (String field : fields) {
            line.append(line.length() == 0 ? "" : "\t").append(Protocol.escape(field));
        }
        return line.toString();
    }

    private String literal(Literal literal) {
        if (literal.kind() == 'e') {
            int dot = literal.text().lastIndexOf('.');
            String owner = literal.text().substring(0, dot);
            return "e:" + reference(new MethodRef(owner, literal.text().substring(dot + 1), "L" + owner + ";", true),
                    null, literal.text().substring(dot + 1), -1);
        }
        return literal.kind() + ":" + literal.text();
    }

    private String method(MethodRef method) {
        return reference(method, null, null, -1);
    }

    /** Numbers a call in the table of its owner's package: {@code table:number}. */
    private String reference(MethodRef method, String enclosing, String enumConstant, int factoryParameters) {
        String owner = method.owner();
        String packagePrefix = owner.contains("/") ? owner.substring(0, owner.lastIndexOf('/') + 1) : "";
        String key = owner + "." + method.name() + method.descriptor() + "/" + enumConstant + "/" + factoryParameters;
        for (Table table : tables) {
            Call known = table.calls.get(key);
            if (known != null) {
                return table.index + ":" + known.number();
            }
        }
        Table table = openTables.get(packagePrefix);
        if (table == null || table.calls.size() == CALLS_PER_TABLE) {
            int part = tableCounts.merge(packagePrefix, 1, Integer::sum) - 1;
            table = new Table(tables.size(), packagePrefix, part);
            tables.add(table);
            openTables.put(packagePrefix, table);
        }
        Call call = new Call(table.calls.size(), key, method, enclosing, enumConstant, factoryParameters);
        table.calls.put(key, call);
        return table.index + ":" + call.number();
    }

    private byte[] callTable(Table table) {
        ClassWriter writer = classWriter();
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, table.internalName, null,
                "java/lang/Object", new String[] {Type.getInternalName(TestCalls.class)});
        defaultConstructor(writer);
        MethodVisitor code = writer.visitMethod(Opcodes.ACC_PUBLIC, "call", CALL_DESCRIPTOR, null,
                new String[] {"java/lang/Throwable"});
        code.visitCode();
        Label unknown = new Label();
        Label[] cases = new Label[table.calls.size()];
        for (int i = 0; i < cases.length; i++) {
            cases[i] = new Label();
        }
        code.visitVarInsn(Opcodes.ILOAD, 1);
        code.visitTableSwitchInsn(0, cases.length - 1, unknown, cases);
        int i = 0;
        for (Call call : table.calls.values()) {
            code.visitLabel(cases[i++]);
            emitCall(code, call);
            code.visitInsn(Opcodes.ARETURN);
        }
        code.visitLabel(unknown);
        code.visitTypeInsn(Opcodes.NEW, "java/lang/IllegalArgumentException");
        code.visitInsn(Opcodes.DUP);
        code.visitLdcInsn("no such call in " + table.internalName);
        code.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/IllegalArgumentException", "<init>", "(Ljava/lang/String;)V", false);
        code.visitInsn(Opcodes.ATHROW);
        code.visitMaxs(0, 0);
        code.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** One case of the switch: leaves the call's result (boxed, or null for void) on the stack. */
    private static void emitCall(MethodVisitor code, Call call) {
        MethodRef method = call.method();
        if (call.enumConstant() != null) {
            code.visitFieldInsn(Opcodes.GETSTATIC, method.owner(), call.enumConstant(), method.descriptor());
            return;
        }
        if (method.name().equals("<init>")) {
            code.visitTypeInsn(Opcodes.NEW, method.owner());
            code.visitInsn(Opcodes.DUP);
            if (call.enclosing() != null) {
                code.visitVarInsn(Opcodes.ALOAD, 2);
                code.visitTypeInsn(Opcodes.CHECKCAST, call.enclosing());
            }
            code.visitMethodInsn(Opcodes.INVOKESPECIAL, method.owner(), "<init>", method.descriptor(), false);
            return;
        }
        if (!method.isStatic()) {
            code.visitVarInsn(Opcodes.ALOAD, 2);
            code.visitTypeInsn(Opcodes.CHECKCAST, method.owner());
        }
        Type[] parameters = Type.getArgumentTypes(method.descriptor());
        for (int i = 0; i < parameters.length; i++) {
            code.visitVarInsn(Opcodes.ALOAD, 3);
            code.visitLdcInsn(i);
            code.visitInsn(Opcodes.AALOAD);
            unbox(code, parameters[i]);
        }
        code.visitMethodInsn(method.isStatic() ? Opcodes.INVOKESTATIC : Opcodes.INVOKEVIRTUAL, method.owner(),
                method.name(), method.descriptor(), false);
        box(code, Type.getReturnType(method.descriptor()));
        if (call.factoryParameters() >= 0) {
            code.visitLdcInsn(call.factoryParameters());
            code.visitMethodInsn(Opcodes.INVOKESTATIC, Type.getInternalName(MethodSourceRows.class), "rows",
                    "(Ljava/lang/Object;I)[[Ljava/lang/Object;", false);
        }
    }

    private static void unbox(MethodVisitor code, Type type) {
        String conversion = Type.getInternalName(ArgumentConversion.class);
        switch (type.getSort()) {
            case Type.BOOLEAN -> code.visitMethodInsn(Opcodes.INVOKESTATIC, conversion, "toBoolean", "(Ljava/lang/Object;)Z", false);
            case Type.CHAR -> code.visitMethodInsn(Opcodes.INVOKESTATIC, conversion, "toChar", "(Ljava/lang/Object;)C", false);
            case Type.BYTE -> code.visitMethodInsn(Opcodes.INVOKESTATIC, conversion, "toByte", "(Ljava/lang/Object;)B", false);
            case Type.SHORT -> code.visitMethodInsn(Opcodes.INVOKESTATIC, conversion, "toShort", "(Ljava/lang/Object;)S", false);
            case Type.INT -> code.visitMethodInsn(Opcodes.INVOKESTATIC, conversion, "toInt", "(Ljava/lang/Object;)I", false);
            case Type.LONG -> code.visitMethodInsn(Opcodes.INVOKESTATIC, conversion, "toLong", "(Ljava/lang/Object;)J", false);
            case Type.FLOAT -> code.visitMethodInsn(Opcodes.INVOKESTATIC, conversion, "toFloat", "(Ljava/lang/Object;)F", false);
            case Type.DOUBLE -> code.visitMethodInsn(Opcodes.INVOKESTATIC, conversion, "toDouble", "(Ljava/lang/Object;)D", false);
            default -> code.visitTypeInsn(Opcodes.CHECKCAST, type.getSort() == Type.ARRAY ? type.getDescriptor() : type.getInternalName());
        }
    }

    private static void box(MethodVisitor code, Type type) {
        String box = switch (type.getSort()) {
            case Type.VOID -> null;
            case Type.BOOLEAN -> "java/lang/Boolean";
            case Type.CHAR -> "java/lang/Character";
            case Type.BYTE -> "java/lang/Byte";
            case Type.SHORT -> "java/lang/Short";
            case Type.INT -> "java/lang/Integer";
            case Type.LONG -> "java/lang/Long";
            case Type.FLOAT -> "java/lang/Float";
            case Type.DOUBLE -> "java/lang/Double";
            default -> "";
        };
        if (box == null) {
            code.visitInsn(Opcodes.ACONST_NULL);
        } else if (!box.isEmpty()) {
            code.visitMethodInsn(Opcodes.INVOKESTATIC, box, "valueOf", "(" + type.getDescriptor() + ")L" + box + ";", false);
        }
    }

    private byte[] mainClass(List<String> lines) {
        ClassWriter writer = classWriter();
        String name = MAIN_CLASS.replace('.', '/');
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, name, null,
                "java/lang/Object", null);
        defaultConstructor(writer);
        MethodVisitor code = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "main", "([Ljava/lang/String;)V", null, null);
        code.visitCode();
        code.visitLdcInsn(lines.size());
        code.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/String");
        for (int first = 0; first < lines.size(); first += PLAN_LINES_PER_METHOD) {
            String part = "plan" + first / PLAN_LINES_PER_METHOD;
            code.visitInsn(Opcodes.DUP);
            code.visitMethodInsn(Opcodes.INVOKESTATIC, name, part, "([Ljava/lang/String;)V", false);
            planPart(writer, part, lines, first, Math.min(lines.size(), first + PLAN_LINES_PER_METHOD));
        }
        code.visitLdcInsn(tables.size());
        code.visitTypeInsn(Opcodes.ANEWARRAY, Type.getInternalName(TestCalls.class));
        for (Table table : tables) {
            code.visitInsn(Opcodes.DUP);
            code.visitLdcInsn(table.index);
            code.visitTypeInsn(Opcodes.NEW, table.internalName);
            code.visitInsn(Opcodes.DUP);
            code.visitMethodInsn(Opcodes.INVOKESPECIAL, table.internalName, "<init>", "()V", false);
            code.visitInsn(Opcodes.AASTORE);
        }
        code.visitMethodInsn(Opcodes.INVOKESTATIC, Type.getInternalName(GuestTestRunner.class), "run",
                "([Ljava/lang/String;[L" + Type.getInternalName(TestCalls.class) + ";)V", false);
        code.visitInsn(Opcodes.RETURN);
        code.visitMaxs(0, 0);
        code.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** {@code static void planN(String[] plan)}: stores plan lines {@code [first, end)}. */
    private static void planPart(ClassWriter writer, String name, List<String> lines, int first, int end) {
        MethodVisitor code = writer.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, name, "([Ljava/lang/String;)V",
                null, null);
        code.visitCode();
        for (int i = first; i < end; i++) {
            code.visitVarInsn(Opcodes.ALOAD, 0);
            code.visitLdcInsn(i);
            code.visitLdcInsn(lines.get(i));
            code.visitInsn(Opcodes.AASTORE);
        }
        code.visitInsn(Opcodes.RETURN);
        code.visitMaxs(0, 0);
        code.visitEnd();
    }

    private static void defaultConstructor(ClassWriter writer) {
        MethodVisitor init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
    }

    /**
     * Frames computed by ASM; every case of a switch ends in a return or throw, so no two frames with different
     * reference types ever merge and ASM never needs to load a class to find a common superclass.
     */
    private static ClassWriter classWriter() {
        return new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String type1, String type2) {
                return "java/lang/Object";
            }
        };
    }

    private static void write(Path outputDirectory, String internalName, byte[] bytes) throws IOException {
        Path file = outputDirectory.resolve(internalName + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
