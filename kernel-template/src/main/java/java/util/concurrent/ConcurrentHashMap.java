package java.util.concurrent;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A hash map without null keys or values, with the JDK's API for the commonly used methods. Kiln runs Java
 * on one core with no threads yet, so this is a single-threaded hash table: no CAS, no locks, no counter
 * cells (the JDK's needs Unsafe and VarHandles for them). Iterators are weakly consistent as the JDK's:
 * they never throw ConcurrentModificationException.
 *
 * <p>The table follows the JDK's growth rules so that iteration order is the same as on HotSpot: the same
 * bin index ({@code (h ^ h >>> 16) & (n - 1)}), new nodes appended to a bin, a resize as soon as the size
 * reaches 3/4 of the table, a table four times as large as a bin of 8 colliding keys in a table below 64
 * would need, and the JDK's split of a bin on resize (the run of nodes at the end that go to the same half
 * keeps its order; the nodes before it are prepended, reversing them). A bin of 8 or more keys in a table
 * of 64 or more is a red-black tree in the JDK, which iterates in list order but puts new keys first; Kiln
 * follows the order rule but builds no tree (lookups in such a bin are linear), and guesses when a
 * shrinking tree turns back into a list, which the JDK decides by the tree's shape. The parallel bulk
 * operations ({@code forEach(long, ...)}, {@code search}, {@code reduce}
 * ...) are missing.
 */
public class ConcurrentHashMap<K, V> extends AbstractMap<K, V> implements ConcurrentMap<K, V>, java.io.Serializable {
    private static final long serialVersionUID = 7249069246763182397L;

    private static final int MAXIMUM_CAPACITY = 1 << 30;
    private static final int DEFAULT_CAPACITY = 16;
    private static final int TREEIFY_THRESHOLD = 8;
    private static final int UNTREEIFY_THRESHOLD = 6;
    private static final int MIN_TREEIFY_CAPACITY = 64;
    private static final int HASH_BITS = 0x7fffffff;

    private Node<K, V>[] table;
    /**
     * As the JDK's {@code sizeCtl}: before the table exists, its initial length (0 for the default); after,
     * the size at which it is doubled (3/4 of its length).
     */
    private int sizeCtl;
    private long count;
    /**
     * The bins that the JDK would hold as red-black trees (null while there are none). A tree keeps its
     * nodes in a list for iteration too, but puts new nodes at its front, so only the order matters here.
     */
    private boolean[] treeBins;

    private KeySetView<K, V> keySet;
    private ValuesView<K, V> values;
    private EntrySetView<K, V> entrySet;

    public ConcurrentHashMap() {
    }

    public ConcurrentHashMap(int initialCapacity) {
        this(initialCapacity, 0.75f, 1);
    }

    public ConcurrentHashMap(Map<? extends K, ? extends V> m) {
        sizeCtl = DEFAULT_CAPACITY;
        putAll(m);
    }

    public ConcurrentHashMap(int initialCapacity, float loadFactor) {
        this(initialCapacity, loadFactor, 1);
    }

    /** As the JDK, the capacity is chosen so that {@code initialCapacity} keys fit at {@code loadFactor}. */
    public ConcurrentHashMap(int initialCapacity, float loadFactor, int concurrencyLevel) {
        if (!(loadFactor > 0.0f) || initialCapacity < 0 || concurrencyLevel <= 0) {
            throw new IllegalArgumentException();
        }
        if (initialCapacity < concurrencyLevel) {
            initialCapacity = concurrencyLevel;
        }
        long size = (long) (1.0 + (long) initialCapacity / loadFactor);
        sizeCtl = size >= MAXIMUM_CAPACITY ? MAXIMUM_CAPACITY : tableSizeFor((int) size);
    }

    static class Node<K, V> {
        final int hash;
        final K key;
        V val;
        Node<K, V> next;

        Node(int hash, K key, V val, Node<K, V> next) {
            this.hash = hash;
            this.key = key;
            this.val = val;
            this.next = next;
        }
    }

    /** The bits of the hash that pick bins, with the high half folded in (JDK: {@code spread}). */
    static int spread(int h) {
        return (h ^ (h >>> 16)) & HASH_BITS;
    }

    /** The smallest power of two at least {@code c}, capped. */
    private static int tableSizeFor(int c) {
        int n = -1 >>> Integer.numberOfLeadingZeros(c - 1);
        return n < 0 ? 1 : n >= MAXIMUM_CAPACITY ? MAXIMUM_CAPACITY : n + 1;
    }

    private Node<K, V>[] initTable() {
        int n = sizeCtl > 0 ? sizeCtl : DEFAULT_CAPACITY;
        @SuppressWarnings("unchecked")
        Node<K, V>[] tab = (Node<K, V>[]) new Node<?, ?>[n];
        table = tab;
        sizeCtl = n - (n >>> 2);
        return tab;
    }

    private Node<K, V> findNode(Object key) {
        Node<K, V>[] tab = table;
        if (tab == null) {
            key.hashCode();
            return null;
        }
        int h = spread(key.hashCode());
        for (Node<K, V> e = tab[(tab.length - 1) & h]; e != null; e = e.next) {
            if (e.hash == h && (e.key == key || key.equals(e.key))) {
                return e;
            }
        }
        return null;
    }

    @Override
    public int size() {
        return count > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) count;
    }

    public long mappingCount() {
        return count;
    }

    @Override
    public boolean isEmpty() {
        return count == 0;
    }

    @Override
    public V get(Object key) {
        Node<K, V> e = findNode(key);
        return e == null ? null : e.val;
    }

    @Override
    public boolean containsKey(Object key) {
        return findNode(key) != null;
    }

    @Override
    public boolean containsValue(Object value) {
        Objects.requireNonNull(value);
        for (Node<K, V> e = first(table, 0); e != null; e = advance(table, e)) {
            if (e.val == value || value.equals(e.val)) {
                return true;
            }
        }
        return false;
    }

    public boolean contains(Object value) {
        return containsValue(value);
    }

    @Override
    public V getOrDefault(Object key, V defaultValue) {
        V v = get(key);
        return v == null ? defaultValue : v;
    }

    @Override
    public V put(K key, V value) {
        return putVal(key, value, false);
    }

    @Override
    public V putIfAbsent(K key, V value) {
        return putVal(key, value, true);
    }

    private V putVal(K key, V value, boolean onlyIfAbsent) {
        if (key == null || value == null) {
            throw new NullPointerException();
        }
        int h = spread(key.hashCode());
        Node<K, V>[] tab = table == null ? initTable() : table;
        int i = (tab.length - 1) & h;
        Node<K, V> e = tab[i];
        if (e == null) {
            tab[i] = new Node<>(h, key, value, null);
            addCount(1);
            return null;
        }
        int binCount = 1;
        V oldValue = null;
        for (;; binCount++) {
            if (e.hash == h && (e.key == key || key.equals(e.key))) {
                oldValue = e.val;
                if (!onlyIfAbsent) {
                    e.val = value;
                }
                break;
            }
            if (e.next == null) {
                link(tab, i, e, new Node<>(h, key, value, null));
                break;
            }
            e = e.next;
        }
        checkBinLength(i, binCount);
        if (oldValue != null) {
            return oldValue;
        }
        addCount(1);
        return null;
    }

    private boolean isTreeBin(int i) {
        return treeBins != null && treeBins[i];
    }

    /** Adds {@code node} to bin {@code i}, whose last node is {@code last}: at the front of a tree bin, else at the end. */
    private void link(Node<K, V>[] tab, int i, Node<K, V> last, Node<K, V> node) {
        if (isTreeBin(i)) {
            node.next = tab[i];
            tab[i] = node;
        } else if (last == null) {
            tab[i] = node;
        } else {
            last.next = node;
        }
    }

    /**
     * After a walk of {@code binCount} nodes of list bin {@code i} to find or add a key: in the JDK, a bin that
     * long makes a small table (below 64 bins) grow, or else becomes a tree.
     */
    private void checkBinLength(int i, int binCount) {
        if (binCount < TREEIFY_THRESHOLD || isTreeBin(i)) {
            return;
        }
        int n = table.length;
        if (n < MIN_TREEIFY_CAPACITY) {
            tryPresize(n << 1);
        } else if (table[i] != null) {
            if (treeBins == null) {
                treeBins = new boolean[n];
            }
            treeBins[i] = true;
        }
    }

    /** Counts a new mapping and doubles the table while the size has reached 3/4 of it. */
    private void addCount(int delta) {
        count += delta;
        while (count >= sizeCtl && table.length < MAXIMUM_CAPACITY) {
            transfer();
        }
    }

    /** Grows the table to hold {@code size} keys (JDK: the table for 1.5 times as many, rounded up). */
    private void tryPresize(int size) {
        int c = size >= (MAXIMUM_CAPACITY >>> 1) ? MAXIMUM_CAPACITY : tableSizeFor(size + (size >>> 1) + 1);
        for (;;) {
            Node<K, V>[] tab = table;
            if (tab == null) {
                sizeCtl = Math.max(sizeCtl, c);
                initTable();
            } else if (c <= sizeCtl || tab.length >= MAXIMUM_CAPACITY) {
                return;
            } else {
                transfer();
            }
        }
    }

    /**
     * Doubles the table. Bin i splits into bins i and i + n by hash bit n. As in the JDK, the last run of
     * nodes that all go the same way moves as it is; the nodes before it are copied onto the front of their
     * new bin, one by one, so they end up in reverse order.
     */
    private void transfer() {
        Node<K, V>[] tab = table;
        int n = tab.length;
        @SuppressWarnings("unchecked")
        Node<K, V>[] next = (Node<K, V>[]) new Node<?, ?>[n << 1];
        boolean[] trees = treeBins;
        treeBins = trees == null ? null : new boolean[n << 1];
        for (int i = 0; i < n; i++) {
            Node<K, V> f = tab[i];
            if (f == null) {
                continue;
            }
            if (trees != null && trees[i]) {
                splitTreeBin(f, n, next, i);
                continue;
            }
            int runBit = f.hash & n;
            Node<K, V> lastRun = f;
            for (Node<K, V> p = f.next; p != null; p = p.next) {
                int b = p.hash & n;
                if (b != runBit) {
                    runBit = b;
                    lastRun = p;
                }
            }
            Node<K, V> low = runBit == 0 ? lastRun : null;
            Node<K, V> high = runBit == 0 ? null : lastRun;
            for (Node<K, V> p = f; p != lastRun; p = p.next) {
                if ((p.hash & n) == 0) {
                    low = new Node<>(p.hash, p.key, p.val, low);
                } else {
                    high = new Node<>(p.hash, p.key, p.val, high);
                }
            }
            next[i] = low;
            next[i + n] = high;
        }
        table = next;
        sizeCtl = (n << 1) - (n >>> 1);
    }

    /**
     * A tree bin splits keeping its order; a half with more than 6 nodes stays a tree (JDK: TreeBin and
     * {@code untreeify} in {@code transfer}).
     */
    private void splitTreeBin(Node<K, V> f, int n, Node<K, V>[] next, int i) {
        Node<K, V> low = null;
        Node<K, V> lowTail = null;
        Node<K, V> high = null;
        Node<K, V> highTail = null;
        int lowCount = 0;
        int highCount = 0;
        for (Node<K, V> p = f; p != null; p = p.next) {
            Node<K, V> copy = new Node<>(p.hash, p.key, p.val, null);
            if ((p.hash & n) == 0) {
                if (lowTail == null) {
                    low = copy;
                } else {
                    lowTail.next = copy;
                }
                lowTail = copy;
                lowCount++;
            } else {
                if (highTail == null) {
                    high = copy;
                } else {
                    highTail.next = copy;
                }
                highTail = copy;
                highCount++;
            }
        }
        next[i] = low;
        next[i + n] = high;
        treeBins[i] = lowCount > UNTREEIFY_THRESHOLD;
        treeBins[i + n] = highCount > UNTREEIFY_THRESHOLD;
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        tryPresize(m.size());
        for (Map.Entry<? extends K, ? extends V> e : m.entrySet()) {
            putVal(e.getKey(), e.getValue(), false);
        }
    }

    @Override
    public V remove(Object key) {
        return replaceNode(key, null, null);
    }

    @Override
    public boolean remove(Object key, Object value) {
        Objects.requireNonNull(key);
        return value != null && replaceNode(key, null, value) != null;
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        if (key == null || oldValue == null || newValue == null) {
            throw new NullPointerException();
        }
        return replaceNode(key, newValue, oldValue) != null;
    }

    @Override
    public V replace(K key, V value) {
        if (key == null || value == null) {
            throw new NullPointerException();
        }
        return replaceNode(key, value, null);
    }

    /**
     * Replaces the value of {@code key} with {@code value}, or removes the mapping if {@code value} is null,
     * provided the current value equals {@code expected} (any value if null). Answers the old value, or null
     * if nothing changed.
     */
    private V replaceNode(Object key, V value, Object expected) {
        int h = spread(key.hashCode());
        Node<K, V>[] tab = table;
        if (tab == null) {
            return null;
        }
        int i = (tab.length - 1) & h;
        Node<K, V> pred = null;
        for (Node<K, V> e = tab[i]; e != null; pred = e, e = e.next) {
            if (e.hash == h && (e.key == key || key.equals(e.key))) {
                V old = e.val;
                if (expected != null && expected != old && !expected.equals(old)) {
                    return null;
                }
                if (value != null) {
                    e.val = value;
                } else {
                    unlink(tab, i, pred, e);
                }
                return old;
            }
        }
        return null;
    }

    /**
     * Removes {@code e}, which follows {@code pred} in bin {@code i}. A tree bin that gets small goes back to
     * being a list; the JDK decides by the tree's shape, which Kiln does not build, so this uses the size
     * at which a split tree becomes a list (see the class comment).
     */
    private void unlink(Node<K, V>[] tab, int i, Node<K, V> pred, Node<K, V> e) {
        if (isTreeBin(i)) {
            int length = 0;
            for (Node<K, V> p = tab[i]; p != null; p = p.next) {
                length++;
            }
            treeBins[i] = length > UNTREEIFY_THRESHOLD;
        }
        if (pred == null) {
            tab[i] = e.next;
        } else {
            pred.next = e.next;
        }
        count--;
    }

    @Override
    public void clear() {
        Node<K, V>[] tab = table;
        if (tab != null) {
            for (int i = 0; i < tab.length; i++) {
                tab[i] = null;
            }
        }
        treeBins = null;
        count = 0;
    }

    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
        if (key == null || mappingFunction == null) {
            throw new NullPointerException();
        }
        int h = spread(key.hashCode());
        Node<K, V>[] tab = table == null ? initTable() : table;
        int i = (tab.length - 1) & h;
        Node<K, V> e = tab[i];
        if (e == null) {
            V value = mappingFunction.apply(key);
            if (value != null) {
                table[(table.length - 1) & h] = new Node<>(h, key, value, null);
                addCount(1);
            }
            return value;
        }
        int binCount = 1;
        for (;; binCount++) {
            if (e.hash == h && (e.key == key || key.equals(e.key))) {
                checkBinLength(i, binCount);
                return e.val;
            }
            if (e.next == null) {
                break;
            }
            e = e.next;
        }
        V value = mappingFunction.apply(key);
        if (value != null) {
            link(tab, i, e, new Node<>(h, key, value, null));
        }
        checkBinLength(i, binCount);
        if (value != null) {
            addCount(1);
        }
        return value;
    }

    @Override
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        if (key == null || remappingFunction == null) {
            throw new NullPointerException();
        }
        return remap(key, remappingFunction, true);
    }

    @Override
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        if (key == null || remappingFunction == null) {
            throw new NullPointerException();
        }
        return remap(key, remappingFunction, false);
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        if (key == null || value == null || remappingFunction == null) {
            throw new NullPointerException();
        }
        return remap(key, (k, old) -> old == null ? value : remappingFunction.apply(old, value), false);
    }

    /**
     * compute, computeIfPresent and merge: the function gets the current value (null if absent) and its
     * result replaces it; a null result removes the mapping. With {@code onlyIfPresent}, an absent key is
     * left alone.
     */
    private V remap(K key, BiFunction<? super K, ? super V, ? extends V> function, boolean onlyIfPresent) {
        int h = spread(key.hashCode());
        Node<K, V>[] tab = table == null ? initTable() : table;
        int i = (tab.length - 1) & h;
        Node<K, V> pred = null;
        int binCount = 1;
        for (Node<K, V> e = tab[i]; e != null; pred = e, e = e.next, binCount++) {
            if (e.hash == h && (e.key == key || key.equals(e.key))) {
                V value = function.apply(key, e.val);
                if (value != null) {
                    e.val = value;
                } else {
                    unlink(tab, i, pred, e);
                }
                checkBinLength(i, binCount);
                return value;
            }
        }
        if (onlyIfPresent) {
            return null;
        }
        V value = function.apply(key, null);
        if (value != null) {
            link(tab, i, pred, new Node<>(h, key, value, null));
            checkBinLength(i, binCount - 1);
            addCount(1);
        }
        return value;
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        Objects.requireNonNull(action);
        Node<K, V>[] tab = table;
        for (Node<K, V> e = first(tab, 0); e != null; e = advance(tab, e)) {
            action.accept(e.key, e.val);
        }
    }

    @Override
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
        Objects.requireNonNull(function);
        Node<K, V>[] tab = table;
        for (Node<K, V> e = first(tab, 0); e != null; e = advance(tab, e)) {
            e.val = Objects.requireNonNull(function.apply(e.key, e.val));
        }
    }

    /** The first node in bins {@code from} onwards, or null. */
    static <K, V> Node<K, V> first(Node<K, V>[] tab, int from) {
        if (tab != null) {
            for (int i = from; i < tab.length; i++) {
                if (tab[i] != null) {
                    return tab[i];
                }
            }
        }
        return null;
    }

    /** The node after {@code e} in table order, or null. */
    static <K, V> Node<K, V> advance(Node<K, V>[] tab, Node<K, V> e) {
        return e.next != null ? e.next : first(tab, ((tab.length - 1) & e.hash) + 1);
    }

    @Override
    public KeySetView<K, V> keySet() {
        KeySetView<K, V> view = keySet;
        return view != null ? view : (keySet = new KeySetView<>(this, null));
    }

    public KeySetView<K, V> keySet(V mappedValue) {
        return new KeySetView<>(this, Objects.requireNonNull(mappedValue));
    }

    public static <K> KeySetView<K, Boolean> newKeySet() {
        return new KeySetView<>(new ConcurrentHashMap<>(), Boolean.TRUE);
    }

    public static <K> KeySetView<K, Boolean> newKeySet(int initialCapacity) {
        return new KeySetView<>(new ConcurrentHashMap<>(initialCapacity), Boolean.TRUE);
    }

    @Override
    public Collection<V> values() {
        ValuesView<K, V> view = values;
        return view != null ? view : (values = new ValuesView<>(this));
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        EntrySetView<K, V> view = entrySet;
        return view != null ? view : (entrySet = new EntrySetView<>(this));
    }

    public Enumeration<K> keys() {
        return new KeyIterator<>(this);
    }

    public Enumeration<V> elements() {
        return new ValueIterator<>(this);
    }

    /**
     * Walks the table in bin order. Removal goes through the map. A resize during the walk leaves it on the
     * old table, which still holds every mapping that existed when the resize happened.
     */
    abstract static class BaseIterator<K, V> {
        final ConcurrentHashMap<K, V> map;
        final Node<K, V>[] tab;
        Node<K, V> next;
        Node<K, V> lastReturned;

        BaseIterator(ConcurrentHashMap<K, V> map) {
            this.map = map;
            this.tab = map.table;
            this.next = first(tab, 0);
        }

        public final boolean hasNext() {
            return next != null;
        }

        public final boolean hasMoreElements() {
            return next != null;
        }

        final Node<K, V> nextNode() {
            Node<K, V> e = next;
            if (e == null) {
                throw new NoSuchElementException();
            }
            next = advance(tab, e);
            lastReturned = e;
            return e;
        }

        public final void remove() {
            Node<K, V> e = lastReturned;
            if (e == null) {
                throw new IllegalStateException();
            }
            lastReturned = null;
            map.replaceNode(e.key, null, null);
        }
    }

    static final class KeyIterator<K, V> extends BaseIterator<K, V> implements Iterator<K>, Enumeration<K> {
        KeyIterator(ConcurrentHashMap<K, V> map) {
            super(map);
        }

        @Override
        public K next() {
            return nextNode().key;
        }

        @Override
        public K nextElement() {
            return next();
        }
    }

    static final class ValueIterator<K, V> extends BaseIterator<K, V> implements Iterator<V>, Enumeration<V> {
        ValueIterator(ConcurrentHashMap<K, V> map) {
            super(map);
        }

        @Override
        public V next() {
            return nextNode().val;
        }

        @Override
        public V nextElement() {
            return next();
        }
    }

    static final class EntryIterator<K, V> extends BaseIterator<K, V> implements Iterator<Map.Entry<K, V>> {
        EntryIterator(ConcurrentHashMap<K, V> map) {
            super(map);
        }

        @Override
        public Map.Entry<K, V> next() {
            Node<K, V> e = nextNode();
            return new MapEntry<>(e.key, e.val, map);
        }
    }

    /** An entry handed out by the entry iterator; {@link #setValue} writes through to the map, as the JDK's. */
    static final class MapEntry<K, V> implements Map.Entry<K, V> {
        final K key;
        V val;
        final ConcurrentHashMap<K, V> map;

        MapEntry(K key, V val, ConcurrentHashMap<K, V> map) {
            this.key = key;
            this.val = val;
            this.map = map;
        }

        @Override
        public K getKey() {
            return key;
        }

        @Override
        public V getValue() {
            return val;
        }

        @Override
        public int hashCode() {
            return key.hashCode() ^ val.hashCode();
        }

        @Override
        public String toString() {
            return key + "=" + val;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Map.Entry<?, ?> e && e.getKey() != null && e.getValue() != null
                    && (e.getKey() == key || e.getKey().equals(key)) && (e.getValue() == val || e.getValue().equals(val));
        }

        @Override
        public V setValue(V value) {
            Objects.requireNonNull(value);
            V old = val;
            val = value;
            map.put(key, value);
            return old;
        }
    }

    /** The keys, values or entries of the map; changes to the map show through. */
    abstract static class CollectionView<K, V, E> extends AbstractCollection<E> implements java.io.Serializable {
        private static final long serialVersionUID = 7249069246763182397L;

        final ConcurrentHashMap<K, V> map;

        CollectionView(ConcurrentHashMap<K, V> map) {
            this.map = map;
        }

        public ConcurrentHashMap<K, V> getMap() {
            return map;
        }

        @Override
        public final void clear() {
            map.clear();
        }

        @Override
        public final int size() {
            return map.size();
        }

        @Override
        public final boolean isEmpty() {
            return map.isEmpty();
        }
    }

    /**
     * The keys as a set. Adding is allowed only if the view was made with a value to map new keys to
     * ({@link #keySet(Object)}, {@link #newKeySet()}).
     */
    public static final class KeySetView<K, V> extends CollectionView<K, V, K> implements Set<K>, java.io.Serializable {
        private static final long serialVersionUID = 7249069246763182397L;

        private final V value;

        KeySetView(ConcurrentHashMap<K, V> map, V value) {
            super(map);
            this.value = value;
        }

        public V getMappedValue() {
            return value;
        }

        @Override
        public boolean contains(Object o) {
            return map.containsKey(o);
        }

        @Override
        public boolean remove(Object o) {
            return map.remove(o) != null;
        }

        @Override
        public Iterator<K> iterator() {
            return new KeyIterator<>(map);
        }

        @Override
        public boolean add(K e) {
            if (value == null) {
                throw new UnsupportedOperationException();
            }
            return map.putVal(e, value, true) == null;
        }

        @Override
        public boolean addAll(Collection<? extends K> c) {
            boolean added = false;
            for (K e : c) {
                added |= add(e);
            }
            return added;
        }

        @Override
        public int hashCode() {
            int h = 0;
            for (K k : this) {
                h += k.hashCode();
            }
            return h;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Set<?> c && (c == this || (containsAll(c) && c.containsAll(this)));
        }
    }

    static final class ValuesView<K, V> extends CollectionView<K, V, V> {
        private static final long serialVersionUID = 2249069246763182397L;

        ValuesView(ConcurrentHashMap<K, V> map) {
            super(map);
        }

        @Override
        public boolean contains(Object o) {
            return map.containsValue(o);
        }

        @Override
        public boolean remove(Object o) {
            if (o != null) {
                for (Iterator<V> it = iterator(); it.hasNext();) {
                    if (o.equals(it.next())) {
                        it.remove();
                        return true;
                    }
                }
            }
            return false;
        }

        @Override
        public Iterator<V> iterator() {
            return new ValueIterator<>(map);
        }

        @Override
        public boolean add(V e) {
            throw new UnsupportedOperationException();
        }
    }

    static final class EntrySetView<K, V> extends CollectionView<K, V, Map.Entry<K, V>> implements Set<Map.Entry<K, V>> {
        private static final long serialVersionUID = 2249069246763182397L;

        EntrySetView(ConcurrentHashMap<K, V> map) {
            super(map);
        }

        @Override
        public boolean contains(Object o) {
            if (!(o instanceof Map.Entry<?, ?> e) || e.getKey() == null || e.getValue() == null) {
                return false;
            }
            Object v = map.get(e.getKey());
            return v != null && (v == e.getValue() || v.equals(e.getValue()));
        }

        @Override
        public boolean remove(Object o) {
            return o instanceof Map.Entry<?, ?> e && e.getKey() != null && e.getValue() != null
                    && map.remove(e.getKey(), e.getValue());
        }

        @Override
        public Iterator<Map.Entry<K, V>> iterator() {
            return new EntryIterator<>(map);
        }

        @Override
        public boolean add(Map.Entry<K, V> e) {
            return map.putVal(e.getKey(), e.getValue(), false) == null;
        }

        @Override
        public int hashCode() {
            int h = 0;
            for (Node<K, V> e = first(map.table, 0); e != null; e = advance(map.table, e)) {
                h += e.key.hashCode() ^ e.val.hashCode();
            }
            return h;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Set<?> c && (c == this || (containsAll(c) && c.containsAll(this)));
        }
    }
}
