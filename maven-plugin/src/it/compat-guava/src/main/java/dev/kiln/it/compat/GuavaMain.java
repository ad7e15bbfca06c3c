package dev.kiln.it.compat;

import com.google.common.base.CaseFormat;
import com.google.common.base.CharMatcher;
import com.google.common.base.Joiner;
import com.google.common.base.MoreObjects;
import com.google.common.base.Optional;
import com.google.common.base.Preconditions;
import com.google.common.base.Splitter;
import com.google.common.base.Strings;
import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import com.google.common.collect.ArrayListMultimap;
import com.google.common.collect.BiMap;
import com.google.common.collect.HashBasedTable;
import com.google.common.collect.HashBiMap;
import com.google.common.collect.HashMultiset;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.Iterables;
import com.google.common.collect.Lists;
import com.google.common.collect.ListMultimap;
import com.google.common.collect.Maps;
import com.google.common.collect.Multiset;
import com.google.common.collect.Ordering;
import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import com.google.common.collect.Sets;
import com.google.common.collect.Table;
import com.google.common.collect.TreeMultimap;
import com.google.common.collect.TreeRangeSet;
import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import com.google.common.hash.Hashing;
import com.google.common.io.BaseEncoding;
import com.google.common.math.IntMath;
import com.google.common.math.LongMath;
import com.google.common.primitives.Ints;
import com.google.common.primitives.Longs;
import com.google.common.primitives.UnsignedBytes;
import com.google.common.primitives.UnsignedInteger;

import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Guava the way applications use it: immutable collections, multimaps, multisets, bimaps, tables, ranges,
 * a loading cache with a maximum size, hashing (SHA-256, SHA-512 and MD5 through {@code java.security}'s
 * {@code MessageDigest}, Murmur3 and the others in Guava's own code) and a Bloom filter, string utilities,
 * {@code Preconditions} messages, primitives and math. Every line printed is computed by the library.
 */
public final class GuavaMain {
    public static void main(String[] args) {
        collections();
        cache();
        hashing();
        strings();
        primitivesAndMath();
        System.out.println("guava: done");
    }

    private static void collections() {
        ImmutableList<String> planets = ImmutableList.of("mercury", "venus", "earth", "mars", "jupiter");
        System.out.println("ImmutableList " + planets + " reverse " + planets.reverse() + " sub " + planets.subList(1, 3));
        ImmutableMap<String, Integer> moons = ImmutableMap.of("earth", 1, "mars", 2, "jupiter", 95);
        System.out.println("ImmutableMap " + moons + " inverse keys " + ImmutableSet.copyOf(moons.values()));
        ImmutableSortedMap<String, Integer> sorted = ImmutableSortedMap.copyOf(moons);
        System.out.println("ImmutableSortedMap " + sorted + " head " + sorted.headMap("jupiter"));
        ListMultimap<String, String> byLetter = ArrayListMultimap.create();
        for (String planet : planets) {
            byLetter.put(planet.substring(0, 1), planet);
        }
        System.out.println("ArrayListMultimap " + byLetter + " m " + byLetter.get("m") + " size " + byLetter.size());
        TreeMultimap<Integer, String> byLength = TreeMultimap.create();
        planets.forEach(p -> byLength.put(p.length(), p));
        System.out.println("TreeMultimap " + byLength + " keys " + byLength.keySet());
        Multiset<Character> letters = HashMultiset.create();
        for (char c : "mississippi".toCharArray()) {
            letters.add(c);
        }
        System.out.println("HashMultiset s " + letters.count('s') + " entries " + highestCountFirst(letters));
        BiMap<String, Integer> codes = HashBiMap.create();
        codes.put("one", 1);
        codes.put("two", 2);
        System.out.println("HashBiMap inverse " + codes.inverse().get(2) + " " + codes.inverse().containsKey(1));
        Table<String, String, Integer> distances = HashBasedTable.create();
        distances.put("a", "b", 5);
        distances.put("a", "c", 9);
        distances.put("b", "c", 3);
        System.out.println("Table row a " + distances.row("a") + " column c " + distances.column("c") + " cell " + distances.get("b", "c"));
        RangeSet<Integer> ranges = TreeRangeSet.create();
        ranges.add(Range.closed(1, 10));
        ranges.add(Range.closedOpen(11, 15));
        ranges.remove(Range.open(5, 8));
        System.out.println("RangeSet " + ranges + " contains 6 " + ranges.contains(6) + " span " + ranges.span());
        System.out.println("Range " + Range.atLeast(4).intersection(Range.lessThan(9)) + " " + Range.closed(1, 3).encloses(Range.open(1, 2)));
        System.out.println("Sets " + Sets.union(ImmutableSet.of(1, 2, 3), ImmutableSet.of(3, 4))
                + " " + Sets.difference(ImmutableSet.of(1, 2, 3), ImmutableSet.of(2))
                + " powerSet " + Sets.powerSet(ImmutableSet.of("x", "y")).size()
                + " product " + Sets.cartesianProduct(ImmutableSet.of(1, 2), ImmutableSet.of("a", "b")));
        System.out.println("Lists " + Lists.partition(Lists.newArrayList(1, 2, 3, 4, 5, 6, 7), 3)
                + " " + Lists.transform(planets, String::length) + " " + Lists.charactersOf("abc"));
        Map<String, Integer> lengths = Maps.toMap(planets, String::length);
        System.out.println("Maps " + lengths + " filtered " + Maps.filterValues(lengths, v -> v > 5)
                + " unique " + Maps.uniqueIndex(planets, String::toUpperCase).keySet());
        System.out.println("Ordering " + Ordering.natural().reverse().sortedCopy(planets)
                + " greatest " + Ordering.natural().greatestOf(List.of(5, 1, 9, 3, 7), 2)
                + " byLength " + Ordering.natural().onResultOf(String::length).compound(Ordering.natural()).sortedCopy(planets));
        System.out.println("Iterables " + Iterables.getLast(planets) + " " + Iterables.frequency(List.of(1, 2, 1), 1)
                + " " + Iterables.toString(Iterables.concat(List.of(1), List.of(2, 3))) + " " + Iterables.cycle(1, 2).iterator().next());
    }

    private static String highestCountFirst(Multiset<Character> set) {
        return com.google.common.collect.Multisets.copyHighestCountFirst(set).entrySet().toString();
    }

    private static void cache() {
        AtomicInteger loads = new AtomicInteger();
        LoadingCache<Integer, String> squares = CacheBuilder.newBuilder()
                .maximumSize(3)
                .recordStats()
                .build(new CacheLoader<Integer, String>() {
                    @Override
                    public String load(Integer key) {
                        loads.incrementAndGet();
                        return key + "^2=" + key * key;
                    }
                });
        for (int key : new int[] {1, 2, 1, 3, 4, 1, 5, 2}) {
            squares.getUnchecked(key);
        }
        System.out.println("LoadingCache loads " + loads + " size " + squares.size() + " hits " + squares.stats().hitCount()
                + " misses " + squares.stats().missCount() + " evictions " + squares.stats().evictionCount());
        System.out.println("LoadingCache get " + squares.getUnchecked(7) + " present " + squares.getIfPresent(7)
                + " absent " + squares.getIfPresent(100));
        squares.invalidateAll();
        System.out.println("LoadingCache after invalidateAll " + squares.size());
    }

    private static void hashing() {
        byte[] data = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);
        System.out.println("sha256 " + Hashing.sha256().hashBytes(data));
        System.out.println("sha512 " + Hashing.sha512().hashString("kiln", StandardCharsets.UTF_8));
        System.out.println("md5 " + Hashing.md5().newHasher().putInt(42).putString("x", StandardCharsets.UTF_8).hash());
        System.out.println("murmur3_32 " + Hashing.murmur3_32_fixed().hashBytes(data));
        System.out.println("murmur3_128 " + Hashing.murmur3_128().hashString("kiln", StandardCharsets.UTF_8));
        System.out.println("sipHash24 " + Hashing.sipHash24().hashLong(42L));
        System.out.println("crc32 " + Hashing.crc32().hashBytes(data) + " adler32 " + Hashing.adler32().hashBytes(data));
        System.out.println("farmHash " + Hashing.farmHashFingerprint64().hashString("kiln", StandardCharsets.UTF_8));
        System.out.println("consistentHash " + Hashing.consistentHash(123456789L, 10) + " combined "
                + Hashing.combineOrdered(List.of(Hashing.murmur3_32_fixed().hashInt(1), Hashing.murmur3_32_fixed().hashInt(2))));
        BloomFilter<Integer> filter = BloomFilter.create(Funnels.integerFunnel(), 1000, 0.01);
        for (int i = 0; i < 1000; i += 2) {
            filter.put(i);
        }
        int falsePositives = 0;
        for (int i = 1; i < 1000; i += 2) {
            if (filter.mightContain(i)) {
                falsePositives++;
            }
        }
        System.out.println("BloomFilter contains 500 " + filter.mightContain(500) + " false positives " + falsePositives
                + " approximate count " + filter.approximateElementCount());
        System.out.println("BaseEncoding " + BaseEncoding.base64().encode(data).substring(0, 24)
                + " " + BaseEncoding.base16().lowerCase().encode(new byte[] {1, 127, -1})
                + " " + BaseEncoding.base32().encode("hi".getBytes(StandardCharsets.UTF_8)));
    }

    private static void strings() {
        System.out.println("Joiner " + Joiner.on(", ").skipNulls().join("a", null, "b", "c")
                + " " + Joiner.on('&').withKeyValueSeparator('=').join(ImmutableMap.of("x", 1, "y", 2)));
        System.out.println("Splitter " + Splitter.on(',').trimResults().omitEmptyStrings().splitToList(" a, b,,c ,")
                + " " + Splitter.on('&').withKeyValueSeparator('=').split("k=v&n=1")
                + " " + Splitter.fixedLength(3).splitToList("abcdefgh"));
        System.out.println("CharMatcher " + CharMatcher.inRange('0', '9').retainFrom("a1b2c3")
                + " " + CharMatcher.whitespace().collapseFrom("  too   many  spaces ", ' ')
                + " " + CharMatcher.anyOf("aeiou").removeFrom("education") + " " + CharMatcher.is('x').countIn("xxyx"));
        System.out.println("CaseFormat " + CaseFormat.UPPER_UNDERSCORE.to(CaseFormat.LOWER_CAMEL, "MAX_HEAP_SIZE")
                + " " + CaseFormat.LOWER_CAMEL.to(CaseFormat.LOWER_HYPHEN, "bootLoaderPath"));
        System.out.println("Strings " + Strings.padStart("7", 3, '0') + " " + Strings.repeat("ab", 3)
                + " " + Strings.commonPrefix("kernel", "kerning") + " " + Strings.isNullOrEmpty("") + " " + Strings.lenientFormat("%s of %s", 1));
        System.out.println("MoreObjects " + MoreObjects.toStringHelper("Point").add("x", 1).add("y", 2).omitNullValues().add("z", null));
        System.out.println("Optional " + Optional.fromNullable(null).or("fallback") + " " + Optional.of(5).transform(v -> v * 2));
        try {
            Preconditions.checkArgument(false, "bad value %s at %s", 42, "offset");
        } catch (IllegalArgumentException expected) {
            System.out.println("Preconditions " + expected.getMessage());
        }
        try {
            Preconditions.checkNotNull(null, "%s must not be null (%s)", "config", 7);
        } catch (NullPointerException expected) {
            System.out.println("Preconditions " + expected.getMessage());
        }
        try {
            Preconditions.checkState(false, "state %s", ImmutableList.of(1, 2));
        } catch (IllegalStateException expected) {
            System.out.println("Preconditions " + expected.getMessage());
        }
        try {
            Preconditions.checkElementIndex(5, 3);
        } catch (IndexOutOfBoundsException expected) {
            System.out.println("Preconditions " + expected.getMessage());
        }
    }

    private static void primitivesAndMath() {
        int[] values = {5, 3, 9, 1};
        System.out.println("Ints " + Ints.join("-", values) + " max " + Ints.max(values) + " contains " + Ints.contains(values, 9)
                + " asList " + Ints.asList(values) + " tryParse " + Ints.tryParse("12x") + " " + Ints.tryParse("-77"));
        System.out.println("Longs " + Longs.fromByteArray(Longs.toByteArray(0x0102030405060708L)) + " " + Longs.compare(1, 2));
        System.out.println("UnsignedBytes " + UnsignedBytes.toInt((byte) -1) + " " + UnsignedBytes.lexicographicalComparator()
                .compare(new byte[] {1, (byte) 200}, new byte[] {1, 100}) + " " + UnsignedInteger.fromIntBits(-1));
        System.out.println("IntMath " + IntMath.log2(1000, RoundingMode.CEILING) + " " + IntMath.sqrt(99, RoundingMode.FLOOR)
                + " " + IntMath.binomial(20, 7) + " " + IntMath.isPrime(7919) + " " + IntMath.checkedAdd(1, 2));
        System.out.println("LongMath " + LongMath.factorial(20) + " " + LongMath.gcd(1071, 462) + " " + LongMath.pow(3, 30));
        try {
            IntMath.checkedMultiply(1 << 20, 1 << 12);
        } catch (ArithmeticException expected) {
            System.out.println("IntMath overflow " + expected.getMessage());
        }
    }
}
