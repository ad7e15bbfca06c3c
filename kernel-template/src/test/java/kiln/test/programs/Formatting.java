package kiln.test.programs;

/** String.format and printf with the common conversions, flags, widths and precisions. */
public class Formatting {
    public static void main(String[] args) {
        System.out.println(String.format("%d|%5d|%-5d|%05d|%08d|%+d|%,d|%(d|% d", 42, 42, 42, 42, -42, 42, 1234567, -5, 7));
        System.out.println(String.format("%s|%10s|%-10s|%.3s|%S|%s|%b|%b|%c|%c", "hi", "right", "left", "truncate", "up",
                null, null, "x", 'z', 65));
        System.out.println(String.format("%x|%X|%08x|%x|%x|%o|%#x|%x", 255, 255, 48879, -1, -1L, 8, 255, (byte) -1));
        System.out.println(String.format("%.2f|%f|%10.3f|%-10.1f|%010.2f|%.0f|%.0f|%,.2f|%+.1f", 3.14159, 2.5, -1.5, 0.25,
                -3.5, 2.5, 3.5, 1234567.891, 0.0));
        System.out.println(String.format("%.2f|%.2f|%.2f|%.1f|%.3f|%.2f|%f|%.2f|%.2f", 0.125, 1.005, 0.1f, 0.05, 1e-10,
                1e20, Double.NaN, -0.0, 999.999));
        System.out.println(String.format("%2$s %1$s %2$s|%%|%n", "a", "b").trim());
        System.out.printf("%-6s%6d%n", "total", 99);
        System.out.printf("%s=%.1f%%%n", "ratio", 12.34);
        System.out.println("%d items".formatted(3));
        try {
            String.format("%d", "text");
        } catch (java.util.IllegalFormatConversionException e) {
            System.out.println(e.getMessage());
        }
        try {
            String.format("%s %s", "one");
        } catch (java.util.MissingFormatArgumentException e) {
            System.out.println(e.getMessage());
        }
    }
}
