package dev.kiln.image.iso;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A planned ISO 9660 (ECMA-119, 2nd edition) image with an optional El Torito boot catalog: every directory
 * and file has its sector, so callers can ask where a file lands ({@link #sectorOf}) before writing.
 * <p>
 * Layout, in 2048-byte logical sectors (ECMA-119 §6.1.2):
 * <pre>
 *   0..15   system area (§6.2.1): zeros, or what the caller gives, e.g. an MBR for a hybrid image
 *   16      primary volume descriptor (§8.4)
 *   17      El Torito boot record volume descriptor (El Torito 1.0 §2.0 requires sector 17), if booting
 *   next    volume descriptor set terminator (§8.3)
 *   next    type L path table, then type M path table (§9.4, §6.9)
 *   next    directories, in path table order (§6.8)
 *   next    files, directory by directory in path table order, each sorted as in its directory (§9.3)
 * </pre>
 * The image is deterministic: one timestamp for every date field, entries sorted as §9.3 and §6.9.1 demand,
 * and no content but the given files.
 */
public final class IsoImage {
    static final int SECTOR = 2048;
    private static final int SYSTEM_AREA_SECTORS = 16;
    /** Bytes of the system area, which ECMA-119 §6.2.1 leaves to the system (a PC reads an MBR from its start). */
    public static final int SYSTEM_AREA_BYTES = SYSTEM_AREA_SECTORS * SECTOR;
    private static final int PRIMARY_DESCRIPTOR_SECTOR = 16;
    /** Interchange level 1 (§10.1): 8 levels of directories, the root counting as level 1 (§6.8.2.1). */
    private static final int MAX_DIRECTORY_DEPTH = 8;

    private final String volumeId;
    private final Instant timestamp;
    private final Optional<ElToritoBoot> boot;
    /** Directories in path table order: the root first (§6.9.1). Directory number = index + 1. */
    private final List<Directory> directories;
    /** Files in the order their extents follow each other on disk. */
    private final List<FileNode> files;
    private final Map<String, FileNode> filesByPath;
    private final int pathTableSize;
    private final int pathTableSectors;
    private final long lPathTableSector;
    private final long mPathTableSector;
    private final long totalSectors;

    private IsoImage(String volumeId, Instant timestamp, List<IsoFile> inputFiles, Optional<ElToritoBoot> boot) {
        this.volumeId = volumeId;
        this.timestamp = timestamp;
        this.boot = boot;
        Directory root = new Directory("", null);
        filesByPath = new LinkedHashMap<>();
        for (IsoFile file : inputFiles) {
            add(root, file.path(), file.content());
        }
        boot.ifPresent(b -> {
            add(root, b.catalogPath(), new byte[SECTOR]);
            FileNode bootImage = filesByPath.get(b.bootImagePath());
            if (bootImage == null) {
                throw new IllegalArgumentException("El Torito boot image " + b.bootImagePath()
                        + " is not one of the image's files; add it as an IsoFile");
            }
            if (ElToritoCatalog.virtualSectors(bootImage.content.length) > 0xFFFF) {
                throw new IllegalArgumentException("El Torito boot image " + b.bootImagePath() + " has "
                        + bootImage.content.length + " bytes; the catalog's 16-bit sector count (El Torito 1.0 §2.2)"
                        + " allows at most " + 0xFFFF * 512 + " (and a BIOS loads it below 640 KiB)");
            }
            b.efiImagePath().ifPresent(efiPath -> {
                FileNode efiImage = filesByPath.get(efiPath);
                if (efiImage == null || efiImage.content.length == 0) {
                    throw new IllegalArgumentException("El Torito EFI image " + efiPath
                            + " is not one of the image's files (or is empty); add it as an IsoFile");
                }
            });
        });
        directories = pathTableOrder(root);
        for (int i = 0; i < directories.size(); i++) {
            directories.get(i).number = i + 1;
        }
        pathTableSize = directories.stream().mapToInt(d -> pathTableRecordLength(d.name)).sum();
        if (pathTableSize > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("path table too large");
        }
        pathTableSectors = sectorsFor(pathTableSize);

        long sector = PRIMARY_DESCRIPTOR_SECTOR + 1 + (boot.isPresent() ? 1 : 0) + 1;
        lPathTableSector = sector;
        sector += pathTableSectors;
        mPathTableSector = sector;
        sector += pathTableSectors;
        for (Directory directory : directories) {
            directory.sector = sector;
            directory.size = (long) directorySectors(directory) * SECTOR;
            sector += directory.size / SECTOR;
        }
        files = new ArrayList<>();
        for (Directory directory : directories) {
            for (Entry entry : directory.sortedEntries()) {
                if (entry instanceof FileNode file) {
                    files.add(file);
                    // A zero-length file has no extent; location 0 is what mkisofs and xorriso record too.
                    file.sector = file.content.length == 0 ? 0 : sector;
                    sector += sectorsFor(file.content.length);
                }
            }
        }
        if (sector > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("image of " + sector + " sectors exceeds ISO 9660's 32-bit volume space size");
        }
        totalSectors = sector;
    }

    /**
     * Plans an image.
     *
     * @param volumeId  up to 32 d-characters ({@code A-Z 0-9 _}, ECMA-119 §8.4.6, §7.4.1)
     * @param timestamp written into every date field (volume descriptor and directory records)
     * @throws IllegalArgumentException for names that are not ISO 9660 level 1 names, duplicate paths, a boot
     *                                  image that is not one of the files, or an image beyond ISO 9660's limits
     */
    public static IsoImage plan(String volumeId, Instant timestamp, List<IsoFile> files, Optional<ElToritoBoot> boot) {
        Objects.requireNonNull(volumeId, "volumeId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(boot, "boot");
        if (volumeId.isEmpty() || volumeId.length() > 32 || !isDCharacters(volumeId)) {
            throw new IllegalArgumentException("volume identifier '" + volumeId + "' must be 1 to 32 characters of"
                    + " A-Z, 0-9 and _ (ISO 9660 d-characters, ECMA-119 §7.4.1)");
        }
        int year = ZonedDateTime.ofInstant(timestamp, ZoneOffset.UTC).getYear();
        if (year < 1900 || year > 2155) {
            throw new IllegalArgumentException("timestamp " + timestamp + " is outside 1900..2155, the years a"
                    + " directory record can hold (ECMA-119 §9.1.5)");
        }
        return new IsoImage(volumeId, timestamp, files, boot);
    }

    /** The first logical sector (2048 bytes) of the file at {@code path}. */
    public long sectorOf(String path) {
        FileNode file = filesByPath.get(path);
        if (file == null) {
            throw new IllegalArgumentException("no file " + path + " in the image");
        }
        return file.sector;
    }

    /** Size of the image in bytes. */
    public long size() {
        return totalSectors * SECTOR;
    }

    /** Writes the whole image to {@code out}, sequentially, with a system area of zeros. */
    public void writeTo(OutputStream out) throws IOException {
        writeTo(out, new byte[0]);
    }

    /**
     * Writes the whole image to {@code out}, sequentially, starting with {@code systemArea} (at most
     * {@link #SYSTEM_AREA_BYTES}, padded with zeros), e.g. a master boot record that makes the image bootable as a
     * hard disk too.
     */
    public void writeTo(OutputStream out, byte[] systemArea) throws IOException {
        if (systemArea.length > SYSTEM_AREA_BYTES) {
            throw new IllegalArgumentException("system area content of " + systemArea.length + " bytes exceeds the "
                    + SYSTEM_AREA_BYTES + " bytes of ISO 9660 sectors 0-15 (ECMA-119 §6.2.1)");
        }
        out.write(systemArea);
        out.write(new byte[SYSTEM_AREA_BYTES - systemArea.length]);
        out.write(VolumeDescriptors.primary(this));
        if (boot.isPresent()) {
            out.write(VolumeDescriptors.elToritoBootRecord(catalog().sector));
        }
        out.write(VolumeDescriptors.terminator());
        out.write(pad(pathTable(false), pathTableSectors));
        out.write(pad(pathTable(true), pathTableSectors));
        for (Directory directory : directories) {
            out.write(directoryExtent(directory));
        }
        for (FileNode file : files) {
            byte[] content = boot.isPresent() && file == catalog()
                    ? ElToritoCatalog.bytes(filesByPath.get(boot.get().bootImagePath()).sector,
                            filesByPath.get(boot.get().bootImagePath()).content.length,
                            boot.get().efiImagePath().map(filesByPath::get)
                                    .map(efi -> new ElToritoCatalog.Extent(efi.sector, efi.content.length)))
                    : file.content;
            out.write(content);
            int tail = (int) (sectorsFor(content.length) * (long) SECTOR - content.length);
            out.write(new byte[tail]);
        }
    }

    // ---- accessors for the volume descriptors ----

    String volumeId() {
        return volumeId;
    }

    Instant timestamp() {
        return timestamp;
    }

    long totalSectors() {
        return totalSectors;
    }

    int pathTableSize() {
        return pathTableSize;
    }

    long lPathTableSector() {
        return lPathTableSector;
    }

    long mPathTableSector() {
        return mPathTableSector;
    }

    /** The root directory's record as it appears in the primary volume descriptor (§8.4.18). */
    byte[] rootDirectoryRecord() {
        Directory root = directories.get(0);
        return DirectoryRecord.bytes(new byte[] {0}, root.sector, root.size, true, timestamp);
    }

    private FileNode catalog() {
        return filesByPath.get(boot.orElseThrow().catalogPath());
    }

    // ---- tree ----

    private abstract static sealed class Entry permits Directory, FileNode {
        /** The identifier as recorded, without version: {@code BOOT}, {@code LOADER.BIN}. */
        final String name;
        long sector;

        Entry(String name) {
            this.name = name;
        }

        abstract byte[] identifier();

        abstract long dataLength();

        /** §9.3: by file name, then extension, each compared as if padded with spaces (0x20). */
        static final Comparator<Entry> ORDER = Comparator
                .comparing((Entry e) -> padded(namePart(e.name), 8))
                .thenComparing(e -> padded(extensionPart(e.name), 3));
    }

    private static final class Directory extends Entry {
        final Directory parent;
        final Map<String, Entry> entries = new TreeMap<>();
        int number;
        long size;

        Directory(String name, Directory parent) {
            super(name);
            this.parent = parent;
        }

        int depth() {
            return parent == null ? 1 : parent.depth() + 1;
        }

        List<Entry> sortedEntries() {
            List<Entry> sorted = new ArrayList<>(entries.values());
            sorted.sort(Entry.ORDER);
            return sorted;
        }

        @Override
        byte[] identifier() {
            return name.getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        long dataLength() {
            return size;
        }
    }

    private static final class FileNode extends Entry {
        final byte[] content;

        FileNode(String name, byte[] content) {
            super(name);
            this.content = content;
        }

        /** §7.5.1: the file identifier is name, '.', extension, ';', version. */
        @Override
        byte[] identifier() {
            return (name + (name.contains(".") ? "" : ".") + ";1").getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        long dataLength() {
            return content.length;
        }
    }

    private void add(Directory root, String path, byte[] content) {
        if (!path.startsWith("/") || path.endsWith("/")) {
            throw new IllegalArgumentException("ISO path '" + path + "' must be absolute and name a file, e.g. /BOOT/LOADER.BIN");
        }
        if (filesByPath.containsKey(path)) {
            throw new IllegalArgumentException("ISO path " + path + " is given twice");
        }
        String[] parts = path.substring(1).split("/", -1);
        Directory directory = root;
        for (int i = 0; i < parts.length - 1; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 8 || !isDCharacters(part)) {
                throw new IllegalArgumentException("directory '" + part + "' in " + path + " must be 1 to 8 characters"
                        + " of A-Z, 0-9 and _ (ISO 9660 level 1, ECMA-119 §7.6, §10.1)");
            }
            Entry existing = directory.entries.get(part);
            if (existing instanceof FileNode) {
                throw new IllegalArgumentException(path + ": " + part + " is a file, not a directory");
            }
            Directory child = existing == null ? new Directory(part, directory) : (Directory) existing;
            directory.entries.put(part, child);
            directory = child;
        }
        if (directory.depth() > MAX_DIRECTORY_DEPTH) {
            throw new IllegalArgumentException(path + " is nested deeper than the 8 directory levels ISO 9660 allows (§6.8.2.1)");
        }
        String name = parts[parts.length - 1];
        String base = namePart(name);
        String extension = extensionPart(name);
        if (base.isEmpty() || base.length() > 8 || extension.length() > 3 || name.indexOf('.') != name.lastIndexOf('.')
                || !isDCharacters(base) || !isDCharacters(extension)) {
            throw new IllegalArgumentException("file name '" + name + "' in " + path + " must be an 8.3 name of"
                    + " A-Z, 0-9 and _ (ISO 9660 level 1, ECMA-119 §7.5, §10.1), e.g. KERNEL.BIN");
        }
        if (directory.entries.containsKey(name)) {
            throw new IllegalArgumentException("ISO path " + path + " is both a file and a directory");
        }
        FileNode file = new FileNode(name, content);
        directory.entries.put(name, file);
        filesByPath.put(path, file);
    }

    /** §6.9.1: by level, then by the parent's directory number, then by identifier. */
    private static List<Directory> pathTableOrder(Directory root) {
        List<Directory> order = new ArrayList<>(List.of(root));
        for (int i = 0; i < order.size(); i++) {
            // Breadth-first over parents already in order gives level, then parent number; children sorted by name.
            for (Entry entry : order.get(i).sortedEntries()) {
                if (entry instanceof Directory child) {
                    order.add(child);
                }
            }
        }
        return order;
    }

    // ---- path tables (§9.4) ----

    private static int pathTableRecordLength(String name) {
        int identifierLength = name.isEmpty() ? 1 : name.length();
        return 8 + identifierLength + (identifierLength % 2);
    }

    private byte[] pathTable(boolean bigEndian) {
        Bytes table = new Bytes(pathTableSize);
        for (Directory directory : directories) {
            byte[] identifier = directory.parent == null ? new byte[] {0} : directory.identifier();
            int parentNumber = directory.parent == null ? 1 : directory.parent.number;
            table.u8(identifier.length);             // BP1 length of directory identifier
            table.u8(0);                             // BP2 extended attribute record length
            if (bigEndian) {                         // BP3-6 location of extent (§9.4.3: L table LSB, M table MSB)
                table.u32be(directory.sector);
                table.u16be(parentNumber);           // BP7-8 parent directory number
            } else {
                table.u32le(directory.sector);
                table.u16le(parentNumber);
            }
            table.bytes(identifier);                 // BP9.. directory identifier (root: one 0x00 byte)
            if (identifier.length % 2 == 1) {
                table.u8(0);                         // padding field (§9.4.6)
            }
        }
        return table.array();
    }

    // ---- directories (§6.8, §9.1) ----

    private static int recordLength(byte[] identifier) {
        return 33 + identifier.length + (identifier.length % 2 == 0 ? 1 : 0);
    }

    private static List<byte[]> recordIdentifiers(Directory directory) {
        List<byte[]> identifiers = new ArrayList<>(List.of(new byte[] {0}, new byte[] {1}));
        for (Entry entry : directory.sortedEntries()) {
            identifiers.add(entry.identifier());
        }
        return identifiers;
    }

    /** §6.8.1.1: a directory record never crosses a sector boundary; the rest of the sector stays zero. */
    private static int directorySectors(Directory directory) {
        int sectors = 1;
        int used = 0;
        for (byte[] identifier : recordIdentifiers(directory)) {
            int length = recordLength(identifier);
            if (used + length > SECTOR) {
                sectors++;
                used = 0;
            }
            used += length;
        }
        return sectors;
    }

    private byte[] directoryExtent(Directory directory) {
        byte[] extent = new byte[(int) directory.size];
        Directory parent = directory.parent == null ? directory : directory.parent;
        List<byte[]> records = new ArrayList<>();
        // §6.8.2.2: the first two records describe the directory itself (0x00) and its parent (0x01).
        records.add(DirectoryRecord.bytes(new byte[] {0}, directory.sector, directory.size, true, timestamp));
        records.add(DirectoryRecord.bytes(new byte[] {1}, parent.sector, parent.size, true, timestamp));
        for (Entry entry : directory.sortedEntries()) {
            records.add(DirectoryRecord.bytes(entry.identifier(), entry.sector, entry.dataLength(),
                    entry instanceof Directory, timestamp));
        }
        int position = 0;
        for (byte[] record : records) {
            if (position % SECTOR + record.length > SECTOR) {
                position += SECTOR - position % SECTOR;
            }
            System.arraycopy(record, 0, extent, position, record.length);
            position += record.length;
        }
        return extent;
    }

    // ---- helpers ----

    static int sectorsFor(long bytes) {
        return (int) ((bytes + SECTOR - 1) / SECTOR);
    }

    private static byte[] pad(byte[] data, int sectors) {
        byte[] padded = new byte[sectors * SECTOR];
        System.arraycopy(data, 0, padded, 0, data.length);
        return padded;
    }

    private static String namePart(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static String extensionPart(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    private static String padded(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** d-characters (§7.4.1): A-Z, 0-9 and _. */
    static boolean isDCharacters(String s) {
        return s.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_');
    }
}
