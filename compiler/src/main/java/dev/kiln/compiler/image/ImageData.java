package dev.kiln.compiler.image;

import dev.kiln.compiler.analysis.Program;
import dev.kiln.compiler.asm.Assembler;
import dev.kiln.compiler.asm.Mode;
import dev.kiln.compiler.backend.CodeGeneration;
import dev.kiln.compiler.backend.MethodCompiler;
import dev.kiln.compiler.object.Section;
import dev.kiln.compiler.object.SectionKind;
import dev.kiln.compiler.stackmaps.StackMapEncoding;
import dev.kiln.compiler.world.ClassFileLoader;
import dev.kiln.compiler.world.ClassInfo;
import dev.kiln.compiler.world.KernelAbi;
import dev.kiln.compiler.world.Symbols;
import dev.kiln.compiler.world.World;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import dev.kiln.compiler.analysis.TypeTable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The data the compiled code refers to, laid out as ready-made objects (docs/abi.md): Class objects with
 * their vtables and interface lists, the type table ({@link TypeTable}), string literals, static fields with their
 * constant initial values, class-initialization states, and the method table the unwinder and stack traces read.
 */
public final class ImageData {
    /** A reference-typed field value: the symbol of the object it points to; or an address in data, + addend. */
    private record Ref(String symbol, long addend) {
        Ref(String symbol) {
            this(symbol, 0);
        }
    }

    private final Program program;
    private final List<CodeGeneration.MethodTableEntry> methodTable;
    /** The program's string literals and those of the data: class, method and file names, resource paths. */
    private final Map<String, String> stringLiterals;
    private final World world;
    private final Assembler data = new Assembler(Mode.BITS64);
    private final Assembler rodata = new Assembler(Mode.BITS64);

    public ImageData(Program program, List<CodeGeneration.MethodTableEntry> methodTable) {
        this.program = program;
        this.methodTable = methodTable;
        this.stringLiterals = new LinkedHashMap<>(program.stringLiterals());
        this.world = program.world();
    }

    public List<Section> sections() {
        emitClassObjects();
        emitStaticFields();
        emitInitStates();
        emitMethodTable();
        emitResourceTable();
        emitTimeZones();
        emitStringLiterals(); // last: everything above may add literals
        return List.of(rodata.finish(".rodata.java", SectionKind.RODATA, 8), data.finish(".data.java", SectionKind.DATA, 8));
    }

    // ---- objects -------------------------------------------------------------------------------------------

    private void object(String symbol, ClassInfo type, Map<String, Object> fieldValues, Consumer<Assembler> trailer) {
        world.layout(type);
        data.align(8, 0);
        data.symbol(symbol);
        data.dq(Symbols.classObject(type), 0);
        data.dq(0);
        int at = ClassInfo.HEADER_BYTES;
        for (ClassInfo.Field f : instanceFields(type)) {
            data.zeros(f.offset() - at);
            Object value = fieldValues.get(f.node().name);
            if (value instanceof Ref ref) {
                data.dq(ref.symbol(), ref.addend());
            } else {
                long v = value == null ? 0 : (Long) value;
                switch (f.size()) {
                    case 1 -> data.db((int) v);
                    case 2 -> data.dw((int) v);
                    case 4 -> data.dd(v & 0xffffffffL);
                    default -> data.dq(v);
                }
            }
            at = f.offset() + f.size();
        }
        data.zeros(type.instanceSize() - at);
        trailer.accept(data);
        data.endSymbol();
    }

    private static List<ClassInfo.Field> instanceFields(ClassInfo type) {
        List<ClassInfo.Field> fields = new ArrayList<>();
        for (ClassInfo k = type; k != null; k = k.superclass()) {
            for (ClassInfo.Field f : k.declaredFields().values()) {
                if (!f.isStatic()) {
                    fields.add(f);
                }
            }
        }
        fields.sort(Comparator.comparingInt(ClassInfo.Field::offset));
        return fields;
    }

    private void array(String symbol, ClassInfo arrayType, int length, Consumer<Assembler> elements) {
        data.align(8, 0);
        data.symbol(symbol);
        data.dq(Symbols.classObject(arrayType), 0);
        data.dq(0);
        data.dd(length);
        data.dd(0);
        elements.accept(data);
        data.align(8, 0);
        data.endSymbol();
    }

    // ---- class objects -------------------------------------------------------------------------------------

    private void emitClassObjects() {
        Set<ClassInfo> all = new LinkedHashSet<>(program.classObjects());
        List<ClassInfo> pending = new ArrayList<>(all);
        while (!pending.isEmpty()) {
            ClassInfo c = pending.remove(pending.size() - 1);
            List<ClassInfo> related = new ArrayList<>(c.allInterfaces());
            if (c.superclass() != null) {
                related.add(c.superclass());
            }
            if (c.component() != null) {
                related.add(c.component());
            }
            declaringClass(c).ifPresent(related::add);
            for (ClassInfo r : related) {
                if (all.add(r)) {
                    pending.add(r);
                }
            }
        }
        ClassInfo classClass = world.require("java/lang/Class");
        ClassInfo classArray = world.require("[Ljava/lang/Class;");
        String abstractError = program.runtime("abstractMethodError", "()V");
        emitClassTable(all, classArray);
        TypeTable typeTable = TypeTable.of(program, all, abstractError);
        emitTypeTable(typeTable);
        for (ClassInfo c : all) {
            world.layout(c);
            Map<String, Object> fields = new HashMap<>();
            fields.put("name", new Ref(stringLiteral(c.javaName())));
            if (c.superclass() != null && !c.isInterface()) {
                fields.put("superclass", new Ref(Symbols.classObject(c.superclass())));
            }
            if (c.component() != null) {
                fields.put("componentType", new Ref(Symbols.classObject(c.component())));
            }
            declaringClass(c).ifPresent(outer -> fields.put("declaringClass", new Ref(Symbols.classObject(outer))));
            List<ClassInfo> interfaces = new ArrayList<>(c.allInterfaces());
            if (!interfaces.isEmpty()) {
                String symbol = Symbols.arrayData("interfaces:" + c.name);
                array(symbol, classArray, interfaces.size(), a -> interfaces.forEach(i -> a.dq(Symbols.classObject(i), 0)));
                fields.put("interfaces", new Ref(symbol));
            }
            fields.put("typeTableRow", new Ref(Symbols.TYPE_TABLE, typeTable.rowOffset(c)));
            if (c.isArray() && c.component().kind != ClassInfo.Kind.PRIMITIVE && !c.component().name.equals(World.OBJECT)) {
                fields.put("elementTypeEntry", (long) program.supertypeEntry(c.component()));
            }
            world.loaded("[" + c.descriptor()).filter(all::contains)
                    .ifPresent(array -> fields.put("arrayType", new Ref(Symbols.classObject(array))));
            if (c.isEnum()) {
                ClassInfo.Method values = c.declaredMethod("values", "()[L" + c.name + ";");
                if (values != null && program.isReached(values)) {
                    fields.put("enumValues", new Ref(program.enumValuesAddress(c, values)));
                }
            }
            ClassInfo.Method reflectionData = program.reflectionMetadata(c);
            if (reflectionData != null && program.isReached(reflectionData)) {
                fields.put("reflectionData", new Ref(Symbols.method(reflectionData)));
            }
            fields.put("modifiers", (long) c.modifiers());
            fields.put("instanceSize", (long) (c.kind == ClassInfo.Kind.ORDINARY ? c.instanceSize() : 0));
            fields.put("elementSize", (long) c.elementSize());
            ClassInfo element = c;
            while (element.kind == ClassInfo.Kind.ARRAY) {
                element = element.component();
            }
            fields.put("flags", (long) (c.flags() | (world.isFromClassPath(element) ? ClassInfo.FLAG_CLASS_PATH : 0)));
            requireClassFields(classClass, fields.keySet());
            object(Symbols.classObject(c), classClass, fields, a -> {
                if (c.kind == ClassInfo.Kind.PRIMITIVE || c.isInterface()) {
                    return;
                }
                for (String selector : c.vtable()) {
                    ClassInfo.Method impl = world.dispatch(c, selector);
                    a.dq(impl != null && program.isReached(impl) ? Symbols.method(impl) : abstractError, 0);
                }
            });
        }
    }

    /** The member class's declaring class, when it is on the class path (a Class object needs its class file). */
    private Optional<ClassInfo> declaringClass(ClassInfo c) {
        String outer = c.declaringClassName();
        return outer == null ? Optional.empty() : world.loaded(outer).or(() -> {
            try {
                return Optional.of(world.require(outer));
            } catch (World.MissingClassException absent) {
                return Optional.empty();
            }
        });
    }

    /**
     * {@code kiln_class_table}: a Class[] of every Class object, sorted by name, which {@code Class.forName}
     * searches; only when the program can call it (the table costs 8 bytes per class).
     */
    private void emitClassTable(Set<ClassInfo> all, ClassInfo classArray) {
        boolean needed = world.loaded(KernelAbi.LIBRARY_SUPPORT_CLASS)
                .map(s -> s.declaredMethod(KernelAbi.CLASS_TABLE_METHOD, "()[Ljava/lang/Class;"))
                .filter(program::isReached).isPresent();
        if (!needed) {
            return;
        }
        List<ClassInfo> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing(ClassInfo::javaName));
        array(Symbols.CLASS_TABLE, classArray, sorted.size(), a -> sorted.forEach(c -> a.dq(Symbols.classObject(c), 0)));
    }

    private static void requireClassFields(ClassInfo classClass, Set<String> names) {
        for (String name : names) {
            if (!classClass.declaredFields().containsKey(name)) {
                throw new IllegalStateException("the kernel template's java.lang.Class lacks the field '" + name
                        + "' that docs/abi.md requires");
            }
        }
    }

    /** The type table, in read-only data: {key, code} per entry ({@link TypeTable}). */
    private void emitTypeTable(TypeTable table) {
        rodata.align(8, 0);
        rodata.symbol(Symbols.TYPE_TABLE);
        for (int i = 0; i < table.entryCount(); i++) {
            rodata.dq(table.key(i));
            String code = table.code(i);
            if (code == null) {
                rodata.dq(0);
            } else {
                rodata.dq(code, 0);
            }
        }
        rodata.endSymbol();
    }

    // ---- statics, init states ------------------------------------------------------------------------------

    private void emitStaticFields() {
        for (Map.Entry<String, ClassInfo.Field> e : program.staticFields().entrySet()) {
            Object constant = e.getValue().node().value;
            data.align(8, 0);
            data.symbol(e.getKey());
            if (constant instanceof String s) {
                data.dq(stringLiteral(s), 0);
            } else if (constant instanceof Integer i) {
                data.dq(i);
            } else if (constant instanceof Long l) {
                data.dq(l);
            } else if (constant instanceof Float f) {
                data.dq(Float.floatToRawIntBits(f) & 0xffffffffL);
            } else if (constant instanceof Double d) {
                data.dq(Double.doubleToRawLongBits(d));
            } else {
                data.dq(0);
            }
            data.endSymbol();
        }
    }

    private void emitInitStates() {
        for (ClassInfo c : program.initRoutines()) {
            data.align(8, 0);
            data.symbol(Symbols.classInitState(c));
            data.dq(0);
            data.endSymbol();
        }
    }

    // ---- method table --------------------------------------------------------------------------------------

    private void emitMethodTable() {
        List<CodeGeneration.MethodTableEntry> entries = new ArrayList<>(methodTable);
        entries.sort(Comparator.comparingInt(CodeGeneration.MethodTableEntry::start));
        String base = CodeGeneration.TEXT_BASE;
        List<String> handlerSymbols = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            CodeGeneration.MethodTableEntry entry = entries.get(i);
            if (entry.handlers().isEmpty()) {
                handlerSymbols.add(null);
                continue;
            }
            String symbol = "eh:" + i;
            handlerSymbols.add(symbol);
            rodata.align(8, 0);
            rodata.symbol(symbol);
            for (MethodCompiler.Handler h : entry.handlers()) {
                rodata.dq(base, h.start());
                rodata.dq(base, h.end());
                rodata.dq(base, h.handler());
                if (h.catchType() == null) {
                    rodata.dq(0);
                } else {
                    rodata.dq(Symbols.classObject(h.catchType()), 0);
                }
            }
            rodata.endSymbol();
        }
        List<String> lineSymbols = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            List<MethodCompiler.LineStart> lines = entries.get(i).lines();
            if (lines.isEmpty()) {
                lineSymbols.add(null);
                continue;
            }
            String symbol = "ln:" + i;
            lineSymbols.add(symbol);
            rodata.align(8, 0);
            rodata.symbol(symbol);
            for (MethodCompiler.LineStart line : lines) {
                rodata.dd(line.offset());
                rodata.dd(line.line());
            }
            rodata.endSymbol();
        }
        rodata.align(8, 0);
        rodata.symbol(Symbols.METHOD_TABLE);
        for (int i = 0; i < entries.size(); i++) {
            CodeGeneration.MethodTableEntry entry = entries.get(i);
            rodata.dq(base, entry.start());
            rodata.dq(base, entry.end());
            rodata.dq(stringLiteral(entry.name()), 0);
            rodata.dq(entry.localsBytes());
            if (handlerSymbols.get(i) == null) {
                rodata.dq(0);
            } else {
                rodata.dq(handlerSymbols.get(i), 0);
            }
            rodata.dq(entry.handlers().size());
            if (entry.sourceFile() == null) {
                rodata.dq(0);
            } else {
                rodata.dq(stringLiteral(entry.sourceFile()), 0);
            }
            if (lineSymbols.get(i) == null) {
                rodata.dq(0);
            } else {
                rodata.dq(lineSymbols.get(i), 0);
            }
            rodata.dq(entry.lines().size());
        }
        rodata.endSymbol();
        rodata.symbol(Symbols.METHOD_COUNT);
        rodata.dq(entries.size());
        rodata.endSymbol();
        emitStackMaps(entries);
    }

    /**
     * {@code kiln_stack_maps}: one 4-byte offset per method-table entry, in the table's order, of the method's stack
     * maps ({@link StackMapEncoding}) in {@code kiln_stack_map_data}, or 0 (docs/abi.md "Stack maps"). A column of
     * its own rather than a tenth word of each entry: the collector alone reads it, and the unwinder's entry stays
     * as it is; offsets rather than addresses: half the bytes, and no relocation per method.
     */
    private void emitStackMaps(List<CodeGeneration.MethodTableEntry> entries) {
        int[] offsets = new int[entries.size()];
        rodata.symbol(Symbols.STACK_MAP_DATA);
        rodata.db(0); // offset 0 means "no maps"
        int offset = 1;
        for (int i = 0; i < entries.size(); i++) {
            MethodCompiler.StackMaps maps = entries.get(i).stackMaps();
            if (maps != null && !maps.safepoints().isEmpty()) {
                byte[] encoded = StackMapEncoding.encode(maps.argumentSlots(), maps.undescribedLocals(),
                        entries.get(i).localsBytes() / 8, maps.safepoints());
                rodata.db(encoded);
                offsets[i] = offset;
                offset += encoded.length;
            }
        }
        rodata.endSymbol();
        rodata.align(4, 0);
        rodata.symbol(Symbols.STACK_MAPS);
        for (int o : offsets) {
            rodata.dd(o);
        }
        rodata.endSymbol();
    }

    // ---- resources -----------------------------------------------------------------------------------------

    /**
     * The packed class path files (docs/abi.md "Tables"), sorted by path for a binary search: 3 words an entry,
     * path (String), address and length of the bytes, which follow in read-only data, unaligned, as they are
     * in the file. Rejected: a {@code byte[]} object per file in the data section (a header of its own, copied
     * at every boot into writable memory and scanned by the collector, for bytes no one writes).
     */
    private void emitResourceTable() {
        List<ClassFileLoader.Resource> files = new ArrayList<>(program.packedResources());
        files.sort(Comparator.comparing(ClassFileLoader.Resource::path));
        for (int i = 0; i < files.size(); i++) {
            rodata.symbol("res:" + i);
            rodata.db(files.get(i).bytes());
            rodata.endSymbol();
        }
        rodata.align(8, 0);
        rodata.symbol(Symbols.RESOURCE_TABLE);
        for (int i = 0; i < files.size(); i++) {
            rodata.dq(stringLiteral(files.get(i).path()), 0);
            rodata.dq("res:" + i, 0);
            rodata.dq(files.get(i).bytes().length);
        }
        rodata.endSymbol();
        rodata.symbol(Symbols.RESOURCE_COUNT);
        rodata.dq(files.size());
        rodata.endSymbol();
    }

    /** The packed time-zone rules, when the program reads them: bytes in read-only data, as the resources are. */
    private void emitTimeZones() {
        program.packedTimeZones().ifPresent(bytes -> {
            rodata.symbol(Symbols.TIME_ZONES);
            rodata.db(bytes);
            rodata.endSymbol();
            rodata.align(8, 0);
            rodata.symbol(Symbols.TIME_ZONES_LENGTH);
            rodata.dq(bytes.length);
            rodata.endSymbol();
        });
    }

    // ---- strings -------------------------------------------------------------------------------------------

    private String stringLiteral(String value) {
        return stringLiterals.computeIfAbsent(value, v -> Symbols.stringLiteral(stringLiterals.size()));
    }

    private void emitStringLiterals() {
        ClassInfo stringClass = world.require("java/lang/String");
        ClassInfo charArray = world.require("[C");
        world.layout(stringClass);
        data.align(8, 0);
        data.symbol(Symbols.STRING_LITERALS); // the region String.intern walks: nothing but literals between
        data.endSymbol();
        for (Map.Entry<String, String> e : stringLiterals.entrySet()) {
            String value = e.getKey();
            String chars = Symbols.arrayData(e.getValue());
            array(chars, charArray, value.length(), a -> {
                for (int i = 0; i < value.length(); i++) {
                    a.dw(value.charAt(i));
                }
            });
            object(e.getValue(), stringClass, Map.of("value", new Ref(chars)), a -> { });
        }
        data.align(8, 0);
        data.symbol(Symbols.STRING_LITERAL_COUNT);
        data.dq(stringLiterals.size());
        data.endSymbol();
    }
}
