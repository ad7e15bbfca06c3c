package dev.kiln.linker;

import dev.kiln.compiler.object.SectionKind;
import dev.kiln.compiler.object.Symbol;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every symbol of the link, module-defined and linker-defined, with its final address. */
final class SymbolTable {
    /** The names the linker defines itself; a module that defines one of them is a duplicate-symbol error. */
    static final List<String> LINKER_DEFINED = List.of(
            "__kernel_start", "__kernel_end", "__text_start", "__text_end", "__bss_start", "__bss_end");
    private static final String LINKER_ORIGIN = "the linker";
    private static final int MAX_SUGGESTIONS = 3;

    /**
     * @param kind   the kind of the defining section; {@code null} for linker-defined symbols
     * @param origin where it was defined, for messages: "module M, section S" or "the linker"
     */
    record Definition(String name, long address, long size, SectionKind kind, String origin) {
    }

    private final Map<String, Definition> byName = new HashMap<>();
    private final List<Definition> inDefinitionOrder = new ArrayList<>();

    SymbolTable(Layout layout, List<String> errors) {
        long[] linkerValues = {
                layout.baseAddress, layout.kernelEnd, layout.text.start(), layout.text.end(),
                layout.bss.start(), layout.bssEnd()};
        for (int i = 0; i < LINKER_DEFINED.size(); i++) {
            define(new Definition(LINKER_DEFINED.get(i), linkerValues[i], 0, null, LINKER_ORIGIN), errors);
        }
        for (Layout.OutputSection output : layout.loadedSections()) {
            for (Layout.PlacedSection placed : output.inputs()) {
                String origin = "module " + placed.module().name() + ", section " + placed.section().name();
                for (Symbol symbol : placed.section().symbols()) {
                    if (symbol.offset() > placed.section().size()) {
                        errors.add("symbol '" + symbol.name() + "' in " + origin + " has offset " + symbol.offset()
                                + " beyond the section's " + placed.section().size() + " bytes");
                    }
                    define(new Definition(symbol.name(), placed.address() + symbol.offset(), symbol.size(),
                            output.kind(), origin), errors);
                }
            }
        }
    }

    private void define(Definition definition, List<String> errors) {
        Definition previous = byName.putIfAbsent(definition.name(), definition);
        if (previous != null) {
            errors.add("duplicate symbol '" + definition.name() + "' defined in " + previous.origin() + " and "
                    + definition.origin() + "; rename one of them or link only one of the modules");
        } else {
            inDefinitionOrder.add(definition);
        }
    }

    Optional<Definition> lookup(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Sorted by address, then name: the order of the link map and of the ELF symbol table. */
    List<Definition> sortedByAddress() {
        List<Definition> sorted = new ArrayList<>(inDefinitionOrder);
        sorted.sort(Comparator.comparingLong(Definition::address).thenComparing(Definition::name));
        return sorted;
    }

    /** Defined names that differ from {@code name} only in case or by a few edits: likely what was meant. */
    List<Definition> similarTo(String name) {
        int allowedEdits = Math.max(1, Math.min(3, name.length() / 4));
        List<Definition> similar = new ArrayList<>();
        for (Definition candidate : inDefinitionOrder) {
            if (candidate.name().equalsIgnoreCase(name)
                    || editDistance(candidate.name(), name, allowedEdits) <= allowedEdits) {
                similar.add(candidate);
                if (similar.size() == MAX_SUGGESTIONS) {
                    break;
                }
            }
        }
        return similar;
    }

    /** Levenshtein distance, or {@code limit + 1} as soon as it must exceed {@code limit}. */
    static int editDistance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMinimum = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
                rowMinimum = Math.min(rowMinimum, current[j]);
            }
            if (rowMinimum > limit) {
                return limit + 1;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
