package kiln.test.programs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;

/** java.util through the JDK's own bytecode: lists, maps, sets, deques, sorting, Arrays, Objects, Optional. */
public class UtilCollections {
    record Person(String name, int age) {}

    public static void main(String[] args) {
        lists();
        maps();
        sets();
        deques();
        sorting();
        arrays();
        objectsAndOptional();
        failures();
    }

    static void lists() {
        List<String> names = new ArrayList<>(List.of("carol", "alice", "bob"));
        names.add(1, "dave");
        names.remove("bob");
        System.out.println(names + " " + names.size() + " " + names.indexOf("alice") + " " + names.contains("bob"));
        LinkedList<Integer> linked = new LinkedList<>();
        for (int i = 0; i < 5; i++) {
            linked.addFirst(i);
            linked.addLast(i * 10);
        }
        linked.removeFirst();
        System.out.println(linked + " first=" + linked.getFirst() + " last=" + linked.peekLast());
        Iterator<Integer> it = linked.iterator();
        while (it.hasNext()) {
            if (it.next() % 20 == 0) {
                it.remove();
            }
        }
        System.out.println(linked);
        List<Integer> sub = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6)).subList(1, 4);
        System.out.println(sub + " " + sub.hashCode() + " " + List.of(2, 3, 4).equals(sub));
        List<String> unmodifiable = Collections.unmodifiableList(names);
        System.out.println(unmodifiable + " " + Collections.emptyList() + " " + Collections.singletonList(7));
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            numbers.add(i);
        }
        numbers.removeIf(n -> n % 3 != 0);
        System.out.println(numbers.size() + " " + numbers.get(numbers.size() - 1));
        StringBuilder each = new StringBuilder();
        numbers.subList(0, 5).forEach(n -> each.append(n).append(';'));
        System.out.println(each);
        System.out.println(Collections.max(numbers) + " " + Collections.min(names) + " " + Collections.frequency(List.of(1, 2, 1), 1));
        List<Integer> reversed = new ArrayList<>(List.of(1, 2, 3));
        Collections.reverse(reversed);
        System.out.println(reversed + " " + Collections.nCopies(3, "x"));
    }

    static void maps() {
        Map<String, Integer> hash = new HashMap<>();
        String text = "the quick brown fox jumps over the lazy dog the end";
        for (String word : text.split(" ")) {
            hash.merge(word, 1, Integer::sum);
        }
        System.out.println(new TreeMap<>(hash));
        System.out.println(hash.get("the") + " " + hash.getOrDefault("cat", 0) + " " + hash.containsKey("fox") + " " + hash.size());
        Map<Integer, String> many = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            many.put(i, "v" + i);
        }
        int keySum = 0;
        for (Map.Entry<Integer, String> e : many.entrySet()) {
            keySum += e.getKey();
        }
        System.out.println(many.size() + " " + keySum + " " + many.get(777) + " " + many.remove(5) + " " + many.get(5));
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            groups.computeIfAbsent(i % 3 == 0 ? "three" : i % 2 == 0 ? "even" : "odd", k -> new ArrayList<>()).add(i);
        }
        System.out.println(groups);
        TreeMap<String, Integer> tree = new TreeMap<>(Comparator.reverseOrder());
        tree.put("b", 2);
        tree.put("a", 1);
        tree.put("c", 3);
        System.out.println(tree + " " + tree.firstKey() + " " + tree.headMap("b") + " " + tree.ceilingKey("bb"));
        Map<String, Integer> fixed = Map.of("one", 1);
        System.out.println(fixed + " " + fixed.get("one") + " " + Map.entry("k", "v"));
        hash.replaceAll((k, v) -> v * 100);
        System.out.println(hash.get("the") + " " + hash.values().size());
    }

    static void sets() {
        Set<String> hash = new HashSet<>(Arrays.asList("pear", "apple", "fig", "apple"));
        System.out.println(hash.size() + " " + hash.contains("fig") + " " + new TreeSet<>(hash));
        TreeSet<Integer> tree = new TreeSet<>();
        for (int i = 20; i > 0; i -= 3) {
            tree.add(i);
        }
        System.out.println(tree + " " + tree.first() + " " + tree.last() + " " + tree.floor(10) + " " + tree.higher(11)
                + " " + tree.descendingSet() + " " + tree.subSet(5, 15));
        Set<Integer> small = Set.of(42);
        System.out.println(small + " " + small.contains(42));
    }

    static void deques() {
        Deque<Integer> deque = new ArrayDeque<>();
        for (int i = 0; i < 20; i++) {
            deque.push(i);
            deque.offerLast(-i);
        }
        System.out.println(deque.size() + " " + deque.peekFirst() + " " + deque.peekLast() + " " + deque.pop() + " " + deque.pollLast());
        ArrayDeque<String> queue = new ArrayDeque<>(List.of("x", "y"));
        queue.add("z");
        System.out.println(queue + " " + queue.poll() + " " + queue);
    }

    static void sorting() {
        List<Person> people = new ArrayList<>(List.of(new Person("Eve", 31), new Person("Bob", 25),
                new Person("Amy", 31), new Person("Dan", 19)));
        people.sort(Comparator.comparing(Person::age).thenComparing(Person::name));
        System.out.println(people);
        people.sort(Comparator.comparingInt(Person::age).reversed());
        System.out.println(people.get(0).name() + " " + people.get(3).name());
        List<String> words = new ArrayList<>(List.of("pear", "Fig", "apple", "kiwi", "banana"));
        Collections.sort(words);
        System.out.println(words);
        words.sort(Comparator.comparing(String::length).thenComparing(Comparator.reverseOrder()));
        System.out.println(words);
        words.sort(String.CASE_INSENSITIVE_ORDER);
        System.out.println(words);
        List<Integer> big = new ArrayList<>();
        int seed = 12345;
        for (int i = 0; i < 200; i++) {
            seed = seed * 1103515245 + 12345;
            big.add((seed >>> 16) % 1000);
        }
        Collections.sort(big);
        boolean ordered = true;
        for (int i = 1; i < big.size(); i++) {
            ordered &= big.get(i - 1).compareTo(big.get(i)) <= 0;
        }
        System.out.println(ordered + " " + big.get(0) + " " + big.get(199));
        Integer[] boxed = {5, 3, 9, 1};
        Arrays.sort(boxed, Collections.reverseOrder());
        System.out.println(Arrays.toString(boxed));
    }

    static void arrays() {
        int[] ints = {9, 4, 7, 1, 8, 2, 6, 3, 5, 0};
        Arrays.sort(ints);
        System.out.println(Arrays.toString(ints) + " " + Arrays.binarySearch(ints, 7));
        long[] longs = new long[4];
        Arrays.fill(longs, 7L);
        System.out.println(Arrays.toString(longs) + " " + Arrays.toString(Arrays.copyOf(ints, 3))
                + " " + Arrays.toString(Arrays.copyOfRange(ints, 7, 12)));
        String[] strings = {"b", "c", "a"};
        Arrays.sort(strings);
        String[] more = Arrays.copyOf(strings, 5);
        System.out.println(Arrays.toString(more) + " " + Arrays.asList(strings) + " " + Arrays.equals(strings, new String[] {"a", "b", "c"}));
        System.out.println(Arrays.hashCode(new int[] {1, 2, 3}) + " " + Arrays.hashCode(new Object[] {"x", 1})
                + " " + Arrays.equals(new int[] {1, 2}, new int[] {1, 2}) + " " + Arrays.equals(new char[] {'a'}, new char[] {'b'}));
        int[][] grid = {{1, 2}, {3, 4}};
        System.out.println(Arrays.deepToString(grid));
        char[] chars = "hello".toCharArray();
        Arrays.sort(chars);
        System.out.println(new String(chars) + " " + Arrays.toString(new boolean[] {true, false}) + " " + Arrays.toString((int[]) null));
    }

    static void objectsAndOptional() {
        System.out.println(Objects.equals(null, null) + " " + Objects.hash(1, "a", null) + " " + Objects.toString(null, "dflt")
                + " " + Objects.requireNonNullElse(null, "else") + " " + Objects.isNull(null) + " " + Objects.hashCode("hi"));
        Optional<String> some = Optional.of("value");
        Optional<String> none = Optional.empty();
        System.out.println(some + " " + none + " " + some.map(String::length).orElse(-1) + " " + none.orElse("nothing")
                + " " + some.filter(s -> s.startsWith("x")).isPresent() + " " + Optional.ofNullable(null).isEmpty());
        StringJoiner joiner = new StringJoiner(", ", "{", "}");
        joiner.add("a").add("b");
        joiner.setEmptyValue("EMPTY");
        System.out.println(joiner + " " + new StringJoiner("-").setEmptyValue("none") + " " + String.join("|", List.of("p", "q")));
        System.out.println(Integer.compare(3, 7) + " " + "apple".compareTo("banana") + " " + Boolean.compare(true, false)
                + " " + Character.compare('z', 'a') + " " + Long.compare(5L, 5L));
    }

    static void failures() {
        try {
            new ArrayList<Integer>().get(0);
        } catch (IndexOutOfBoundsException e) {
            System.out.println(e);
        }
        try {
            List.of(1).add(2);
        } catch (UnsupportedOperationException e) {
            System.out.println("immutable " + e.getMessage());
        }
        try {
            new ArrayDeque<Integer>().pop();
        } catch (java.util.NoSuchElementException e) {
            System.out.println(e);
        }
        try {
            Objects.requireNonNull(null, "thing must not be null");
        } catch (NullPointerException e) {
            System.out.println(e.getMessage());
        }
        try {
            Optional.empty().get();
        } catch (java.util.NoSuchElementException e) {
            System.out.println(e.getMessage());
        }
        try {
            List<Integer> list = new ArrayList<>(List.of(1, 2, 3));
            for (Integer i : list) {
                list.remove(i);
            }
        } catch (java.util.ConcurrentModificationException e) {
            System.out.println(e);
        }
        try {
            Arrays.asList(1, 2).subList(0, 5);
        } catch (IndexOutOfBoundsException e) {
            System.out.println(e);
        }
    }
}
