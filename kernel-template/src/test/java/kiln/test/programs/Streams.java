package kiln.test.programs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/** java.util.stream through the JDK's own bytecode: sequential pipelines, collectors, primitive streams. */
public class Streams {
    record City(String name, String country, int population) {}

    public static void main(String[] args) {
        primitive();
        objects();
        collectors();
        shortCircuits();
        parallel();
    }

    static void primitive() {
        System.out.println(IntStream.range(0, 10).sum() + " " + IntStream.rangeClosed(1, 5).map(i -> i * i).sum());
        System.out.println(Arrays.toString(IntStream.range(0, 20).filter(i -> i % 3 == 0).toArray()));
        System.out.println(IntStream.of(3, 1, 2).boxed().collect(Collectors.toList()));
        OptionalDouble average = IntStream.rangeClosed(1, 4).average();
        System.out.println(average + " " + IntStream.empty().average() + " " + IntStream.of(5, 9, 2).max().getAsInt()
                + " " + IntStream.of(5, 9, 2).summaryStatistics());
        System.out.println(LongStream.rangeClosed(1, 20).reduce(1, (a, b) -> a * b) + " " + Arrays.stream(new int[] {4, 5, 6}).count());
        System.out.println(Arrays.stream(new double[] {0.5, 1.5, 2.0}).sum() + " " + IntStream.iterate(1, i -> i * 2).limit(10).boxed().toList());
        StringBuilder each = new StringBuilder();
        IntStream.range(0, 5).forEach(i -> each.append(i).append(','));
        System.out.println(each + " " + IntStream.range(0, 100).skip(95).mapToObj(Integer::toString).collect(Collectors.joining("+")));
    }

    static void objects() {
        List<String> words = List.of("delta", "alpha", "charlie", "bravo", "echo", "alpha");
        System.out.println(words.stream().map(String::toUpperCase).filter(w -> w.length() == 5).collect(Collectors.toList()));
        System.out.println(words.stream().sorted().distinct().collect(Collectors.joining(", ", "[", "]")));
        System.out.println(words.stream().sorted(java.util.Comparator.comparing(String::length).thenComparing(Function.identity())).toList());
        System.out.println(words.stream().mapToInt(String::length).sum() + " " + words.stream().count()
                + " " + words.stream().reduce("", (a, b) -> a + b.charAt(0)));
        System.out.println(Stream.of(1, 2, 3, 4).map(i -> i * 10).reduce(Integer::sum) + " " + Stream.of("x").findFirst()
                + " " + Stream.empty().findAny());
        Optional<String> longest = words.stream().max(java.util.Comparator.comparingInt(String::length));
        System.out.println(longest.get() + " " + words.stream().min(String::compareTo).orElse("?"));
        List<Integer> flat = Stream.of(List.of(1, 2), List.of(3), List.<Integer>of()).flatMap(List::stream).collect(Collectors.toList());
        System.out.println(flat + " " + Arrays.stream(new String[] {"b", "a"}).sorted().toList()
                + " " + Stream.iterate("a", s -> s.length() < 4, s -> s + "b").toList());
        List<String> sink = new ArrayList<>();
        words.stream().skip(1).limit(3).peek(sink::add).forEach(w -> { });
        System.out.println(sink + " " + Arrays.toString(words.stream().toArray(String[]::new)));
    }

    static void collectors() {
        List<City> cities = List.of(new City("Lyon", "FR", 513), new City("Paris", "FR", 2161), new City("Bonn", "DE", 327),
                new City("Berlin", "DE", 3645), new City("Rome", "IT", 2873));
        Map<String, List<String>> byCountry = cities.stream().collect(
                Collectors.groupingBy(City::country, TreeMap::new, Collectors.mapping(City::name, Collectors.toList())));
        System.out.println(byCountry);
        Map<String, Long> counts = new TreeMap<>(cities.stream().collect(Collectors.groupingBy(City::country, Collectors.counting())));
        System.out.println(counts);
        Map<String, Integer> sums = new TreeMap<>(cities.stream().collect(Collectors.groupingBy(City::country, Collectors.summingInt(City::population))));
        System.out.println(sums + " " + cities.stream().collect(Collectors.averagingInt(City::population)));
        Map<Boolean, List<String>> big = cities.stream().collect(
                Collectors.partitioningBy(c -> c.population() > 1000, Collectors.mapping(City::name, Collectors.toList())));
        System.out.println(big);
        Map<String, Integer> byName = new TreeMap<>(cities.stream().collect(Collectors.toMap(City::name, City::population)));
        System.out.println(byName);
        Set<String> countries = new TreeSet<>(cities.stream().map(City::country).collect(Collectors.toSet()));
        System.out.println(countries + " " + cities.stream().map(City::name).collect(Collectors.joining("/")));
        System.out.println(cities.stream().collect(Collectors.summarizingInt(City::population)));
        try {
            Stream.of("a", "a").collect(Collectors.toMap(s -> s, s -> 1));
        } catch (IllegalStateException e) {
            System.out.println(e.getMessage());
        }
    }

    static void shortCircuits() {
        System.out.println(IntStream.range(0, 1000).anyMatch(i -> i == 500) + " " + Stream.of(2, 4, 6).allMatch(i -> i % 2 == 0)
                + " " + Stream.of(1, 2).noneMatch(i -> i > 5) + " " + IntStream.iterate(1, i -> i + 1).filter(i -> i % 7 == 0).findFirst());
        System.out.println(Stream.of(5, 3, 8, 1).takeWhile(i -> i > 2).toList() + " " + Stream.of(5, 3, 8, 1).dropWhile(i -> i > 2).toList());
        try {
            List.of(1, 2, 3).stream().map(i -> 10 / (i - 2)).forEach(i -> { });
        } catch (ArithmeticException e) {
            System.out.println(e);
        }
    }

    static void parallel() {
        System.out.println(IntStream.range(0, 1000).parallel().sum() + " " + List.of(1, 2, 3, 4, 5).parallelStream().map(i -> i * i).toList()
                + " " + IntStream.range(0, 100).parallel().filter(i -> i % 7 == 0).boxed().collect(Collectors.toList()));
    }
}
