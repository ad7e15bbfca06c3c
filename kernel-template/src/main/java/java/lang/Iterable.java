package java.lang;

import java.util.Iterator;
import java.util.function.Consumer;

/** As in JDK 17, without {@code spliterator()}, which would pull in the streams machinery. */
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
}
