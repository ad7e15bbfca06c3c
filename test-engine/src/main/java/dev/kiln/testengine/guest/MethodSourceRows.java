package dev.kiln.testengine.guest;

import org.junit.jupiter.params.provider.Arguments;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.BaseStream;

/**
 * The argument lists a {@code @MethodSource} factory returned, as JUnit reads them: a {@code Stream},
 * {@code IntStream}/{@code LongStream}/{@code DoubleStream}, {@code Iterable}, {@code Iterator} or array, whose
 * elements are {@link Arguments}, arrays (one argument each element, for a method of several parameters) or
 * single arguments. Only generated code for a {@code @MethodSource} calls this class, so a project without
 * parameterized tests needs no {@code junit-jupiter-params} in its image.
 */
public final class MethodSourceRows {
    private MethodSourceRows() {
    }

    public static Object[][] rows(Object factoryResult, int parameterCount) {
        List<Object[]> rows = new ArrayList<>();
        Iterator<?> elements = elements(factoryResult);
        while (elements.hasNext()) {
            Object element = elements.next();
            if (element instanceof Arguments arguments) {
                rows.add(arguments.get());
            } else if (element instanceof Object[] array && parameterCount > 1) {
                rows.add(array);
            } else {
                rows.add(new Object[] {element});
            }
        }
        return rows.toArray(new Object[0][]);
    }

    private static Iterator<?> elements(Object source) {
        if (source instanceof BaseStream<?, ?> stream) {
            return stream.iterator();
        }
        if (source instanceof Iterable<?> iterable) {
            return iterable.iterator();
        }
        if (source instanceof Iterator<?> iterator) {
            return iterator;
        }
        List<Object> values = new ArrayList<>();
        if (source instanceof Object[] array) {
            values.addAll(java.util.Arrays.asList(array));
        } else if (source instanceof int[] ints) {
            for (int value : ints) {
                values.add(value);
            }
        } else if (source instanceof long[] longs) {
            for (long value : longs) {
                values.add(value);
            }
        } else if (source instanceof double[] doubles) {
            for (double value : doubles) {
                values.add(value);
            }
        } else {
            throw new IllegalArgumentException("a @MethodSource factory returned " + source
                    + "; JUnit accepts a Stream, Iterable, Iterator or array");
        }
        return values.iterator();
    }
}
