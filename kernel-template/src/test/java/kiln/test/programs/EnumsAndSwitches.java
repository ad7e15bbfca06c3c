package kiln.test.programs;

public class EnumsAndSwitches {
    enum Color {
        RED, GREEN, BLUE;

        Color next() {
            return values()[(ordinal() + 1) % values().length];
        }
    }

    static String describe(Color c) {
        switch (c) {
            case RED:
                return "warm";
            case BLUE:
                return "cold";
            default:
                return "neutral";
        }
    }

    static int dense(int x) {
        switch (x) {
            case 0: return 10;
            case 1: return 11;
            case 2: return 12;
            case 3: return 13;
            case 5: return 15;
            default: return -1;
        }
    }

    static int sparse(int x) {
        switch (x) {
            case -1000: return 1;
            case 7: return 2;
            case 1 << 20: return 3;
            default: return 0;
        }
    }

    public static void main(String[] args) {
        for (Color c : Color.values()) {
            System.out.println(c + " " + c.ordinal() + " " + c.name() + " " + describe(c) + " next " + c.next());
        }
        System.out.println(Color.RED.compareTo(Color.BLUE) + " " + (Color.GREEN == Color.GREEN.next().next().next()));
        StringBuilder sb = new StringBuilder();
        for (int i = -1; i < 7; i++) {
            sb.append(dense(i)).append(',');
        }
        System.out.println(sb);
        System.out.println(sparse(-1000) + sparse(7) + sparse(1 << 20) + sparse(8));
        // Reached only through their Class objects: the runtime's call of values() initializes each first.
        System.out.println("valueOf " + Enum.valueOf(Lazy.class, "SECOND") + " ordinal " + Lazy.valueOf("FIRST").ordinal());
        System.out.println("allOf " + java.util.EnumSet.allOf(LazyToo.class));
    }

    enum Lazy {
        FIRST, SECOND;

        static {
            System.out.println("Lazy initialized");
        }
    }

    enum LazyToo {
        ONE, TWO, THREE;

        static {
            System.out.println("LazyToo initialized");
        }
    }
}
