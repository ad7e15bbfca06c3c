package kiln.runtime;

import java.io.InputStream;

/**
 * Reads the compiler's resource table (docs/abi.md "Tables"): the class path files packed into the image, found
 * by their path inside the class path entry, as {@code ClassLoader.getResourceAsStream} finds them on HotSpot.
 *
 * <pre>
 * kiln_resource_table: kiln_resource_count entries of 3 words, sorted by path (String.compareTo)
 *   +0 path (String "config/app.properties", no leading '/')  +8 bytes (address, read-only data)  +16 length
 * </pre>
 */
public final class ResourceTable {
    private static final long ENTRY_BYTES = 24;

    private ResourceTable() {}

    /** A stream over the packed file at {@code path} ('/'-separated, no leading '/'), or null if none was packed. */
    public static InputStream open(String path) {
        long entry = find(path);
        return entry == 0 ? null : new Stream(Intrinsics.readLong(entry + 8), Intrinsics.readLong(entry + 16));
    }

    /** Whether a file was packed at {@code path}. */
    public static boolean contains(String path) {
        return find(path) != 0;
    }

    /** The length in bytes of the file packed at {@code path}, which must exist ({@link #contains}). */
    public static long length(String path) {
        return Intrinsics.readLong(find(path) + 16);
    }

    /** A stream over {@code length} bytes of the image's read-only data at {@code start}, read in place. */
    static InputStream inPlace(long start, long length) {
        return new Stream(start, length);
    }

    private static long find(String path) {
        long table = Intrinsics.symbol("kiln_resource_table");
        long low = 0;
        long high = Intrinsics.readLong(Intrinsics.symbol("kiln_resource_count")) - 1;
        while (low <= high) {
            long middle = (low + high) >>> 1;
            long entry = table + middle * ENTRY_BYTES;
            int order = ((String) Intrinsics.objectAt(Intrinsics.readLong(entry))).compareTo(path);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return entry;
            }
        }
        return 0;
    }

    /** The bytes of one packed file, read in place: the image's read-only data is never copied. */
    private static final class Stream extends InputStream {
        private final long start;
        private final long end;
        private long position;
        private long mark;

        Stream(long start, long length) {
            this.start = start;
            this.end = start + length;
            this.position = start;
            this.mark = start;
        }

        @Override
        public int read() {
            return position < end ? Intrinsics.readByte(position++) & 0xff : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            java.util.Objects.checkFromIndexSize(offset, length, into.length);
            if (length == 0) {
                return 0;
            }
            if (position >= end) {
                return -1;
            }
            int count = (int) Math.min(length, end - position);
            for (int i = 0; i < count; i++) {
                into[offset + i] = Intrinsics.readByte(position + i);
            }
            position += count;
            return count;
        }

        @Override
        public long skip(long n) {
            long skipped = Math.max(0, Math.min(n, end - position));
            position += skipped;
            return skipped;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, end - position);
        }

        @Override
        public boolean markSupported() {
            return true;
        }

        @Override
        public void mark(int readLimit) {
            mark = position;
        }

        @Override
        public void reset() {
            position = mark;
        }
    }
}
