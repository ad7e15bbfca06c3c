package dev.kiln.image.disk;

import dev.kiln.boot.loader.MasterBootRecord;
import dev.kiln.qemu.junit.ExternalTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GPTs checked by sgdisk (gdisk) and fdisk, which verify the CRCs, the backup copy and the partition bounds. */
class GuidPartitionTableTest {
    private static final UUID DISK = UUID.fromString("01234567-89ab-cdef-0123-456789abcdef");
    private static final UUID ESP = UUID.fromString("fedcba98-7654-3210-fedc-ba9876543210");
    private static final UUID DATA = UUID.fromString("0fc63daf-8483-4772-8e79-3d69d8477de4");

    @TempDir
    Path directory;

    private Path disk(long sectors, GuidPartitionTable gpt) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(MasterBootRecord.create(2048, 512,
                new MasterBootRecord.Partition(MasterBootRecord.TYPE_GPT_PROTECTIVE, 1, sectors - 1), 0x1234));
        bytes.write(gpt.primary());
        bytes.write(new byte[(int) ((sectors - 1 - 2 * GuidPartitionTable.TABLE_SECTORS) * 512)]);
        bytes.write(gpt.backup());
        assertEquals(sectors * 512, bytes.size());
        return Files.write(directory.resolve("disk.img"), bytes.toByteArray());
    }

    @Test
    void sgdiskFindsNoProblemAndFdiskListsThePartitionsWithTheirGuids() throws Exception {
        long sectors = 8192;
        GuidPartitionTable gpt = new GuidPartitionTable(sectors, DISK, List.of(
                new GuidPartitionTable.Partition(GuidPartitionTable.EFI_SYSTEM_PARTITION, ESP, 2048, 4095, "EFI system partition"),
                new GuidPartitionTable.Partition(DATA, DATA, 4096, gptLastUsable(sectors), "data")));
        Path disk = disk(sectors, gpt);
        String verify = ExternalTools.check("sgdisk", "-v", disk.toString());
        assertTrue(verify.contains("No problems found"), verify);
        String info = ExternalTools.check("sgdisk", "-i", "1", disk.toString());
        assertTrue(info.contains("C12A7328-F81F-11D2-BA4B-00A0C93EC93B (EFI system partition)"), info);
        assertTrue(info.contains("Partition unique GUID: " + ESP.toString().toUpperCase()), info);
        assertTrue(info.contains("Partition name: 'EFI system partition'"), info);
        String listing = ExternalTools.check("fdisk", "-l", disk.toString());
        assertTrue(listing.contains("Disk identifier: " + DISK.toString().toUpperCase()), listing);
        assertTrue(listing.matches("(?s).*disk\\.img1\\s+2048\\s+4095\\s+2048\\s+1M\\s+EFI System.*"), listing);
        assertTrue(listing.matches("(?s).*disk\\.img2\\s+4096\\s+" + gptLastUsable(sectors) + "\\s.*"), listing);
    }

    private static long gptLastUsable(long sectors) {
        return sectors - 1 - GuidPartitionTable.TABLE_SECTORS;
    }

    /** The header's layout and CRC, field by field (UEFI 2.10 §5.3.2), in both copies. */
    @Test
    void headersPointAtEachOther() {
        GuidPartitionTable gpt = new GuidPartitionTable(1000, DISK, List.of());
        ByteBuffer primary = ByteBuffer.wrap(gpt.primary()).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer backup = ByteBuffer.wrap(gpt.backup()).order(ByteOrder.LITTLE_ENDIAN);
        int backupHeader = 32 * 512;
        assertEquals(0x5452415020494645L, primary.getLong(0), "EFI PART");
        assertEquals(1, primary.getLong(24));
        assertEquals(999, primary.getLong(32));
        assertEquals(2, primary.getLong(72));
        assertEquals(999, backup.getLong(backupHeader + 24));
        assertEquals(1, backup.getLong(backupHeader + 32));
        assertEquals(999 - 32, backup.getLong(backupHeader + 72));
        assertEquals(34, primary.getLong(40));
        assertEquals(999 - 33, primary.getLong(48));
    }

    @Test
    void partitionsOutsideTheUsableSectorsOrOverlappingAreErrors() {
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class, () -> new GuidPartitionTable(
                1000, DISK, List.of(new GuidPartitionTable.Partition(DATA, ESP, 10, 100, "early"))));
        assertTrue(outside.getMessage().contains("outside the usable sectors 34..966"), outside.getMessage());
        IllegalArgumentException overlap = assertThrows(IllegalArgumentException.class, () -> new GuidPartitionTable(
                1000, DISK, List.of(new GuidPartitionTable.Partition(DATA, ESP, 40, 100, "a"),
                        new GuidPartitionTable.Partition(DATA, DATA, 100, 200, "b"))));
        assertTrue(overlap.getMessage().contains("partitions a and b overlap"), overlap.getMessage());
    }
}
