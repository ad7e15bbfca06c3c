package dev.kiln.it;

public class HelloOk {
    public static void main(String[] args) {
        System.out.println("Hello from a Kiln integration test");
        System.out.println(new StringBuilder().append("6 * 7 = ").append(multiply(6, 7)).toString());
    }

    static int multiply(int a, int b) {
        return a * b;
    }
}
