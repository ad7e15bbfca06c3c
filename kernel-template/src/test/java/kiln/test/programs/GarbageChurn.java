package kiln.test.programs;

import java.util.HashMap;
import java.util.Map;

/**
 * Allocates many times the guest heap (64 MiB under QEMU -kernel) in short-lived strings, arrays and objects,
 * while long-lived structures grow across the collections that this forces; their contents are checked at the
 * end. On HotSpot the same program exercises HotSpot's collector, so only the checksums are compared.
 */
public class GarbageChurn {
    static final class Cell {
        final long value;
        final Cell next;

        Cell(long value, Cell next) {
            this.value = value;
            this.next = next;
        }
    }

    static final class Pair {
        Object left;
        Object right;
        int weight;
    }

    static final int ROUNDS = 10_000;

    public static void main(String[] args) {
        Cell survivors = null;
        Map<Integer, String> names = new HashMap<>();
        Object[] recent = new Object[64]; // a sliding window: garbage that lives for a while, then dies
        long checksum = 0;
        long allocated = 0;
        for (int round = 0; round < ROUNDS; round++) {
            // Garbage: a string built up and dropped
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                text.append("round ").append(round).append(' ').append(i).append(';');
            }
            String s = text.toString();
            checksum += s.length() + s.charAt(s.length() / 2);
            allocated += 2L * s.length() * 3;
            // Garbage: arrays of several sizes
            int[] numbers = new int[16 + round % 2000];
            for (int i = 0; i < numbers.length; i += 64) {
                numbers[i] = round + i;
            }
            checksum += numbers[(round * 7) % numbers.length];
            allocated += 4L * numbers.length;
            long[] big = new long[(round % 4 == 0) ? 32 * 1024 : 8];
            big[big.length - 1] = round;
            checksum += big[big.length - 1];
            allocated += 8L * big.length;
            // Medium-lived garbage: a window of object pairs
            Pair pair = new Pair();
            pair.left = s;
            pair.right = numbers;
            pair.weight = round;
            recent[round % recent.length] = pair;
            // Long-lived data, built while the garbage churns
            if (round % 2 == 0) {
                survivors = new Cell(round * 31L, survivors);
            }
            names.put(round, "name-" + round);
        }
        for (Object o : recent) {
            Pair pair = (Pair) o;
            checksum += pair.weight + ((String) pair.left).length() + ((int[]) pair.right).length;
        }
        long cells = 0;
        long cellSum = 0;
        long expected = ROUNDS - 2;
        for (Cell c = survivors; c != null; c = c.next) {
            if (c.value != expected * 31L) {
                System.out.println("cell " + cells + " holds " + c.value + ", expected " + expected * 31L);
                return;
            }
            cells++;
            cellSum += c.value;
            expected -= 2;
        }
        int namesOk = 0;
        for (int key = 0; key < ROUNDS; key++) {
            if (("name-" + key).equals(names.get(key))) {
                namesOk++;
            }
        }
        System.out.println("checksum " + checksum);
        System.out.println("allocated more than " + allocated / (1024 * 1024) + " MiB");
        System.out.println("cells " + cells + " sum " + cellSum);
        System.out.println("names " + names.size() + " ok " + namesOk);
    }
}
