package java.lang;

import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;

/**
 * As in JDK 17. {@link #spliterator()} costs nothing in a program that never calls it on a plain Iterable (the
 * closed world reaches a default method only through a call of its selector; collections override it).
 */
public interface Iterable<T> {
    Iterator<T> iterator();

    default void forEach(Consumer<? super T> action) {
        if (action == null) {
            throw new NullPointerException();
        }
        for (T t : this) {
            action.accept(t);
        }
    }

    /** A spliterator of unknown size over {@link #iterator()}, late-binding, with no characteristics, as the JDK's. */
    default Spliterator<T> spliterator() {
        return Spliterators.spliteratorUnknownSize(iterator(), 0);
    }
}
