package kiln.test.programs;

public class Strings {
    static String kind(String s) {
        switch (s) {
            case "apple":
                return "fruit";
            case "carrot":
                return "vegetable";
            default:
                return "unknown";
        }
    }

    public static void main(String[] args) {
        String s = "Hello, Kiln";
        System.out.println(s.length() + " " + s.charAt(7) + " " + s.indexOf("Kiln") + " " + s.indexOf('z'));
        System.out.println(s.substring(7) + "|" + s.substring(0, 5) + "|" + s.toUpperCase() + "|" + s.toLowerCase());
        System.out.println(s.equals("Hello, Kiln") + " " + s.equals("hello") + " " + "abc".compareTo("abd"));
        System.out.println("abc".hashCode() + " " + "".hashCode() + " " + s.hashCode());
        System.out.println(s.startsWith("Hell") + " " + s.endsWith("ln") + " " + s.contains(", "));
        System.out.println("  padded  ".trim() + "|" + "a-b-c".replace('-', '+') + "|" + String.valueOf(42));
        System.out.println(kind("apple") + " " + kind("carrot") + " " + kind("stone"));
        int n = 7;
        long big = 1L << 35;
        char c = 'q';
        boolean b = false;
        String concat = "n=" + n + ", big=" + big + ", c=" + c + ", b=" + b + ", s=" + s + ", null=" + null;
        System.out.println(concat);
        StringBuilder sb = new StringBuilder("start");
        sb.insert(0, '[').append(']').reverse();
        System.out.println(sb + " " + sb.length());
        sb.setLength(3);
        sb.setCharAt(0, 'X');
        System.out.println(sb.toString());
        char[] chars = s.toCharArray();
        int upper = 0;
        for (char ch : chars) {
            if (Character.isUpperCase(ch)) {
                upper++;
            }
        }
        System.out.println("upper " + upper + " " + Character.isDigit('5') + Character.isLetter('5'));
        String joined = String.join("/", "a", "b", "c");
        System.out.println(joined + " " + "ab".repeat(3) + " " + "x".isEmpty() + "".isEmpty());
        String[] parts = "one,two,three".split(",");
        System.out.println(parts.length + parts[1]);
        System.out.println("é ü ∑ 😀");
        System.out.println(Integer.valueOf(127) == Integer.valueOf(127));
        System.out.println(Integer.toString(-2147483648) + " " + Long.toString(Long.MIN_VALUE));
        System.out.println(Integer.toString(255, 16) + " " + Integer.parseInt("-ff", 16));
        try {
            Integer.parseInt("12x");
        } catch (NumberFormatException e) {
            System.out.println(e.getMessage());
        }
    }
}
