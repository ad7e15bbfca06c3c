package kiln.test.programs;

public class Hello {
    static int fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }

    public static void main(String[] args) {
        System.out.println("Hello from Kiln");
        System.out.println(fib(20));
        System.out.println(1234567890123L);
        StringBuilder sb = new StringBuilder();
        sb.append("fib(").append(15).append(") = ").append(fib(15));
        System.out.println(sb.toString());
        System.out.println("args: " + args.length);
    }
}
