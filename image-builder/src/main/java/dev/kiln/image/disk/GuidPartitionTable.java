package dev.kiln.image.disk;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * A GUID partition table (UEFI 2.10 §5.3) for a disk of 512-byte sectors: the primary header at LBA 1 and its
 * partition entry array at LBA 2-33, and the backup entry array and header in the last 33 sectors:
 * <pre>
 *   LBA 0        protective MBR (written by the caller: {@code MasterBootRecord}, type 0xEE)
 *   LBA 1        GPT header: "EFI PART", revision 1.0, CRC32s, the usable range, the disk GUID, where the
 *                entries are
 *   LBA 2-33     128 partition entries of 128 bytes: type GUID, unique GUID, first and last LBA, attributes,
 *                name (36 UTF-16LE characters)
 *   ...          partitions, between LBA 34 and the backup entries
 *   LBA n-33..   backup partition entries (the same bytes)
 *   LBA n-1      backup GPT header (MyLBA and AlternateLBA swapped, entries at n-33)
 * </pre>
 * Sizes are the minimum the specification allows for the entry array (16 KiB, §5.3.2), which is also what every
 * partitioning tool writes. GUIDs come from the caller, derived from the image's content, so rebuilds are
 * byte-identical.
 */
public final class GuidPartitionTable {
    public static final int SECTOR = 512;
    static final int ENTRIES = 128;
    static final int ENTRY_BYTES = 128;
    static final int ENTRY_SECTORS = ENTRIES * ENTRY_BYTES / SECTOR;
    /** The sectors each copy of the table takes besides LBA 0: header + entries. */
    public static final int TABLE_SECTORS = 1 + ENTRY_SECTORS;
    /** The first LBA a partition may start at: after the primary header and entries. */
    public static final long FIRST_USABLE = 2 + ENTRY_SECTORS;
    static final int HEADER_BYTES = 92;
    static final int REVISION_1_0 = 0x0001_0000;
    /** §5.3.3 Table 5-7: EFI System Partition. */
    public static final UUID EFI_SYSTEM_PARTITION = UUID.fromString("c12a7328-f81f-11d2-ba4b-00a0c93ec93b");
    static final int NAME_CHARACTERS = 36;

    /**
     * One partition.
     *
     * @param type      the partition type GUID, e.g. {@link #EFI_SYSTEM_PARTITION}
     * @param unique    this partition's own GUID
     * @param firstLba  its first 512-byte sector
     * @param lastLba   its last sector, inclusive (§5.3.3)
     * @param name      up to 36 characters, shown by partitioning tools
     */
    public record Partition(UUID type, UUID unique, long firstLba, long lastLba, String name) {
        public Partition {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(unique, "unique");
            if (name.length() > NAME_CHARACTERS) {
                throw new IllegalArgumentException("partition name '" + name + "' is longer than 36 characters");
            }
            if (firstLba > lastLba) {
                throw new IllegalArgumentException("partition " + name + " ends (" + lastLba + ") before it starts ("
                        + firstLba + ")");
            }
        }
    }

    private final long diskSectors;
    private final UUID diskGuid;
    private final byte[] entries;

    /**
     * @param diskSectors the disk's size in 512-byte sectors: the backup table takes its last 33
     * @throws IllegalArgumentException if a partition lies outside the usable range or two overlap
     */
    public GuidPartitionTable(long diskSectors, UUID diskGuid, List<Partition> partitions) {
        this.diskSectors = diskSectors;
        this.diskGuid = Objects.requireNonNull(diskGuid, "diskGuid");
        if (partitions.size() > ENTRIES) {
            throw new IllegalArgumentException(partitions.size() + " partitions; a GPT here holds " + ENTRIES);
        }
        ByteBuffer array = ByteBuffer.allocate(ENTRIES * ENTRY_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < partitions.size(); i++) {
            Partition partition = partitions.get(i);
            if (partition.firstLba() < FIRST_USABLE || partition.lastLba() > lastUsable()) {
                throw new IllegalArgumentException("partition " + partition.name() + " (LBA " + partition.firstLba()
                        + ".." + partition.lastLba() + ") is outside the usable sectors " + FIRST_USABLE + ".."
                        + lastUsable());
            }
            for (int j = 0; j < i; j++) {
                Partition other = partitions.get(j);
                if (partition.firstLba() <= other.lastLba() && other.firstLba() <= partition.lastLba()) {
                    throw new IllegalArgumentException("partitions " + other.name() + " and " + partition.name() + " overlap");
                }
            }
            array.position(i * ENTRY_BYTES);
            putGuid(array, partition.type());                        // +0  PartitionTypeGUID
            putGuid(array, partition.unique());                      // +16 UniquePartitionGUID
            array.putLong(partition.firstLba());                     // +32 StartingLBA
            array.putLong(partition.lastLba());                      // +40 EndingLBA
            array.putLong(0);                                        // +48 Attributes: none
            array.put(partition.name().getBytes(StandardCharsets.UTF_16LE)); // +56 PartitionName
        }
        entries = array.array();
    }

    /** The last LBA a partition may use: before the backup entries. */
    public long lastUsable() {
        return diskSectors - 1 - TABLE_SECTORS;
    }

    /** LBA 1-33: the primary header and the entries, to be written right after the MBR. */
    public byte[] primary() {
        ByteBuffer bytes = ByteBuffer.allocate(TABLE_SECTORS * SECTOR);
        bytes.put(header(1, diskSectors - 1, 2));
        bytes.put(entries);
        return bytes.array();
    }

    /** The last 33 sectors of the disk: the backup entries, then the backup header in the very last sector. */
    public byte[] backup() {
        ByteBuffer bytes = ByteBuffer.allocate(TABLE_SECTORS * SECTOR);
        bytes.put(entries);
        bytes.put(header(diskSectors - 1, 1, diskSectors - 1 - ENTRY_SECTORS));
        return bytes.array();
    }

    /** §5.3.2 Table 5-5: the header, in a sector of its own (the rest zero). */
    private byte[] header(long myLba, long alternateLba, long entriesLba) {
        ByteBuffer header = ByteBuffer.allocate(SECTOR).order(ByteOrder.LITTLE_ENDIAN);
        header.put("EFI PART".getBytes(StandardCharsets.US_ASCII)); // +0  Signature
        header.putInt(REVISION_1_0);                                 // +8  Revision
        header.putInt(HEADER_BYTES);                                 // +12 HeaderSize
        header.putInt(0);                                            // +16 HeaderCRC32, computed below
        header.putInt(0);                                            // +20 Reserved
        header.putLong(myLba);                                       // +24 MyLBA
        header.putLong(alternateLba);                                // +32 AlternateLBA
        header.putLong(FIRST_USABLE);                                // +40 FirstUsableLBA
        header.putLong(lastUsable());                                // +48 LastUsableLBA
        putGuid(header, diskGuid);                                   // +56 DiskGUID
        header.putLong(entriesLba);                                  // +72 PartitionEntryLBA
        header.putInt(ENTRIES);                                      // +80 NumberOfPartitionEntries
        header.putInt(ENTRY_BYTES);                                  // +84 SizeOfPartitionEntry
        header.putInt(crc32(entries, entries.length));               // +88 PartitionEntryArrayCRC32
        header.putInt(16, crc32(header.array(), HEADER_BYTES));      // over HeaderSize bytes, this field zero
        return header.array();
    }

    private static int crc32(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }

    /**
     * UEFI 2.10 Appendix A: a GUID's first three fields are stored little-endian, its last eight bytes in order,
     * unlike {@link UUID}'s big-endian string order.
     */
    static void putGuid(ByteBuffer buffer, UUID guid) {
        long high = guid.getMostSignificantBits();
        ByteBuffer field = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        field.putInt((int) (high >>> 32));
        field.putShort((short) (high >>> 16));
        field.putShort((short) high);
        field.order(ByteOrder.BIG_ENDIAN).putLong(guid.getLeastSignificantBits());
        buffer.put(field.array());
    }
}
