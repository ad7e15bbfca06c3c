package kiln.bench;

/**
 * Throw-to-catch of fault-raised NullPointerExceptions: 200,000 reads through a null reference, each one a page
 * fault (bare metal) or SIGSEGV (hosted) that the kernel turns into an exception caught one frame up. The cost
 * per throw is this program's time minus Hello's, divided by the count (bench/run prints both).
 */
public class NullFaults {
    static final class Cell {
        int value;
    }

    static int read(Cell cell) {
        return cell.value;
    }

    public static void main(String[] args) {
        Cell[] cells = {new Cell(), null};
        int caught = 0;
        for (int i = 0; i < 200_000; i++) {
            try {
                read(cells[i & 1]);
            } catch (NullPointerException e) {
                caught++;
            }
        }
        System.out.println(caught);
    }
}
