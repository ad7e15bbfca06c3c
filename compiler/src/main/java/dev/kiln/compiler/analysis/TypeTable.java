package dev.kiln.compiler.analysis;

import dev.kiln.compiler.world.ClassInfo;
import dev.kiln.compiler.world.Symbols;
import dev.kiln.compiler.world.World;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The type table: one table, in read-only data, that answers both questions compiled code asks about the class of
 * an object in constant time, without a call: "which code implements interface method m for you?"
 * ({@code invokeinterface}) and "are you a subtype of T?" ({@code instanceof}, {@code checkcast}, {@code aastore}).
 *
 * <h2>Glossary</h2>
 * <dl>
 *   <dt>column</dt><dd>a question: an interface method selector (name + descriptor, numbered 1..S by the analysis,
 *   {@link Program#interfaceSelector}) or a supertype that some check asks about (numbered S+1.., {@link
 *   Program#supertypeColumns}): the classes named by a reached {@code checkcast}/{@code instanceof}, and the
 *   element classes of the reference-array classes in the image ({@code aastore}).</dd>
 *   <dt>row</dt><dd>a class's answers: for each column it has, an entry. A class has the column of selector s when
 *   it implements an interface that declares s (the entry's code is the implementation, or
 *   {@code Support.abstractMethodError} when there is none); it has the column of type T when it is a subtype of
 *   T (JLS §4.10, arrays covariantly, JLS §10.8).</dd>
 *   <dt>entry</dt><dd>16 bytes: {@code {key, code}}; the key of column k is {@code 16*k}, the entry's byte offset
 *   within a row, and the key of a free entry is 0, which no column has.</dd>
 *   <dt>displacement</dt><dd>where a row starts in the table: every row is the same sparse line of columns 1..K,
 *   and rows are overlaid on one another (Tarjan and Yao's row displacement; Driesen, "Selector Table Indexing
 *   &amp; Sparse Arrays", OOPSLA '93) so that no two rows use the same entry.</dd>
 * </dl>
 *
 * <h2>Layout and use</h2>
 * <pre>
 * Class object: typeTableRow = kiln_type_table + 16 * displacement   (docs/abi.md "Type table")
 *
 * kiln_type_table:  entry 0 | entry 1 | ... each { key = 16*k if the row that owns it has column k, else 0 ; code }
 *                   row of C:  [typeTableRow + 16*k] is C's entry for column k, for every k in 1..K
 * </pre>
 * An entry belongs to at most one row and no two rows share a displacement, so the key at {@code typeTableRow +
 * 16*k} equals {@code 16*k} exactly when the class has column k: an entry there that another row owns is that
 * row's column {@code k'} with {@code d' + k' = d + k}, and {@code d' != d} makes {@code k' != k}. (Classes with
 * equal rows share one row and its displacement.) The table ends
 * with K free entries after the last row, so that every class, whatever it has, can read any column in bounds; a
 * class with no column (interfaces, primitive classes, most classes) points at that free end. Compiled code:
 * <pre>
 * invokeinterface s:   mov rax,[receiver]; mov rax,[rax+typeTableRow]; cmp qword [rax+16s],16s; jne incompatible
 *                      call [rax+16s+8]            (null receiver: the first load faults, NullPointerException)
 * instanceof T:        null? 0 : ([[obj]+typeTableRow + 16t] == 16t)
 * aastore:             null value, or the array class's elementTypeEntry e is 0 (Object[]), or [[value]+row+e] == e
 * </pre>
 * {@code incompatible} throws IncompatibleClassChangeError (JVMS §6.5 invokeinterface: the receiver's class does not
 * implement the interface; possible only when classes were compiled apart). A failed cast or array store calls the
 * runtime, which throws with HotSpot's message.
 *
 * <h2>Rejected</h2>
 * <ul>
 *   <li>A linear scan of a per-class list of {selector, address} pairs (what Kiln did before): a call and a loop
 *   per interface call, 5-13 % of a collections-heavy benchmark.</li>
 *   <li>Selector colouring with a dense table per class, indexed by colour (no class implements two selectors of
 *   one colour): as fast, but every class with any interface method needs a table as long as the number of colours,
 *   and a class that does not implement the interface still needs a key check; row displacement packs the same
 *   rows with almost no holes and one scheme covers type checks too.</li>
 *   <li>A superclass display (depth and a fixed-size array of ancestors in each Class object, Click and Rose 2002)
 *   for class targets, plus a separate interface bit set: two mechanisms and two code sequences, a fallback for
 *   hierarchies deeper than the display, and 64 bytes in every Class object; here every class pays only for the
 *   columns that a check in the program asks about.</li>
 *   <li>One global matrix, class by column: constant time, but classes times columns entries (megabytes for the
 *   JDK's collections).</li>
 * </ul>
 */
public final class TypeTable {
    /** Bytes per entry: the key and the code address. */
    static final int ENTRY_BYTES = 16;

    /** Where each class's row starts, in entries (by ClassInfo; by any distinct key in the unit test). */
    private final Map<Object, Integer> displacements = new LinkedHashMap<>();
    /** Per entry: the column of the row that owns it (0: free), and its code symbol (null: a type column's). */
    private final int[] columns;
    private final String[] codes;

    /**
     * The table of the program's Class objects ({@code classes}: every class that has one, so that each Class object
     * has a row): {@code abstractError} is the code of an interface method a class lacks.
     */
    public static TypeTable of(Program program, Iterable<ClassInfo> classes, String abstractError) {
        World world = program.world();
        Map<ClassInfo, Map<Integer, String>> rows = new LinkedHashMap<>();
        for (ClassInfo c : classes) {
            Map<Integer, String> row = new TreeMap<>();
            if (!c.isInterface() && c.kind != ClassInfo.Kind.PRIMITIVE) {
                Set<String> declared = new HashSet<>();
                for (ClassInfo i : c.allInterfaces()) {
                    i.node.methods.forEach(m -> declared.add(m.name + m.desc));
                }
                program.interfaceSelectors().forEach((selector, k) -> {
                    if (declared.contains(selector)) {
                        ClassInfo.Method impl = world.dispatch(c, selector);
                        row.put(k, impl != null && program.isReached(impl) ? Symbols.method(impl) : abstractError);
                    }
                });
                program.supertypeColumns().forEach((t, k) -> {
                    if (isSubtype(c, t)) {
                        row.put(k, null);
                    }
                });
            }
            rows.put(c, row);
        }
        return new TypeTable(rows, program.columnCount());
    }

    /**
     * Whether {@code c} (not a primitive class) is {@code t} or a subtype of it, by JVMS §6.5 checkcast's rules: arrays
     * are covariant in their reference elements and implement Cloneable and Serializable.
     */
    static boolean isSubtype(ClassInfo c, ClassInfo t) {
        if (c == t || t.name.equals(World.OBJECT)) {
            return true;
        }
        if (!c.isArray()) {
            return c.isSubtypeOf(t);
        }
        if (t.isInterface()) {
            return t.name.equals("java/lang/Cloneable") || t.name.equals("java/io/Serializable");
        }
        return t.isArray() && c.component().kind != ClassInfo.Kind.PRIMITIVE && t.component().kind != ClassInfo.Kind.PRIMITIVE
                && isSubtype(c.component(), t.component());
    }

    /**
     * @param rows every class that has a Class object, each with its entries: column → code symbol (null for a type
     *             column); classes without columns get an empty map. Only the keys' identity matters here, so the
     *             unit test keys rows by name.
     * @param columnCount K, the highest column number
     */
    TypeTable(Map<?, Map<Integer, String>> rows, int columnCount) {
        Map<Map<Integer, String>, Integer> placed = new LinkedHashMap<>();
        for (Map<Integer, String> row : rows.values()) {
            if (!row.isEmpty()) {
                placed.put(new TreeMap<>(row), 0);
            }
        }
        List<Map<Integer, String>> distinct = new ArrayList<>(placed.keySet());
        distinct.sort(Comparator.comparingInt((Map<Integer, String> r) -> r.size()).reversed()); // big rows first
        BitSet used = new BitSet();
        used.set(0); // entry 0 stays free: a displacement is never negative, and column 0 does not exist
        BitSet taken = new BitSet(); // displacements: two rows at one would read each other's entries
        for (Map<Integer, String> row : distinct) {
            int d = firstFit(row, used, taken);
            row.keySet().forEach(k -> used.set(d + k));
            taken.set(d);
            placed.put(row, d);
        }
        int empty = Math.max(used.length(), taken.length()); // the free end, after every row and every entry
        columns = new int[empty + columnCount + 1];
        codes = new String[columns.length];
        placed.forEach((row, d) -> row.forEach((k, code) -> {
            columns[d + k] = k;
            codes[d + k] = code;
        }));
        rows.forEach((c, row) -> displacements.put(c, row.isEmpty() ? empty : placed.get(new TreeMap<>(row))));
    }

    /** The lowest displacement no other row has at which every column of {@code row} falls on a free entry. */
    private static int firstFit(Map<Integer, String> row, BitSet used, BitSet taken) {
        int first = row.keySet().iterator().next();
        int d = used.nextClearBit(first) - first;
        while (taken.get(d) || !fits(row, used, d)) {
            d = used.nextClearBit(d + 1 + first) - first;
        }
        return d;
    }

    private static boolean fits(Map<Integer, String> row, BitSet used, int d) {
        for (int k : row.keySet()) {
            if (used.get(d + k)) {
                return false;
            }
        }
        return true;
    }

    /** The byte offset of {@code c}'s row from the table's start ({@code typeTableRow} is the table's symbol + it). */
    public long rowOffset(ClassInfo c) {
        return rowOffsetOf(c);
    }

    long rowOffsetOf(Object c) {
        return (long) ENTRY_BYTES * displacements.get(c);
    }

    public int entryCount() {
        return columns.length;
    }

    /** The key of entry {@code i}: {@code 16*k} for an entry of column k, 0 for a free one. */
    public long key(int i) {
        return (long) ENTRY_BYTES * columns[i];
    }

    /** The code symbol of entry {@code i}, or null (a free entry, or a type column's). */
    public String code(int i) {
        return codes[i];
    }
}
