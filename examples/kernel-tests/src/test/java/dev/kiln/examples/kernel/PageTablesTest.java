package dev.kiln.examples.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kiln.kernel.memory.PageTables;
import kiln.runtime.ObjectModel;
import org.junit.jupiter.api.Test;

/**
 * The kernel's page tables as the MMU walks them: page 0 is unmapped so that null dereferences fault, the
 * rest of the first 4 GiB is identity-mapped, and nothing above it is.
 */
class PageTablesTest {
    private static final long GIB = 1L << 30;

    static final class Holder {
        int value;
    }

    @Test
    void pageZeroIsUnmappedAndItsNeighbourIsMapped() {
        assertFalse(PageTables.isMapped(0));
        assertFalse(PageTables.isMapped(4095));
        assertTrue(PageTables.isMapped(4096));
        assertTrue(PageTables.isMapped(2L * 1024 * 1024));
    }

    @Test
    void theHeapIsMapped() {
        byte[] object = new byte[64];
        assertTrue(PageTables.isMapped(ObjectModel.elementAddress(object, 0)));
    }

    @Test
    void onlyTheFirstFourGibibytesAreMapped() {
        assertTrue(PageTables.isMapped(4 * GIB - 1));
        assertFalse(PageTables.isMapped(4 * GIB));
        assertFalse(PageTables.isMapped(1L << 47)); // not canonical
    }

    @Test
    void aNullFieldReadFaultsThroughPageZeroIntoANullPointerException() {
        Holder nothing = null;
        assertThrows(NullPointerException.class, () -> System.out.println(nothing.value));
    }
}
