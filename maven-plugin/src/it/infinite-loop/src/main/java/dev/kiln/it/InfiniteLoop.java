package dev.kiln.it;

public class InfiniteLoop {
    static long iterations;

    public static void main(String[] args) {
        System.out.println("looping forever");
        while (true) {
            iterations++;
        }
    }
}
