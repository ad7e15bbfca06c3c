package kiln.kernel.memory;

import kiln.runtime.Intrinsics;

/**
 * The kernel's address space: the boot stub's identity mapping of the first 4 GiB in 2 MiB pages, refined in
 * Java at boot with 4 KiB pages where single pages must be unmapped:
 * <ul>
 *   <li>page 0 (the low 2 MiB get a page table), so that a null dereference — a field, an array length or an
 *       element at a small offset from address 0 — faults (#PF) and becomes a NullPointerException
 *       (kiln.kernel.cpu.Faults);</li>
 *   <li>the lowest page of the boot stack (its guard page), so that running off the stack faults instead of
 *       silently overwriting whatever lies below; and the lowest page of the overflow stack below it, on which
 *       a guard-page StackOverflowError is built, for the same reason.</li>
 * </ul>
 * <pre>
 *   PDE (2 MiB page, PS = 1)                 ->  PDE (PS = 0) pointing at a page table of 512 PTEs:
 *   | address 51:21 | .. |PS=1| .. |RW|P|        PTE (4 KiB page, SDM Vol. 3A §4.5, Table 4-20)
 *                                                 63 62   52 51          12 11  9 8 7   6 5 4   3   2   1  0
 *                                                +--+------+--------------+-----+-+---+-+-+---+---+---+--+--+
 *                                                |XD| ign. | page address |ign. |G|PAT|D|A|PCD|PWT|U/S|RW|P |
 *                                                +--+------+--------------+-----+-+---+-+-+---+---+---+--+--+
 *   A PTE of 0 (P = 0) leaves its page unmapped: any access raises #PF with CR2 = the address.
 * </pre>
 * The page tables live in {@code kiln_small_page_tables} (three 4 KiB pages the interrupt stub reserves); the
 * directories they hang from are the boot stub's ({@code kiln_boot_page_directories}, 2048 PDEs for 4 GiB).
 *
 * <p><i>Rejected</i>: building a whole new hierarchy (the boot stub's is already exactly the identity map the
 * kernel wants, and replacing it would copy 24 KiB of entries to change three); unmapping all of the low 2 MiB
 * (BIOS data, the PVH start info and the Multiboot2 information live there); 1 GiB pages (not on every CPU).
 */
public final class PageTables {
    private static final long PAGE = 4096;
    private static final long TWO_MIB = 2 * 1024 * 1024;
    private static final long PRESENT = 0x1;
    private static final long PRESENT_WRITABLE = 0x3;
    /** PS: in a PDPTE or PDE, the entry maps a 1 GiB or 2 MiB page instead of pointing at a table. */
    private static final long LARGE_PAGE = 1 << 7;
    /** Bits 51:12 of an entry: the physical address of the next table or of the page. */
    private static final long ENTRY_ADDRESS = 0x000F_FFFF_FFFF_F000L;

    private PageTables() {}

    /** Unmaps page 0 and the two guard pages. Once, at boot; the boot stack must not be that deep yet. */
    public static void init() {
        long tables = Intrinsics.symbol("kiln_small_page_tables");
        unmap(0, tables);
        unmap(Intrinsics.symbol("kiln_boot_stack"), tables + PAGE);
        unmap(Intrinsics.symbol("kiln_overflow_stack"), tables + 2 * PAGE);
        // Reloading CR3 drops every cached translation, including the 2 MiB ones just split (§4.10.4.1).
        Intrinsics.setPageTableRoot(Intrinsics.symbol("kiln_boot_pml4"));
    }

    /**
     * Whether an access to {@code address} is translated, by the same walk the MMU does (SDM Vol. 3A §4.5):
     * PML4E, PDPTE, PDE, PTE, each of which must be present, down to a 1 GiB, 2 MiB or 4 KiB page. A
     * non-canonical address (bits 63:47 not all equal) is never mapped.
     */
    public static boolean isMapped(long address) {
        if ((address >> 47) != 0 && (address >> 47) != -1) {
            return false;
        }
        long table = Intrinsics.symbol("kiln_boot_pml4");
        for (int level = 3; level >= 0; level--) {
            long entry = Intrinsics.readLong(table + ((address >>> (12 + 9 * level)) & 511) * 8);
            if ((entry & PRESENT) == 0) {
                return false;
            }
            if ((level == 1 || level == 2) && (entry & LARGE_PAGE) != 0) {
                return true;
            }
            table = entry & ENTRY_ADDRESS;
        }
        return true;
    }

    /**
     * Unmaps the page at {@code page}: its 2 MiB region gets {@code spareTable} as its page table, unless an
     * earlier call already split the region, in which case that table is reused and the spare stays unused.
     */
    private static void unmap(long page, long spareTable) {
        long directoryEntry = Intrinsics.symbol("kiln_boot_page_directories") + (page / TWO_MIB) * 8;
        long entry = Intrinsics.readLong(directoryEntry);
        long table;
        if ((entry & LARGE_PAGE) != 0) { // still a 2 MiB page
            long region = page & -TWO_MIB;
            table = spareTable;
            for (long i = 0; i < 512; i++) {
                Intrinsics.writeLong(table + i * 8, region + i * PAGE | PRESENT_WRITABLE);
            }
            Intrinsics.writeLong(directoryEntry, table | PRESENT_WRITABLE);
        } else {
            table = entry & -PAGE;
        }
        Intrinsics.writeLong(table + (page % TWO_MIB) / PAGE * 8, 0);
    }
}
