package dev.kiln.image.disk;

import dev.kiln.boot.loader.VolumeBootCode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A FAT12 or FAT16 file system image (Microsoft "FAT: General Overview of On-Disk Format", version 1.03, cited
 * as FAT §n), written for the EFI system partition: UEFI 2.10 §13.3.1.1 requires firmware to read FAT12, FAT16
 * and FAT32, and a Kiln ESP holds a handful of files, so FAT32's extra structures (FSInfo, backup boot sector,
 * root directory in clusters) would buy nothing.
 * <p>
 * Layout, in 512-byte sectors:
 * <pre>
 *   0              boot sector with the BIOS parameter block (FAT §3.1-3.2)
 *   1..r-1         more reserved sectors: just enough that the data region starts on a 2048-byte boundary
 *   r..            FAT 1, FAT 2 (identical copies, FAT §4)
 *   ..             root directory: 512 entries of 32 bytes (FAT §6)
 *   ..             data region: clusters 2, 3, ... of 2048 bytes (or a larger power of two for big files)
 * </pre>
 * Every file and directory is one contiguous run of clusters, in the order given. Clusters are a multiple of
 * 2048 bytes and start on 2048-byte boundaries, so a file placed in an image that itself starts on such a
 * boundary can be read by LBA in CD sectors: the BIOS loader reads the kernel inside {@code BOOTX64.EFI} that
 * way. The FAT type follows from the cluster count alone (FAT §3.5: fewer than 4085 clusters is FAT12, fewer
 * than 65525 FAT16), as every FAT driver decides it.
 * <p>
 * Rejected: FAT32 (see above); long file names (VFAT): every name Kiln writes is an 8.3 name, which UEFI's
 * removable-media path {@code EFI/BOOT/BOOTX64.EFI} is too; a random volume serial number: it comes from the
 * caller, so rebuilds are byte-identical.
 */
public final class FatImage {
    static final int SECTOR = 512;
    static final int MIN_CLUSTER = 2048;
    static final int MAX_CLUSTER = 32768;
    static final int ROOT_ENTRIES = 512;
    static final int ENTRY = 32;
    static final int FATS = 2;
    static final int FAT12_LIMIT = 4085;
    static final int FAT16_LIMIT = 65525;
    static final int MEDIA_FIXED = 0xF8;
    static final int ATTR_VOLUME_ID = 0x08;
    static final int ATTR_DIRECTORY = 0x10;
    static final int ATTR_ARCHIVE = 0x20;
    /** The end of the FAT12/16 boot sector's fields (BS_FilSysType ends at 62, FAT §3.2): the boot code starts here. */
    static final int BOOT_SECTOR_FIELDS_END = 0x3E;

    /** A file to store; directories on its path are created as needed. */
    public record File(String path, byte[] content) {
        public File {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(content, "content");
        }
    }

    private final Directory root = new Directory(null, "");
    private final List<Node> allocationOrder = new ArrayList<>();
    private final Map<String, FileNode> filesByPath = new LinkedHashMap<>();
    private final String label;
    private final int volumeId;
    private final int dosDate;
    private final int dosTime;
    private final long hiddenSectors;
    private int clusterBytes;
    private int clusters;
    private boolean fat12;
    private int reservedSectors;
    private int fatSectors;
    private long dataStart;

    private FatImage(String label, int volumeId, Instant timestamp, long hiddenSectors) {
        this.label = label;
        this.volumeId = volumeId;
        this.hiddenSectors = hiddenSectors;
        ZonedDateTime time = ZonedDateTime.ofInstant(timestamp, ZoneOffset.UTC);
        // FAT §6.1: dates count from 1980 (7 bits of years, to 2107), times in 2-second units. A timestamp before
        // 1980 (0 in some reproducible builds) becomes 1980-01-01 00:00, the earliest a directory entry holds.
        if (time.getYear() < 1980) {
            time = ZonedDateTime.of(1980, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        }
        if (time.getYear() > 2107) {
            throw new IllegalArgumentException("timestamp " + timestamp + " is after 2107, the last year a FAT"
                    + " directory entry can hold");
        }
        dosDate = (time.getYear() - 1980) << 9 | time.getMonthValue() << 5 | time.getDayOfMonth();
        dosTime = time.getHour() << 11 | time.getMinute() << 5 | time.getSecond() / 2;
    }

    /**
     * Plans the image.
     *
     * @param files         the files, with paths such as {@code EFI/BOOT/BOOTX64.EFI}: 8.3 names of
     *                      {@code A-Z 0-9 _ -}, separated by {@code /}
     * @param label         the volume label, up to 11 of the same characters and spaces
     * @param volumeId      the volume serial number
     * @param timestamp     every date recorded
     * @param hiddenSectors the sectors before this file system on its disk (BPB_HiddSec), 0 outside a partition
     * @throws IllegalArgumentException for names that are not 8.3 names, duplicate paths, or more than FAT16 holds
     */
    public static FatImage plan(List<File> files, String label, int volumeId, Instant timestamp, long hiddenSectors) {
        if (label.length() > 11 || !label.matches("[A-Z0-9_ -]*")) {
            throw new IllegalArgumentException("volume label '" + label + "' must be up to 11 of A-Z 0-9 _ - and space");
        }
        FatImage image = new FatImage(label, volumeId, timestamp, hiddenSectors);
        for (File file : files) {
            image.add(file);
        }
        if (image.root.children.size() + 1 > ROOT_ENTRIES) {
            throw new IllegalArgumentException("the root directory of the FAT image holds at most " + (ROOT_ENTRIES - 1)
                    + " entries besides the volume label");
        }
        image.layOut();
        return image;
    }

    private void add(File file) {
        String[] parts = file.path().split("/", -1);
        Directory directory = root;
        for (int i = 0; i < parts.length - 1; i++) {
            directory = directory.subdirectory(shortName(parts[i], file.path()), allocationOrder);
        }
        String name = shortName(parts[parts.length - 1], file.path());
        if (directory.children.containsKey(name)) {
            throw new IllegalArgumentException("duplicate path " + file.path() + " in the FAT image");
        }
        FileNode node = new FileNode(name, file.content());
        directory.children.put(name, node);
        filesByPath.put(file.path(), node);
    }

    /** FAT §6.1: an 8.3 name, stored as 11 bytes, name and extension padded with spaces. */
    private static String shortName(String name, String path) {
        if (!name.matches("[A-Z0-9_-]{1,8}(\\.[A-Z0-9_-]{1,3})?")) {
            throw new IllegalArgumentException("'" + name + "' in " + path + " is not an 8.3 name of A-Z 0-9 _ -");
        }
        int dot = name.indexOf('.');
        String base = dot < 0 ? name : name.substring(0, dot);
        String extension = dot < 0 ? "" : name.substring(dot + 1);
        return String.format("%-8s%-3s", base, extension);
    }

    /** Picks the cluster size and FAT type, and places every directory and file. */
    private void layOut() {
        allocationOrder.addAll(filesByPath.values());
        for (clusterBytes = MIN_CLUSTER; ; clusterBytes *= 2) {
            clusters = 0;
            for (Node node : allocationOrder) {
                clusters += clustersFor(node.bytes());
            }
            if (clusters < FAT16_LIMIT) {
                break;
            }
            if (clusterBytes == MAX_CLUSTER) {
                throw new IllegalArgumentException("the files need " + clusters + " clusters of " + MAX_CLUSTER
                        + " bytes; FAT16 holds fewer than " + FAT16_LIMIT + " (2 GiB)");
            }
        }
        fat12 = clusters < FAT12_LIMIT;
        long fatBytes = fat12 ? ((clusters + 2L) * 3 + 1) / 2 : (clusters + 2L) * 2;
        fatSectors = (int) ((fatBytes + SECTOR - 1) / SECTOR);
        int rootSectors = ROOT_ENTRIES * ENTRY / SECTOR;
        int sectorsPerBoundary = MIN_CLUSTER / SECTOR;
        int metadata = 1 + FATS * fatSectors + rootSectors;
        reservedSectors = 1 + (sectorsPerBoundary - metadata % sectorsPerBoundary) % sectorsPerBoundary;
        dataStart = (long) reservedSectors + FATS * fatSectors + rootSectors;
        int cluster = 2;                             // FAT §4: clusters 0 and 1 are not data
        for (Node node : allocationOrder) {
            int count = clustersFor(node.bytes());
            node.firstCluster = count == 0 ? 0 : cluster;
            cluster += count;
        }
    }

    private int clustersFor(long bytes) {
        return (int) ((bytes + clusterBytes - 1) / clusterBytes);
    }

    /** Size of the image in bytes. */
    public long size() {
        return (dataStart + (long) clusters * (clusterBytes / SECTOR)) * SECTOR;
    }

    /** Where the first byte of the file at {@code path} is in the image: a multiple of 2048. */
    public long offsetOf(String path) {
        FileNode file = filesByPath.get(path);
        if (file == null) {
            throw new IllegalArgumentException("no file " + path + " in the FAT image");
        }
        return dataStart * SECTOR + (long) (file.firstCluster - 2) * clusterBytes;
    }

    /** Whether the cluster count made this FAT12 (else FAT16). */
    public boolean isFat12() {
        return fat12;
    }

    /** The whole image. */
    public byte[] bytes() {
        long size = size();
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a FAT image of " + size + " bytes does not fit in memory as one array");
        }
        ByteBuffer image = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        bootSector(image);
        byte[] fat = fat();
        for (int copy = 0; copy < FATS; copy++) {
            image.put((reservedSectors + copy * fatSectors) * SECTOR, fat);
        }
        image.put((reservedSectors + FATS * fatSectors) * SECTOR, directory(root));
        for (Node node : allocationOrder) {
            if (node.firstCluster != 0) {
                image.put((int) (dataStart * SECTOR + (long) (node.firstCluster - 2) * clusterBytes),
                        node instanceof Directory directory ? directory(directory) : ((FileNode) node).content);
            }
        }
        return image.array();
    }

    /**
     * FAT §3.1-3.3: the boot sector and the BIOS parameter block with the FAT12/16 extension. The jump at its
     * start (which FAT §3.1 requires to be there) leads to {@code int 18h}: this volume is not bootable by a
     * BIOS, and INT 18h asks the BIOS to try its next boot device.
     */
    private void bootSector(ByteBuffer image) {
        image.put(0, VolumeBootCode.jumpToNextBootDevice(BOOT_SECTOR_FIELDS_END));
        image.put(3, "KILN    ".getBytes(StandardCharsets.US_ASCII)); // BS_OEMName
        image.putShort(11, (short) SECTOR);                          // BPB_BytsPerSec
        image.put(13, (byte) (clusterBytes / SECTOR));               // BPB_SecPerClus
        image.putShort(14, (short) reservedSectors);                 // BPB_RsvdSecCnt
        image.put(16, (byte) FATS);                                  // BPB_NumFATs
        image.putShort(17, (short) ROOT_ENTRIES);                    // BPB_RootEntCnt
        long totalSectors = size() / SECTOR;
        image.putShort(19, (short) (totalSectors < 0x10000 ? totalSectors : 0)); // BPB_TotSec16
        image.put(21, (byte) MEDIA_FIXED);                           // BPB_Media: fixed disk
        image.putShort(22, (short) fatSectors);                      // BPB_FATSz16
        image.putShort(24, (short) 32);                              // BPB_SecPerTrk, BPB_NumHeads: the same
        image.putShort(26, (short) 64);                              //   geometry as the MBR's CHS fields
        image.putInt(28, (int) hiddenSectors);                       // BPB_HiddSec
        image.putInt(32, (int) (totalSectors < 0x10000 ? 0 : totalSectors)); // BPB_TotSec32
        image.put(36, (byte) 0x80);                                  // BS_DrvNum: a hard disk
        image.put(38, (byte) 0x29);                                  // BS_BootSig: the next three fields exist
        image.putInt(39, volumeId);                                  // BS_VolID
        image.put(43, String.format("%-11s", label.isEmpty() ? "NO NAME" : label).getBytes(StandardCharsets.US_ASCII));
        image.put(54, (fat12 ? "FAT12   " : "FAT16   ").getBytes(StandardCharsets.US_ASCII)); // BS_FilSysType
        image.put(SECTOR - 2, (byte) 0x55);                          // signature word (FAT §3.2, offset 510)
        image.put(SECTOR - 1, (byte) 0xAA);
    }

    /**
     * FAT §4: entries 0 and 1 hold the media byte and an end-of-chain mark; then each cluster of a file points to
     * the next, the last one is end-of-chain. FAT12 packs two 12-bit entries into three bytes (FAT §4.2).
     */
    private byte[] fat() {
        int[] entries = new int[clusters + 2];
        int endOfChain = fat12 ? 0xFFF : 0xFFFF;
        entries[0] = (fat12 ? 0xF00 : 0xFF00) | MEDIA_FIXED;
        entries[1] = endOfChain;
        for (Node node : allocationOrder) {
            int count = clustersFor(node.bytes());
            for (int i = 0; i < count; i++) {
                entries[node.firstCluster + i] = i == count - 1 ? endOfChain : node.firstCluster + i + 1;
            }
        }
        byte[] fat = new byte[fatSectors * SECTOR];
        for (int n = 0; n < entries.length; n++) {
            if (fat12) {
                int offset = n + n / 2;              // 1.5 bytes per entry
                if (n % 2 == 0) {
                    fat[offset] = (byte) entries[n];
                    fat[offset + 1] = (byte) (fat[offset + 1] & 0xF0 | entries[n] >> 8 & 0x0F);
                } else {
                    fat[offset] = (byte) (fat[offset] & 0x0F | entries[n] << 4 & 0xF0);
                    fat[offset + 1] = (byte) (entries[n] >> 4);
                }
            } else {
                fat[2 * n] = (byte) entries[n];
                fat[2 * n + 1] = (byte) (entries[n] >> 8);
            }
        }
        return fat;
    }

    /**
     * A directory's entries (FAT §6): the root starts with the volume label; a subdirectory with "." (itself)
     * and ".." (its parent, cluster 0 for the root, FAT §6.4). Unused entries are zero, which ends the list.
     */
    private byte[] directory(Directory directory) {
        ByteBuffer bytes = ByteBuffer.allocate(directory == root ? ROOT_ENTRIES * ENTRY
                : clustersFor(directory.bytes()) * clusterBytes).order(ByteOrder.LITTLE_ENDIAN);
        if (directory == root) {
            if (!label.isEmpty()) {
                entry(bytes, String.format("%-11s", label), ATTR_VOLUME_ID, 0, 0);
            }
        } else {
            entry(bytes, ".          ", ATTR_DIRECTORY, directory.firstCluster, 0);
            entry(bytes, "..         ", ATTR_DIRECTORY, directory.parent == root ? 0 : directory.parent.firstCluster, 0);
        }
        for (Node child : directory.children.values()) {
            if (child instanceof Directory subdirectory) {
                entry(bytes, subdirectory.name, ATTR_DIRECTORY, subdirectory.firstCluster, 0);
            } else {
                FileNode file = (FileNode) child;
                entry(bytes, file.name, ATTR_ARCHIVE, file.firstCluster, file.content.length);
            }
        }
        return bytes.array();
    }

    /** FAT §6.1: one 32-byte directory entry. */
    private void entry(ByteBuffer bytes, String name, int attributes, int firstCluster, long size) {
        int start = bytes.position();
        bytes.put(name.getBytes(StandardCharsets.US_ASCII));        // DIR_Name, 11 bytes
        bytes.put((byte) attributes);                                // DIR_Attr
        bytes.put((byte) 0);                                         // DIR_NTRes
        bytes.put((byte) 0);                                         // DIR_CrtTimeTenth
        bytes.putShort((short) dosTime);                             // DIR_CrtTime
        bytes.putShort((short) dosDate);                             // DIR_CrtDate
        bytes.putShort((short) dosDate);                             // DIR_LstAccDate
        bytes.putShort((short) 0);                                   // DIR_FstClusHI: always 0 on FAT12/16
        bytes.putShort((short) dosTime);                             // DIR_WrtTime
        bytes.putShort((short) dosDate);                             // DIR_WrtDate
        bytes.putShort((short) firstCluster);                        // DIR_FstClusLO
        bytes.putInt((int) size);                                    // DIR_FileSize
        bytes.position(start + ENTRY);
    }

    private abstract static sealed class Node permits Directory, FileNode {
        final String name;
        int firstCluster;

        Node(String name) {
            this.name = name;
        }

        abstract long bytes();
    }

    private static final class Directory extends Node {
        final Directory parent;
        final Map<String, Node> children = new LinkedHashMap<>();

        Directory(Directory parent, String name) {
            super(name);
            this.parent = parent;
        }

        Directory subdirectory(String name, List<Node> allocationOrder) {
            Node existing = children.get(name);
            if (existing instanceof Directory directory) {
                return directory;
            }
            if (existing != null) {
                throw new IllegalArgumentException(name.strip() + " is both a file and a directory in the FAT image");
            }
            Directory directory = new Directory(this, name);
            children.put(name, directory);
            allocationOrder.add(directory);
            return directory;
        }

        /** ".", ".." and one entry per child. */
        @Override
        long bytes() {
            return (2L + children.size()) * ENTRY;
        }
    }

    private static final class FileNode extends Node {
        final byte[] content;

        FileNode(String name, byte[] content) {
            super(name);
            this.content = content;
        }

        @Override
        long bytes() {
            return content.length;
        }
    }
}
