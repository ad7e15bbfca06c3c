package dev.kiln.image.disk;

import dev.kiln.qemu.junit.ExternalTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static dev.kiln.image.TestBytes.pattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FAT images read back by independent readers: mtools (mdir, mcopy) and file(1). */
class FatImageTest {
    private static final Instant TIMESTAMP = Instant.parse("2026-03-04T05:06:08Z");

    @TempDir
    Path directory;

    private Path write(FatImage image, String name) throws Exception {
        return Files.write(directory.resolve(name), image.bytes());
    }

    @Test
    void mtoolsListsAndCopiesBackEveryFileOfASmallFat12Image() throws Exception {
        byte[] loader = pattern(5000, 1);
        byte[] notes = pattern(3, 2);
        FatImage plan = FatImage.plan(List.of(new FatImage.File("EFI/BOOT/BOOTX64.EFI", loader),
                new FatImage.File("KILN/NOTES.TXT", notes), new FatImage.File("EMPTY", new byte[0])),
                "KILN EFI", 0x12345678, TIMESTAMP, 0);
        assertTrue(plan.isFat12());
        Path image = write(plan, "small.img");
        String listing = ExternalTools.check("mdir", "-i", image.toString(), "-/", "::/");
        assertTrue(listing.contains("Volume in drive : is KILN EFI"), listing);
        assertTrue(listing.contains("Volume Serial Number is 1234-5678"), listing);
        assertTrue(listing.matches("(?s).*BOOTX64\\s+EFI\\s+5\\s?000 2026-03-04\\s+5:06.*"), listing);
        assertTrue(listing.matches("(?s).*NOTES\\s+TXT\\s+3 .*"), listing);
        assertTrue(listing.matches("(?s).*EMPTY\\s+0 .*"), listing);
        Path copy = directory.resolve("copy.efi");
        ExternalTools.check("mcopy", "-i", image.toString(), "::/EFI/BOOT/BOOTX64.EFI", copy.toString());
        assertArrayEquals(loader, Files.readAllBytes(copy));
        byte[] bytes = Files.readAllBytes(image);
        assertEquals(0, plan.offsetOf("EFI/BOOT/BOOTX64.EFI") % 2048);
        assertArrayEquals(loader, Arrays.copyOfRange(bytes, (int) plan.offsetOf("EFI/BOOT/BOOTX64.EFI"),
                (int) plan.offsetOf("EFI/BOOT/BOOTX64.EFI") + loader.length), "offsetOf is where the bytes are");
        String type = ExternalTools.check("file", image.toString());
        assertTrue(type.contains("FAT (12 bit)") && type.contains("serial number 0x12345678"), type);
    }

    /** More than 4084 clusters of 2048 bytes make it FAT16 (FAT §3.5), which mtools and file(1) agree on. */
    @Test
    void aLargeFileMakesItFat16() throws Exception {
        byte[] big = pattern(9 * 1024 * 1024 + 7, 3);
        FatImage plan = FatImage.plan(List.of(new FatImage.File("BIG.BIN", big)), "", 1, TIMESTAMP, 2048);
        assertFalse(plan.isFat12());
        Path image = write(plan, "big.img");
        assertTrue(ExternalTools.check("file", image.toString()).contains("FAT (16 bit)"));
        Path copy = directory.resolve("big.copy");
        ExternalTools.check("mcopy", "-i", image.toString(), "::/BIG.BIN", copy.toString());
        assertArrayEquals(big, Files.readAllBytes(copy));
    }

    @Test
    void badNamesAndDuplicatesAreErrorsNamingThePath() {
        IllegalArgumentException lower = assertThrows(IllegalArgumentException.class, () -> FatImage.plan(
                List.of(new FatImage.File("efi/boot.efi", new byte[1])), "", 0, TIMESTAMP, 0));
        assertTrue(lower.getMessage().contains("'efi' in efi/boot.efi is not an 8.3 name"), lower.getMessage());
        IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class, () -> FatImage.plan(
                List.of(new FatImage.File("A/B", new byte[1]), new FatImage.File("A/B", new byte[2])), "", 0, TIMESTAMP, 0));
        assertTrue(duplicate.getMessage().contains("duplicate path A/B"), duplicate.getMessage());
        IllegalArgumentException clash = assertThrows(IllegalArgumentException.class, () -> FatImage.plan(
                List.of(new FatImage.File("A", new byte[1]), new FatImage.File("A/B", new byte[2])), "", 0, TIMESTAMP, 0));
        assertTrue(clash.getMessage().contains("A is both a file and a directory"), clash.getMessage());
    }

    @Test
    void sameInputsGiveIdenticalBytesAndDatesBefore1980BecomeThe1980Epoch() throws Exception {
        List<FatImage.File> files = List.of(new FatImage.File("A/B.C", pattern(100, 4)));
        assertArrayEquals(FatImage.plan(files, "X", 7, TIMESTAMP, 0).bytes(), FatImage.plan(files, "X", 7, TIMESTAMP, 0).bytes());
        Path image = write(FatImage.plan(files, "X", 7, Instant.EPOCH, 0), "epoch.img");
        String listing = ExternalTools.check("mdir", "-i", image.toString(), "::/A");
        assertTrue(listing.contains("1980-01-01"), listing);
    }
}
