package kiln.test.programs;

/**
 * A million-node linked list and a hundred-thousand-element array of objects stay alive while garbage forces
 * collections; then the list is dropped and a second one of the same size is built, which fits in the guest
 * heap (64 MiB under QEMU -kernel) only if the first one's memory was reclaimed. Deep and wide graphs are what
 * a recursive or fixed-size mark stack cannot handle.
 */
public class DeepObjectGraph {
    static final class Node {
        final Node next;
        final int value;

        Node(Node next, int value) {
            this.next = next;
            this.value = value;
        }
    }

    static final int LENGTH = 1_000_000;
    static final int WIDTH = 100_000;

    public static void main(String[] args) {
        Node list = build(1);
        int[][] wide = new int[WIDTH][];
        for (int i = 0; i < WIDTH; i++) {
            wide[i] = new int[] {i * 3};
        }
        long garbage = 0;
        for (int i = 0; i < 100; i++) {
            long[] chunk = new long[64 * 1024];
            chunk[i] = i;
            garbage += chunk.length + chunk[i];
        }
        System.out.println("garbage words " + garbage);
        System.out.println("first list " + sum(list));
        long wideSum = 0;
        for (int[] cell : wide) {
            wideSum += cell[0];
        }
        System.out.println("wide " + wideSum);
        list = null;
        list = build(7);
        System.out.println("second list " + sum(list));
    }

    static Node build(int factor) {
        Node head = null;
        for (int i = 0; i < LENGTH; i++) {
            head = new Node(head, i * factor);
        }
        return head;
    }

    static long sum(Node head) {
        long total = 0;
        long count = 0;
        for (Node n = head; n != null; n = n.next) {
            total += n.value;
            count++;
        }
        return count * 1_000_000_000_000L + total;
    }
}
