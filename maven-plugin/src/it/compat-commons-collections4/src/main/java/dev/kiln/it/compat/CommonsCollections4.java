package dev.kiln.it.compat;

import org.apache.commons.collections4.Bag;
import org.apache.commons.collections4.BidiMap;
import org.apache.commons.collections4.CollectionUtils;
import org.apache.commons.collections4.ComparatorUtils;
import org.apache.commons.collections4.FluentIterable;
import org.apache.commons.collections4.IterableUtils;
import org.apache.commons.collections4.IteratorUtils;
import org.apache.commons.collections4.ListUtils;
import org.apache.commons.collections4.MapUtils;
import org.apache.commons.collections4.MultiSet;
import org.apache.commons.collections4.MultiValuedMap;
import org.apache.commons.collections4.OrderedMap;
import org.apache.commons.collections4.SetUtils;
import org.apache.commons.collections4.Trie;
import org.apache.commons.collections4.bag.HashBag;
import org.apache.commons.collections4.bag.TreeBag;
import org.apache.commons.collections4.bidimap.DualHashBidiMap;
import org.apache.commons.collections4.bidimap.TreeBidiMap;
import org.apache.commons.collections4.list.SetUniqueList;
import org.apache.commons.collections4.map.CaseInsensitiveMap;
import org.apache.commons.collections4.map.DefaultedMap;
import org.apache.commons.collections4.map.LRUMap;
import org.apache.commons.collections4.map.LazyMap;
import org.apache.commons.collections4.map.LinkedMap;
import org.apache.commons.collections4.map.ListOrderedMap;
import org.apache.commons.collections4.map.MultiKeyMap;
import org.apache.commons.collections4.multimap.ArrayListValuedHashMap;
import org.apache.commons.collections4.multimap.HashSetValuedHashMap;
import org.apache.commons.collections4.multiset.HashMultiSet;
import org.apache.commons.collections4.queue.CircularFifoQueue;
import org.apache.commons.collections4.trie.PatriciaTrie;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Commons Collections the way applications use it: bags and multisets, bidirectional maps, multi-valued maps,
 * LRU, lazy, defaulted, ordered and case-insensitive maps, a circular queue, a Patricia trie, and the utility
 * classes' set algebra, partitions and iterator helpers. Every line printed is computed by the library.
 */
public final class CommonsCollections4 {
    public static void main(String[] args) {
        bagsAndMultiMaps();
        maps();
        utilities();
        System.out.println("commons-collections4: done");
    }

    private static void bagsAndMultiMaps() {
        Bag<String> bag = new HashBag<>(Arrays.asList("apple", "pear", "apple", "fig", "apple", "pear"));
        bag.remove("apple", 1);
        System.out.println("HashBag apple " + bag.getCount("apple") + " size " + bag.size() + " unique " + new TreeSet<>(bag.uniqueSet()));
        TreeBag<Integer> treeBag = new TreeBag<>(Arrays.asList(5, 1, 5, 3, 1, 5));
        System.out.println("TreeBag " + treeBag + " first " + treeBag.first() + " last " + treeBag.last());
        MultiSet<Character> letters = new HashMultiSet<>();
        for (char c : "abracadabra".toCharArray()) {
            letters.add(c);
        }
        System.out.println("MultiSet a " + letters.getCount('a') + " b " + letters.getCount('b') + " size " + letters.size());
        BidiMap<String, Integer> codes = new DualHashBidiMap<>();
        codes.put("one", 1);
        codes.put("two", 2);
        codes.put("uno", 1); // replaces "one": values are unique too
        System.out.println("DualHashBidiMap key of 1 " + codes.getKey(1) + " size " + codes.size() + " inverse " + new TreeMap<>(codes.inverseBidiMap()));
        TreeBidiMap<String, Integer> sorted = new TreeBidiMap<>(Map.of("c", 3, "a", 1, "b", 2));
        System.out.println("TreeBidiMap " + sorted + " first " + sorted.firstKey() + " next after a " + sorted.nextKey("a")
                + " inverse " + sorted.inverseBidiMap());
        MultiValuedMap<String, Integer> scores = new ArrayListValuedHashMap<>();
        scores.put("ann", 90);
        scores.put("ann", 85);
        scores.put("bob", 70);
        scores.putAll("cid", List.of(60, 65, 60));
        System.out.println("ArrayListValuedHashMap ann " + scores.get("ann") + " cid " + scores.get("cid") + " size " + scores.size()
                + " keys " + new TreeSet<>(scores.keySet()) + " contains " + scores.containsMapping("bob", 70));
        HashSetValuedHashMap<String, Integer> unique = new HashSetValuedHashMap<>();
        unique.putAll("cid", List.of(60, 65, 60));
        System.out.println("HashSetValuedHashMap cid " + new TreeSet<>(unique.get("cid")) + " size " + unique.size());
    }

    private static void maps() {
        LRUMap<String, Integer> lru = new LRUMap<>(3);
        lru.put("a", 1);
        lru.put("b", 2);
        lru.put("c", 3);
        lru.get("a");
        lru.put("d", 4);
        System.out.println("LRUMap " + lru + " full " + lru.isFull() + " oldest " + lru.firstKey());
        Map<String, List<String>> lazy = LazyMap.lazyMap(new TreeMap<>(), () -> new ArrayList<>());
        lazy.get("x").add("1");
        lazy.get("x").add("2");
        lazy.get("y").add("3");
        System.out.println("LazyMap " + lazy);
        Map<String, String> defaulted = DefaultedMap.defaultedMap(new HashMap<>(Map.of("k", "v")), "none");
        System.out.println("DefaultedMap " + defaulted.get("k") + " " + defaulted.get("missing"));
        OrderedMap<String, Integer> ordered = ListOrderedMap.listOrderedMap(new HashMap<>());
        ordered.put("zeta", 26);
        ordered.put("alpha", 1);
        ordered.put("mu", 12);
        System.out.println("ListOrderedMap " + ordered + " first " + ordered.firstKey() + " after alpha " + ordered.nextKey("alpha"));
        LinkedMap<String, Integer> linked = new LinkedMap<>();
        linked.put("p", 1);
        linked.put("q", 2);
        System.out.println("LinkedMap index of q " + linked.indexOf("q") + " get(0) " + linked.get(0));
        CaseInsensitiveMap<String, Integer> caseless = new CaseInsensitiveMap<>();
        caseless.put("Content-Type", 1);
        System.out.println("CaseInsensitiveMap " + caseless.get("CONTENT-TYPE") + " " + caseless.containsKey("content-type"));
        MultiKeyMap<String, Integer> grid = new MultiKeyMap<>();
        grid.put("row1", "col1", 11);
        grid.put("row1", "col2", 12);
        grid.put("row2", "col1", 21);
        System.out.println("MultiKeyMap " + grid.get("row1", "col2") + " " + grid.containsKey("row2", "col2") + " size " + grid.size());
        Trie<String, Integer> trie = new PatriciaTrie<>();
        for (String word : new String[] {"kiln", "kilns", "kind", "kernel", "compiler", "kilo"}) {
            trie.put(word, word.length());
        }
        System.out.println("PatriciaTrie prefix kil " + trie.prefixMap("kil") + " first " + trie.firstKey() + " last " + trie.lastKey() + " next " + trie.nextKey("kiln"));
        CircularFifoQueue<Integer> queue = new CircularFifoQueue<>(3);
        for (int i = 1; i <= 5; i++) {
            queue.add(i);
        }
        System.out.println("CircularFifoQueue " + queue + " peek " + queue.peek() + " full " + queue.isAtFullCapacity());
        System.out.println("MapUtils " + MapUtils.getIntValue(Map.of("n", 42L), "n", -1) + " " + MapUtils.invertMap(Map.of("a", 1))
                + " " + MapUtils.isEmpty(null));
    }

    private static void utilities() {
        List<Integer> a = List.of(1, 2, 2, 3, 4);
        List<Integer> b = List.of(2, 3, 3, 5);
        System.out.println("CollectionUtils union " + CollectionUtils.union(a, b) + " intersection " + CollectionUtils.intersection(a, b)
                + " disjunction " + CollectionUtils.disjunction(a, b) + " subtract " + CollectionUtils.subtract(a, b));
        System.out.println("CollectionUtils cardinality " + CollectionUtils.cardinality(2, a) + " equal "
                + CollectionUtils.isEqualCollection(List.of(1, 2), List.of(2, 1)) + " collate " + CollectionUtils.collate(List.of(1, 4, 7), List.of(2, 3, 9))
                + " permutations " + CollectionUtils.permutations(List.of("x", "y", "z")).size());
        System.out.println("ListUtils partition " + ListUtils.partition(List.of(1, 2, 3, 4, 5, 6, 7), 3)
                + " lcs " + ListUtils.longestCommonSubsequence(Arrays.asList('k', 'e', 'r', 'n', 'e', 'l'), Arrays.asList('k', 'e', 's', 't', 'r', 'e', 'l'))
                + " lcs string " + ListUtils.longestCommonSubsequence("compiler", "complier"));
        List<String> uniqueList = SetUniqueList.setUniqueList(new ArrayList<>());
        uniqueList.addAll(List.of("b", "a", "b", "c", "a"));
        System.out.println("SetUniqueList " + uniqueList);
        System.out.println("SetUtils " + SetUtils.union(sortedSet("a", "b"), sortedSet("b", "c")).toSet().size()
                + " " + new TreeSet<>(SetUtils.disjunction(sortedSet("a", "b"), sortedSet("b", "c"))));
        System.out.println("IteratorUtils " + IteratorUtils.toList(IteratorUtils.filteredIterator(List.of(1, 2, 3, 4, 5, 6).iterator(), n -> n % 2 == 0))
                + " " + IteratorUtils.toString(IteratorUtils.chainedIterator(List.of("a").iterator(), List.of("b").iterator())));
        System.out.println("IterableUtils " + IterableUtils.countMatches(List.of(1, 5, 10, 15), n -> n > 4)
                + " " + IterableUtils.toString(IterableUtils.reversedIterable(List.of(1, 2, 3))));
        System.out.println("FluentIterable " + FluentIterable.of(3, 1, 4, 1, 5, 9, 2, 6).filter(n -> n > 1).transform(n -> n * 10)
                .limit(4).toList() + " " + FluentIterable.of("x", "y").append("z").zip(List.of("1", "2", "3")).toList());
        List<String> words = new ArrayList<>(List.of("pear", "Fig", "apple", "date"));
        words.sort(ComparatorUtils.chainedComparator(ComparatorUtils.reversedComparator(
                (String x, String y) -> Integer.compare(x.length(), y.length())), String.CASE_INSENSITIVE_ORDER));
        System.out.println("ComparatorUtils " + words + " max " + ComparatorUtils.max("pear", "fig", ComparatorUtils.naturalComparator()));
    }

    private static <T> java.util.Set<T> sortedSet(T first, T second) {
        return new TreeSet<>(List.of(first, second));
    }
}
