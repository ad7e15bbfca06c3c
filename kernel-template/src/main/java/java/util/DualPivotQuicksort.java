package java.util;

/**
 * The primitive-array sorts behind {@link Arrays#sort}. The JDK's is a dual-pivot quicksort that may fork
 * onto a ForkJoinPool; Kiln has one thread, so this one is a sequential introsort (median-of-three
 * quicksort, insertion sort for short ranges, heapsort when the recursion gets too deep): O(n log n)
 * in the worst case. Equal primitives are indistinguishable, so the result is the JDK's exactly; floats
 * and doubles are ordered as {@code Float.compare}/{@code Double.compare} order them, which is the JDK's
 * order too (-0.0 before 0.0, NaN last).
 */
final class DualPivotQuicksort {
    private static final int INSERTION_SORT_THRESHOLD = 16;

    private DualPivotQuicksort() {}

    static void sort(int[] a, int parallelism, int low, int high) {
        introSort(a, low, high - 1, 2 * (32 - Integer.numberOfLeadingZeros(high - low)));
    }

    /** Sorts a[first..last] inclusive; falls back to heapsort when {@code depth} runs out. */
    private static void introSort(int[] a, int first, int last, int depth) {
        while (last - first >= INSERTION_SORT_THRESHOLD) {
            if (depth-- == 0) {
                heapSort(a, first, last);
                return;
            }
            int middle = (first + last) >>> 1;
            // median of three into a[middle], so the pivot is never the range's minimum or maximum
            if (a[middle] < a[first]) swap(a, middle, first);
            if (a[last] < a[middle]) {
                swap(a, last, middle);
                if (a[middle] < a[first]) swap(a, middle, first);
            }
            int pivot = a[middle];
            int i = first;
            int j = last;
            while (i <= j) {
                while (a[i] < pivot) i++;
                while (pivot < a[j]) j--;
                if (i <= j) {
                    swap(a, i++, j--);
                }
            }
            // recurse into the smaller part, loop on the larger: O(log n) stack
            if (j - first < last - i) {
                introSort(a, first, j, depth);
                first = i;
            } else {
                introSort(a, i, last, depth);
                last = j;
            }
        }
        for (int i = first + 1; i <= last; i++) {
            int value = a[i];
            int j = i - 1;
            while (j >= first && value < a[j]) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = value;
        }
    }

    private static void heapSort(int[] a, int first, int last) {
        int n = last - first + 1;
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftDown(a, first, i, n);
        }
        for (int end = n - 1; end > 0; end--) {
            swap(a, first, first + end);
            siftDown(a, first, 0, end);
        }
    }

    private static void siftDown(int[] a, int base, int root, int n) {
        for (int child = 2 * root + 1; child < n; root = child, child = 2 * root + 1) {
            if (child + 1 < n && a[base + child] < a[base + child + 1]) child++;
            if (!(a[base + root] < a[base + child])) return;
            swap(a, base + root, base + child);
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    static void sort(long[] a, int parallelism, int low, int high) {
        introSort(a, low, high - 1, 2 * (32 - Integer.numberOfLeadingZeros(high - low)));
    }

    /** Sorts a[first..last] inclusive; falls back to heapsort when {@code depth} runs out. */
    private static void introSort(long[] a, int first, int last, int depth) {
        while (last - first >= INSERTION_SORT_THRESHOLD) {
            if (depth-- == 0) {
                heapSort(a, first, last);
                return;
            }
            int middle = (first + last) >>> 1;
            // median of three into a[middle], so the pivot is never the range's minimum or maximum
            if (a[middle] < a[first]) swap(a, middle, first);
            if (a[last] < a[middle]) {
                swap(a, last, middle);
                if (a[middle] < a[first]) swap(a, middle, first);
            }
            long pivot = a[middle];
            int i = first;
            int j = last;
            while (i <= j) {
                while (a[i] < pivot) i++;
                while (pivot < a[j]) j--;
                if (i <= j) {
                    swap(a, i++, j--);
                }
            }
            // recurse into the smaller part, loop on the larger: O(log n) stack
            if (j - first < last - i) {
                introSort(a, first, j, depth);
                first = i;
            } else {
                introSort(a, i, last, depth);
                last = j;
            }
        }
        for (int i = first + 1; i <= last; i++) {
            long value = a[i];
            int j = i - 1;
            while (j >= first && value < a[j]) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = value;
        }
    }

    private static void heapSort(long[] a, int first, int last) {
        int n = last - first + 1;
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftDown(a, first, i, n);
        }
        for (int end = n - 1; end > 0; end--) {
            swap(a, first, first + end);
            siftDown(a, first, 0, end);
        }
    }

    private static void siftDown(long[] a, int base, int root, int n) {
        for (int child = 2 * root + 1; child < n; root = child, child = 2 * root + 1) {
            if (child + 1 < n && a[base + child] < a[base + child + 1]) child++;
            if (!(a[base + root] < a[base + child])) return;
            swap(a, base + root, base + child);
        }
    }

    private static void swap(long[] a, int i, int j) {
        long t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    static void sort(float[] a, int parallelism, int low, int high) {
        introSort(a, low, high - 1, 2 * (32 - Integer.numberOfLeadingZeros(high - low)));
    }

    /** Sorts a[first..last] inclusive; falls back to heapsort when {@code depth} runs out. */
    private static void introSort(float[] a, int first, int last, int depth) {
        while (last - first >= INSERTION_SORT_THRESHOLD) {
            if (depth-- == 0) {
                heapSort(a, first, last);
                return;
            }
            int middle = (first + last) >>> 1;
            // median of three into a[middle], so the pivot is never the range's minimum or maximum
            if (Float.compare(a[middle], a[first]) < 0) swap(a, middle, first);
            if (Float.compare(a[last], a[middle]) < 0) {
                swap(a, last, middle);
                if (Float.compare(a[middle], a[first]) < 0) swap(a, middle, first);
            }
            float pivot = a[middle];
            int i = first;
            int j = last;
            while (i <= j) {
                while (Float.compare(a[i], pivot) < 0) i++;
                while (Float.compare(pivot, a[j]) < 0) j--;
                if (i <= j) {
                    swap(a, i++, j--);
                }
            }
            // recurse into the smaller part, loop on the larger: O(log n) stack
            if (j - first < last - i) {
                introSort(a, first, j, depth);
                first = i;
            } else {
                introSort(a, i, last, depth);
                last = j;
            }
        }
        for (int i = first + 1; i <= last; i++) {
            float value = a[i];
            int j = i - 1;
            while (j >= first && Float.compare(value, a[j]) < 0) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = value;
        }
    }

    private static void heapSort(float[] a, int first, int last) {
        int n = last - first + 1;
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftDown(a, first, i, n);
        }
        for (int end = n - 1; end > 0; end--) {
            swap(a, first, first + end);
            siftDown(a, first, 0, end);
        }
    }

    private static void siftDown(float[] a, int base, int root, int n) {
        for (int child = 2 * root + 1; child < n; root = child, child = 2 * root + 1) {
            if (child + 1 < n && Float.compare(a[base + child], a[base + child + 1]) < 0) child++;
            if (!(Float.compare(a[base + root], a[base + child]) < 0)) return;
            swap(a, base + root, base + child);
        }
    }

    private static void swap(float[] a, int i, int j) {
        float t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    static void sort(double[] a, int parallelism, int low, int high) {
        introSort(a, low, high - 1, 2 * (32 - Integer.numberOfLeadingZeros(high - low)));
    }

    /** Sorts a[first..last] inclusive; falls back to heapsort when {@code depth} runs out. */
    private static void introSort(double[] a, int first, int last, int depth) {
        while (last - first >= INSERTION_SORT_THRESHOLD) {
            if (depth-- == 0) {
                heapSort(a, first, last);
                return;
            }
            int middle = (first + last) >>> 1;
            // median of three into a[middle], so the pivot is never the range's minimum or maximum
            if (Double.compare(a[middle], a[first]) < 0) swap(a, middle, first);
            if (Double.compare(a[last], a[middle]) < 0) {
                swap(a, last, middle);
                if (Double.compare(a[middle], a[first]) < 0) swap(a, middle, first);
            }
            double pivot = a[middle];
            int i = first;
            int j = last;
            while (i <= j) {
                while (Double.compare(a[i], pivot) < 0) i++;
                while (Double.compare(pivot, a[j]) < 0) j--;
                if (i <= j) {
                    swap(a, i++, j--);
                }
            }
            // recurse into the smaller part, loop on the larger: O(log n) stack
            if (j - first < last - i) {
                introSort(a, first, j, depth);
                first = i;
            } else {
                introSort(a, i, last, depth);
                last = j;
            }
        }
        for (int i = first + 1; i <= last; i++) {
            double value = a[i];
            int j = i - 1;
            while (j >= first && Double.compare(value, a[j]) < 0) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = value;
        }
    }

    private static void heapSort(double[] a, int first, int last) {
        int n = last - first + 1;
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftDown(a, first, i, n);
        }
        for (int end = n - 1; end > 0; end--) {
            swap(a, first, first + end);
            siftDown(a, first, 0, end);
        }
    }

    private static void siftDown(double[] a, int base, int root, int n) {
        for (int child = 2 * root + 1; child < n; root = child, child = 2 * root + 1) {
            if (child + 1 < n && Double.compare(a[base + child], a[base + child + 1]) < 0) child++;
            if (!(Double.compare(a[base + root], a[base + child]) < 0)) return;
            swap(a, base + root, base + child);
        }
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    static void sort(byte[] a, int low, int high) {
        introSort(a, low, high - 1, 2 * (32 - Integer.numberOfLeadingZeros(high - low)));
    }

    /** Sorts a[first..last] inclusive; falls back to heapsort when {@code depth} runs out. */
    private static void introSort(byte[] a, int first, int last, int depth) {
        while (last - first >= INSERTION_SORT_THRESHOLD) {
            if (depth-- == 0) {
                heapSort(a, first, last);
                return;
            }
            int middle = (first + last) >>> 1;
            // median of three into a[middle], so the pivot is never the range's minimum or maximum
            if (a[middle] < a[first]) swap(a, middle, first);
            if (a[last] < a[middle]) {
                swap(a, last, middle);
                if (a[middle] < a[first]) swap(a, middle, first);
            }
            byte pivot = a[middle];
            int i = first;
            int j = last;
            while (i <= j) {
                while (a[i] < pivot) i++;
                while (pivot < a[j]) j--;
                if (i <= j) {
                    swap(a, i++, j--);
                }
            }
            // recurse into the smaller part, loop on the larger: O(log n) stack
            if (j - first < last - i) {
                introSort(a, first, j, depth);
                first = i;
            } else {
                introSort(a, i, last, depth);
                last = j;
            }
        }
        for (int i = first + 1; i <= last; i++) {
            byte value = a[i];
            int j = i - 1;
            while (j >= first && value < a[j]) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = value;
        }
    }

    private static void heapSort(byte[] a, int first, int last) {
        int n = last - first + 1;
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftDown(a, first, i, n);
        }
        for (int end = n - 1; end > 0; end--) {
            swap(a, first, first + end);
            siftDown(a, first, 0, end);
        }
    }

    private static void siftDown(byte[] a, int base, int root, int n) {
        for (int child = 2 * root + 1; child < n; root = child, child = 2 * root + 1) {
            if (child + 1 < n && a[base + child] < a[base + child + 1]) child++;
            if (!(a[base + root] < a[base + child])) return;
            swap(a, base + root, base + child);
        }
    }

    private static void swap(byte[] a, int i, int j) {
        byte t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    static void sort(char[] a, int low, int high) {
        introSort(a, low, high - 1, 2 * (32 - Integer.numberOfLeadingZeros(high - low)));
    }

    /** Sorts a[first..last] inclusive; falls back to heapsort when {@code depth} runs out. */
    private static void introSort(char[] a, int first, int last, int depth) {
        while (last - first >= INSERTION_SORT_THRESHOLD) {
            if (depth-- == 0) {
                heapSort(a, first, last);
                return;
            }
            int middle = (first + last) >>> 1;
            // median of three into a[middle], so the pivot is never the range's minimum or maximum
            if (a[middle] < a[first]) swap(a, middle, first);
            if (a[last] < a[middle]) {
                swap(a, last, middle);
                if (a[middle] < a[first]) swap(a, middle, first);
            }
            char pivot = a[middle];
            int i = first;
            int j = last;
            while (i <= j) {
                while (a[i] < pivot) i++;
                while (pivot < a[j]) j--;
                if (i <= j) {
                    swap(a, i++, j--);
                }
            }
            // recurse into the smaller part, loop on the larger: O(log n) stack
            if (j - first < last - i) {
                introSort(a, first, j, depth);
                first = i;
            } else {
                introSort(a, i, last, depth);
                last = j;
            }
        }
        for (int i = first + 1; i <= last; i++) {
            char value = a[i];
            int j = i - 1;
            while (j >= first && value < a[j]) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = value;
        }
    }

    private static void heapSort(char[] a, int first, int last) {
        int n = last - first + 1;
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftDown(a, first, i, n);
        }
        for (int end = n - 1; end > 0; end--) {
            swap(a, first, first + end);
            siftDown(a, first, 0, end);
        }
    }

    private static void siftDown(char[] a, int base, int root, int n) {
        for (int child = 2 * root + 1; child < n; root = child, child = 2 * root + 1) {
            if (child + 1 < n && a[base + child] < a[base + child + 1]) child++;
            if (!(a[base + root] < a[base + child])) return;
            swap(a, base + root, base + child);
        }
    }

    private static void swap(char[] a, int i, int j) {
        char t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    static void sort(short[] a, int low, int high) {
        introSort(a, low, high - 1, 2 * (32 - Integer.numberOfLeadingZeros(high - low)));
    }

    /** Sorts a[first..last] inclusive; falls back to heapsort when {@code depth} runs out. */
    private static void introSort(short[] a, int first, int last, int depth) {
        while (last - first >= INSERTION_SORT_THRESHOLD) {
            if (depth-- == 0) {
                heapSort(a, first, last);
                return;
            }
            int middle = (first + last) >>> 1;
            // median of three into a[middle], so the pivot is never the range's minimum or maximum
            if (a[middle] < a[first]) swap(a, middle, first);
            if (a[last] < a[middle]) {
                swap(a, last, middle);
                if (a[middle] < a[first]) swap(a, middle, first);
            }
            short pivot = a[middle];
            int i = first;
            int j = last;
            while (i <= j) {
                while (a[i] < pivot) i++;
                while (pivot < a[j]) j--;
                if (i <= j) {
                    swap(a, i++, j--);
                }
            }
            // recurse into the smaller part, loop on the larger: O(log n) stack
            if (j - first < last - i) {
                introSort(a, first, j, depth);
                first = i;
            } else {
                introSort(a, i, last, depth);
                last = j;
            }
        }
        for (int i = first + 1; i <= last; i++) {
            short value = a[i];
            int j = i - 1;
            while (j >= first && value < a[j]) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = value;
        }
    }

    private static void heapSort(short[] a, int first, int last) {
        int n = last - first + 1;
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftDown(a, first, i, n);
        }
        for (int end = n - 1; end > 0; end--) {
            swap(a, first, first + end);
            siftDown(a, first, 0, end);
        }
    }

    private static void siftDown(short[] a, int base, int root, int n) {
        for (int child = 2 * root + 1; child < n; root = child, child = 2 * root + 1) {
            if (child + 1 < n && a[base + child] < a[base + child + 1]) child++;
            if (!(a[base + root] < a[base + child])) return;
            swap(a, base + root, base + child);
        }
    }

    private static void swap(short[] a, int i, int j) {
        short t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
