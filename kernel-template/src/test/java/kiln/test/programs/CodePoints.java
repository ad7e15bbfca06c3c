package kiln.test.programs;

/** The code-point methods that commons-lang3's StringUtils reaches. */
public class CodePoints {
    public static void main(String[] args) {
        int[] points = {'h', 'é', 0x1F600, 'ÿ', 'µ', '1', 'ß'};
        String s = new String(points, 0, points.length);
        System.out.println(s.length() + " " + s.codePointAt(2) + " " + new String(points, 1, 2).length() + " "
                + new String(points, 3, 0).isEmpty());
        for (int p : points) {
            System.out.print(Character.toTitleCase(p) + " ");
        }
        System.out.println();
        try {
            new String(new int[] {'a', -5}, 0, 2);
        } catch (IllegalArgumentException e) {
            System.out.println("IllegalArgumentException " + e.getMessage());
        }
        System.out.println("before " + s.codePointBefore(4) + " " + s.codePointBefore(3) + " " + s.codePointBefore(1)
                + " count " + s.codePointCount(0, s.length()) + " " + s.codePointCount(3, 4)
                + " offset " + s.offsetByCodePoints(0, 4) + " " + s.offsetByCodePoints(s.length(), -5));
        for (int bad : new int[] {0, s.length() + 1}) {
            try {
                s.codePointBefore(bad);
            } catch (StringIndexOutOfBoundsException e) {
                System.out.println("StringIndexOutOfBoundsException " + e.getMessage());
            }
        }
        try {
            s.codePointCount(3, 2);
        } catch (IndexOutOfBoundsException e) {
            System.out.println(e.getClass().getName() + " " + e.getMessage());
        }
        try {
            s.offsetByCodePoints(0, 99);
        } catch (IndexOutOfBoundsException e) {
            System.out.println(e.getClass().getName());
        }
        try {
            new String(points, 5, 3);
        } catch (IndexOutOfBoundsException e) {
            System.out.println("IndexOutOfBoundsException");
        }
    }
}
