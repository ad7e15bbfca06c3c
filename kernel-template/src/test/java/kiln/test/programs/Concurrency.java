package kiln.test.programs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** java.util.concurrent.atomic and ConcurrentHashMap, single-threaded; the map's iteration order is HotSpot's. */
public class Concurrency {
    public static void main(String[] args) {
        atomics();
        concurrentHashMap();
        iterationOrder();
    }

    static void atomics() {
        AtomicInteger counter = new AtomicInteger();
        System.out.println(counter.getAndIncrement() + " " + counter.incrementAndGet() + " " + counter.addAndGet(10) + " "
                + counter.getAndAdd(-3) + " " + counter.decrementAndGet() + " " + counter.getAndDecrement() + " " + counter);
        System.out.println(counter.compareAndSet(7, 100) + " " + counter.compareAndSet(8, 100) + " " + counter.get()
                + " " + counter.updateAndGet(x -> x * 2) + " " + counter.getAndUpdate(x -> x + 1) + " "
                + counter.accumulateAndGet(5, Math::max) + " " + counter.getAndAccumulate(1000, Integer::sum) + " " + counter.intValue()
                + " " + counter.doubleValue() + " " + counter.compareAndExchange(1, 2) + " " + counter.getAndSet(-1) + " " + counter);
        AtomicLong big = new AtomicLong(Long.MAX_VALUE - 1);
        System.out.println(big.incrementAndGet() + " " + big.incrementAndGet() + " " + big.addAndGet(5) + " " + big.compareAndSet(Long.MIN_VALUE + 4, 0)
                + " " + big + " " + big.updateAndGet(x -> x - 1) + " " + big.floatValue());
        AtomicBoolean flag = new AtomicBoolean();
        System.out.println(flag + " " + flag.compareAndSet(false, true) + " " + flag.compareAndSet(false, true) + " " + flag.getAndSet(false) + " " + flag.get());
        String a = "alpha";
        AtomicReference<String> ref = new AtomicReference<>(a);
        System.out.println(ref + " " + ref.compareAndSet(new String("alpha"), "beta") + " " + ref.compareAndSet(a, "beta") + " " + ref.get()
                + " " + ref.updateAndGet(s -> s + "!") + " " + ref.getAndAccumulate("x", String::concat) + " " + ref
                + " " + new AtomicReference<>() + " " + ref.getAndSet(null) + " " + ref);
        AtomicIntegerArray array = new AtomicIntegerArray(new int[] {1, 2, 3});
        array.incrementAndGet(0);
        array.addAndGet(2, 40);
        System.out.println(array + " " + array.length() + " " + array.getAndSet(1, 9) + " " + array.compareAndSet(1, 9, 8) + " " + array
                + " " + new AtomicIntegerArray(0));
        try {
            array.get(3);
        } catch (ArrayIndexOutOfBoundsException e) {
            System.out.println(e.getMessage());
        }
        List<Runnable> tasks = new ArrayList<>();
        AtomicInteger hits = new AtomicInteger();
        for (int i = 0; i < 5; i++) {
            tasks.add(hits::incrementAndGet);
        }
        tasks.forEach(Runnable::run);
        System.out.println("hits " + hits.get());
    }

    static void concurrentHashMap() {
        ConcurrentHashMap<String, Integer> map = new ConcurrentHashMap<>();
        for (String word : "the quick brown fox jumps over the lazy dog the end".split(" ")) {
            map.merge(word, 1, Integer::sum);
        }
        System.out.println(map + " " + map.size() + " " + map.get("the") + " " + map.get("cat") + " " + map.getOrDefault("cat", -1));
        System.out.println(map.putIfAbsent("the", 99) + " " + map.putIfAbsent("cat", 1) + " " + map.computeIfAbsent("cow", String::length)
                + " " + map.computeIfAbsent("cow", k -> 0) + " " + map.computeIfPresent("dog", (k, v) -> v + 10)
                + " " + map.compute("fox", (k, v) -> null) + " " + map.containsKey("fox") + " " + map.remove("end") + " " + map.remove("lazy", 2)
                + " " + map.replace("quick", 1, 5) + " " + map.replace("brown", 7) + " " + map.mappingCount());
        System.out.println(map.keySet() + " " + map.values() + " " + map.entrySet());
        StringBuilder each = new StringBuilder();
        map.forEach((k, v) -> each.append(k).append(v));
        System.out.println(each + " " + map.containsValue(5) + " " + map.contains(42) + " " + map.hashCode() + " " + map.equals(Map.copyOf(map)));
        map.replaceAll((k, v) -> v * 100);
        map.entrySet().iterator().next().setValue(-1);
        System.out.println(map);
        map.keySet().removeIf(k -> k.startsWith("c"));
        map.values().remove(200);
        System.out.println(map + " " + map.isEmpty());
        Set<Integer> set = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 20; i += 3) {
            set.add(i * 37);
        }
        System.out.println(set + " " + set.contains(111) + " " + set.add(111) + " " + set.size());
        ConcurrentMap<String, List<Integer>> groups = new ConcurrentHashMap<>(4);
        for (int i = 0; i < 12; i++) {
            groups.computeIfAbsent(i % 3 == 0 ? "three" : i % 2 == 0 ? "even" : "odd", k -> new ArrayList<>()).add(i);
        }
        System.out.println(groups);
        map.clear();
        System.out.println(map + " " + map.size());
        try {
            map.put("k", null);
        } catch (NullPointerException e) {
            System.out.println("no null values");
        }
        try {
            map.get(null);
        } catch (NullPointerException e) {
            System.out.println("no null keys");
        }
    }

    /** Enough keys to resize several times, with colliding low bits, so that bins split as the JDK splits them. */
    static void iterationOrder() {
        ConcurrentHashMap<Integer, Integer> numbers = new ConcurrentHashMap<>();
        for (int i = 0; i < 300; i++) {
            numbers.put(i * 97 % 1000, i);
        }
        StringBuilder keys = new StringBuilder();
        for (Integer k : numbers.keySet()) {
            keys.append(k).append(' ');
        }
        System.out.println(keys.length() + " " + keys.toString().hashCode() + " " + numbers.keySet().toString().substring(0, 60));
        ConcurrentHashMap<String, String> strings = new ConcurrentHashMap<>(Map.of("a", "1", "b", "2", "c", "3"));
        for (int i = 0; i < 40; i++) {
            strings.put("key" + i * 31, "v" + i);
        }
        System.out.println(strings);
        ConcurrentHashMap<Long, String> collide = new ConcurrentHashMap<>();
        for (long i = 0; i < 12; i++) {
            collide.put(i << 32 | i, "c" + i);
            collide.put(i << 36, "d" + i);
        }
        System.out.println(collide.keySet());
    }
}
