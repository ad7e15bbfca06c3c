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
        try {
            new String(points, 5, 3);
        } catch (IndexOutOfBoundsException e) {
            System.out.println("IndexOutOfBoundsException");
        }
    }
}
