package dev.kiln.compiler.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The type table's packing (TypeTable): whatever rows are overlaid, reading column k at a class's row finds the key
 * {@code 16*k} exactly when the class has column k, with that class's code, and never reads outside the table.
 */
class TypeTableTest {
    @Test
    void everyClassReadsExactlyItsOwnEntries() {
        Random random = new Random(11);
        int columns = 300;
        Map<String, Map<Integer, String>> rows = new LinkedHashMap<>();
        for (int i = 0; i < 2000; i++) {
            Map<Integer, String> row = new TreeMap<>();
            int size = random.nextInt(8) == 0 ? 0 : random.nextInt(i % 50 == 0 ? 120 : 12);
            for (int j = 0; j < size; j++) {
                int k = 1 + (random.nextBoolean() ? random.nextInt(20) : random.nextInt(columns));
                row.put(k, random.nextBoolean() ? null : "m:" + random.nextInt(5)); // equal rows share a place
            }
            rows.put("C" + i, row);
        }
        TypeTable table = new TypeTable(rows, columns);
        int used = 0;
        for (int i = 0; i < table.entryCount(); i++) {
            used += table.key(i) != 0 ? 1 : 0;
        }
        rows.forEach((c, row) -> {
            long start = table.rowOffsetOf(c);
            assertEquals(0, start % TypeTable.ENTRY_BYTES);
            for (int k = 1; k <= columns; k++) {
                int entry = (int) (start / TypeTable.ENTRY_BYTES) + k;
                assertTrue(entry < table.entryCount(), c + " reads column " + k + " outside the table");
                boolean present = table.key(entry) == (long) TypeTable.ENTRY_BYTES * k;
                assertEquals(row.containsKey(k), present, c + ", column " + k);
                if (present) {
                    assertEquals(row.get(k), table.code(entry), c + ", column " + k);
                }
            }
        });
        // packed, not a matrix: the used entries are most of the table (the free end is one row long)
        assertTrue(used > (table.entryCount() - columns - 1) / 2, used + " used of " + table.entryCount());
    }
}
