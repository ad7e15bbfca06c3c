package dev.kiln.boot.loader;

import dev.kiln.qemu.junit.ExternalTools;
import dev.kiln.image.Oracle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MasterBootRecordTest {
    private static final MasterBootRecord.Partition PROTECTIVE =
            new MasterBootRecord.Partition(MasterBootRecord.TYPE_GPT_PROTECTIVE, 1, 70_000);

    @TempDir
    Path directory;

    @Test
    void hasTheSignatureOnePartitionEntryAndTheDiskSignature() {
        ByteBuffer mbr = ByteBuffer.wrap(MasterBootRecord.create(72, 700, PROTECTIVE, 0x12345678)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(512, mbr.capacity());
        assertEquals(0xAA55, mbr.getShort(510) & 0xFFFF);
        assertEquals(0x12345678, mbr.getInt(0x1B8));
        assertEquals(0, mbr.getShort(0x1BC));
        assertEquals(0, mbr.get(0x1BE), "not active (UEFI 2.10 §5.2.3)");
        assertArrayEquals(new byte[] {0, 2, 0}, new byte[] {mbr.get(0x1BF), mbr.get(0x1C0), mbr.get(0x1C1)}, "CHS 0/0/2");
        assertEquals((byte) 0xEE, mbr.get(0x1C2));
        // last sector 70000 with 64 heads and 32 sectors: cylinder 34, head 11, sector 17
        assertArrayEquals(new byte[] {11, 17, 34}, new byte[] {mbr.get(0x1C3), mbr.get(0x1C4), mbr.get(0x1C5)});
        assertEquals(1, mbr.getInt(0x1C6));
        assertEquals(70_000, mbr.getInt(0x1CA));
        for (int i = 0x1CE; i < 0x1FE; i++) {
            assertEquals(0, mbr.get(i), "entries 2-4 stay empty, at byte " + i);
        }
    }

    /** The loader's place is a data word in the code: the code's size does not depend on it. */
    @Test
    void bootCodeFitsIn440BytesAndOnlyItsDataDependsOnTheLoader() {
        byte[] near = MasterBootRecord.create(1, 512, PROTECTIVE, 0);
        byte[] far = MasterBootRecord.create(0xFFFF_FFFFL, 66 * 512, PROTECTIVE, 0);
        int differing = 0;
        for (int i = 0; i < MasterBootRecord.BOOT_CODE_LIMIT; i++) {
            differing += near[i] != far[i] ? 1 : 0;
        }
        assertTrue(differing > 0 && differing <= 2 + 8, "only the DAP's count and LBA differ: " + differing + " bytes");
    }

    @Test
    void rejectsWhatItCannotLoadOrRecord() {
        assertThrows(IllegalArgumentException.class, () -> MasterBootRecord.create(0, 512, PROTECTIVE, 0));
        assertThrows(IllegalArgumentException.class, () -> MasterBootRecord.create(1, 66 * 512 + 1, PROTECTIVE, 0));
        assertThrows(IllegalArgumentException.class, () -> new MasterBootRecord.Partition(0, 0, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MasterBootRecord.Partition(0x17, 1, 0xFFFF_FFFFL));
        assertTrue(e.getMessage().contains("2 TiB"), e.getMessage());
    }

    /** A loader "sector" past the end of the disk: the BIOS read fails and the MBR says so, on COM1 too. */
    @Test
    void reportsADiskReadErrorAndHalts() throws Exception {
        Path disk = directory.resolve("bad-sector.img");
        byte[] image = new byte[64 * 512];
        System.arraycopy(MasterBootRecord.create(0x00F0_0000L, 1024, new MasterBootRecord.Partition(0xDA, 1, 63), 0),
                0, image, 0, 512);
        Files.write(disk, image);
        ExternalTools.Result boot = Oracle.bootHardDisk(disk, 64, 60, MasterBootRecord.DISK_ERROR.strip());
        assertTrue(boot.output().contains("kiln: MBR disk read error"), boot.output());
        assertEquals(-1, boot.exitCode(), "the MBR halts rather than jumping anywhere");
    }
}
