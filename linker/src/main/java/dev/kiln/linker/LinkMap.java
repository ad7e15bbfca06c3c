package dev.kiln.linker;

import java.util.ArrayList;
import java.util.List;

/**
 * The link map: where everything went, for people reading crash addresses. Lines are sorted by address;
 * an output section's header line comes before the symbols at its start address:
 * <pre>
 * # Kiln link map: entry kiln_entry32 at 0x0000000000100020
 * # address size name
 * section 0x0000000000100000 0x00000000000001f0 .text
 * 0x0000000000100000 0x0000000000000000 __text_start
 * 0x0000000000100000 0x0000000000000018 kiln_multiboot2_header
 * 0x0000000000100020 0x0000000000000040 kiln_entry32
 * </pre>
 * Notes are not loaded, so they have no address and are not listed.
 */
final class LinkMap {
    private LinkMap() {
    }

    static String render(Layout layout, SymbolTable symbols, String entrySymbol, long entryAddress) {
        StringBuilder map = new StringBuilder();
        map.append("# Kiln link map: entry ").append(entrySymbol).append(" at ").append(hex(entryAddress)).append('\n');
        map.append("# address size name; \"section\" lines give an output section's address and size\n");
        List<Layout.OutputSection> sections = new ArrayList<>(layout.loadedSections());
        int next = 0;
        for (SymbolTable.Definition symbol : symbols.sortedByAddress()) {
            while (next < sections.size() && sections.get(next).start() <= symbol.address()) {
                section(map, sections.get(next));
                next++;
            }
            map.append(hex(symbol.address())).append(' ').append(hex(symbol.size())).append(' ')
                    .append(symbol.name()).append('\n');
        }
        while (next < sections.size()) {
            section(map, sections.get(next++));
        }
        return map.toString();
    }

    private static void section(StringBuilder map, Layout.OutputSection section) {
        map.append("section ").append(hex(section.start())).append(' ').append(hex(section.size())).append(' ')
                .append(section.name()).append('\n');
    }

    private static String hex(long value) {
        return String.format("0x%016x", value);
    }
}
