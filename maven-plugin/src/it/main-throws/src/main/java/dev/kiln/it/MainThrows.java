package dev.kiln.it;

public class MainThrows {
    public static void main(String[] args) {
        System.out.println("about to throw");
        prepare();
    }

    static void prepare() {
        explode();
    }

    static void explode() {
        throw new IllegalStateException("boom");
    }
}
