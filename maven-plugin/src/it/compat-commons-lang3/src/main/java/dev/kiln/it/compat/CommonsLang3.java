package dev.kiln.it.compat;

import org.apache.commons.lang3.ArrayUtils;
import org.apache.commons.lang3.BooleanUtils;
import org.apache.commons.lang3.CharSetUtils;
import org.apache.commons.lang3.ClassUtils;
import org.apache.commons.lang3.EnumUtils;
import org.apache.commons.lang3.ObjectUtils;
import org.apache.commons.lang3.Range;
import org.apache.commons.lang3.StringUtils;
import org.apache.commons.lang3.Strings;
import org.apache.commons.lang3.Validate;
import org.apache.commons.lang3.builder.CompareToBuilder;
import org.apache.commons.lang3.builder.EqualsBuilder;
import org.apache.commons.lang3.builder.HashCodeBuilder;
import org.apache.commons.lang3.builder.ToStringBuilder;
import org.apache.commons.lang3.builder.ToStringStyle;
import org.apache.commons.lang3.exception.ExceptionUtils;
import org.apache.commons.lang3.math.Fraction;
import org.apache.commons.lang3.math.NumberUtils;
import org.apache.commons.lang3.mutable.MutableInt;
import org.apache.commons.lang3.tuple.ImmutablePair;
import org.apache.commons.lang3.tuple.Pair;
import org.apache.commons.lang3.tuple.Triple;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Commons Lang the way applications use it: string helpers, arrays, builders for equals/hashCode/toString,
 * number parsing, ranges, tuples, validation and exception helpers. Every line printed is computed by the library.
 */
public final class CommonsLang3 {
    enum Planet { MERCURY, VENUS, EARTH, MARS }

    /** A value class written with the builders, as commons-lang users write them. */
    static final class Point implements Comparable<Point> {
        final int x;
        final int y;
        final String label;

        Point(int x, int y, String label) {
            this.x = x;
            this.y = y;
            this.label = label;
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof Point)) {
                return false;
            }
            Point that = (Point) other;
            return new EqualsBuilder().append(x, that.x).append(y, that.y).append(label, that.label).isEquals();
        }

        @Override
        public int hashCode() {
            return new HashCodeBuilder(17, 37).append(x).append(y).append(label).toHashCode();
        }

        @Override
        public int compareTo(Point that) {
            return new CompareToBuilder().append(x, that.x).append(y, that.y).append(label, that.label).toComparison();
        }

        @Override
        public String toString() {
            return new ToStringBuilder(this, ToStringStyle.SHORT_PREFIX_STYLE)
                    .append("x", x).append("y", y).append("label", label).toString();
        }
    }

    public static void main(String[] args) {
        strings();
        arrays();
        builders();
        numbers();
        misc();
        System.out.println("commons-lang3: done");
    }

    private static void strings() {
        System.out.println("isBlank: " + StringUtils.isBlank("  \t") + " " + StringUtils.isNotBlank(" x "));
        System.out.println("abbreviate: " + StringUtils.abbreviate("The quick brown fox jumps over the lazy dog", 20));
        System.out.println("capitalize: " + StringUtils.capitalize("kiln") + " " + StringUtils.uncapitalize("Kiln"));
        System.out.println("swapCase: " + StringUtils.swapCase("Hello World"));
        System.out.println("center: [" + StringUtils.center("mid", 11, '*') + "]");
        System.out.println("pad: [" + StringUtils.leftPad("42", 6, '0') + "] [" + StringUtils.rightPad("ab", 5, "xy") + "]");
        System.out.println("repeat: " + StringUtils.repeat("ab", "-", 4));
        System.out.println("join: " + StringUtils.join(Arrays.asList("a", "b", null, "d"), ", "));
        System.out.println("split: " + Arrays.toString(StringUtils.split("a,b,,c", ',')));
        System.out.println("splitPreserve: " + Arrays.toString(StringUtils.splitPreserveAllTokens("a,b,,c", ',')));
        System.out.println("splitByCamelCase: " + Arrays.toString(StringUtils.splitByCharacterTypeCamelCase("parseHTTPResponse42Now")));
        System.out.println("substringBetween: " + StringUtils.substringBetween("<a href=\"x\">link</a>", "\"", "\""));
        System.out.println("substringAfterLast: " + StringUtils.substringAfterLast("org.apache.commons.lang3", "."));
        System.out.println("difference: " + StringUtils.difference("kiln compiler", "kiln linker"));
        System.out.println("indexOfDifference: " + StringUtils.indexOfDifference("kiln compiler", "kiln linker"));
        System.out.println("commonPrefix: " + StringUtils.getCommonPrefix("interstellar", "internet", "interval"));
        System.out.println("reverse: " + StringUtils.reverse("stressed") + " " + StringUtils.reverseDelimited("a.b.c", '.'));
        System.out.println("countMatches: " + StringUtils.countMatches("banana", "an"));
        System.out.println("isNumeric: " + StringUtils.isNumeric("12345") + " " + StringUtils.isNumeric("12.3"));
        System.out.println("isAlphanumericSpace: " + StringUtils.isAlphanumericSpace("abc 123") + " " + StringUtils.isAllUpperCase("ABC"));
        System.out.println("strip: [" + StringUtils.strip("  xx yy  ") + "] [" + StringUtils.stripStart("000123", "0") + "]");
        System.out.println("deleteWhitespace: " + StringUtils.deleteWhitespace(" a b\tc\nd "));
        System.out.println("normalizeSpace: [" + StringUtils.normalizeSpace("  a   b \t c  ") + "]");
        System.out.println("wrap: " + StringUtils.wrap("core", "'") + " " + StringUtils.wrapIfMissing("/path/", '/'));
        System.out.println("defaultIfEmpty: " + StringUtils.defaultIfEmpty("", "fallback") + " " + StringUtils.defaultString(null, "none"));
        System.out.println("replaceEach: " + StringUtils.replaceEach("the cat sat on the mat",
                new String[] {"cat", "mat"}, new String[] {"dog", "rug"}));
        System.out.println("Strings.CI.equals: " + Strings.CI.equals("Kiln", "KILN") + " " + Strings.CS.contains("Kiln", "il"));
        System.out.println("Strings.CI.replace: " + Strings.CI.replace("One one ONE", "one", "1"));
        System.out.println("chop/chomp: [" + StringUtils.chop("abc") + "] [" + StringUtils.chomp("line\r\n") + "]");
        System.out.println("truncate: " + StringUtils.truncate("abcdefghij", 2, 5));
        System.out.println("ordinalIndexOf: " + StringUtils.ordinalIndexOf("aabaabaa", "ab", 2));
        System.out.println("CharSetUtils: " + CharSetUtils.squeeze("hello  wwworld", "lw ") + " " + CharSetUtils.count("hello", "l-o"));
        System.out.println("isMixedCase: " + StringUtils.isMixedCase("aBc") + " " + StringUtils.containsAny("kiln", 'x', 'n'));
    }

    private static void arrays() {
        int[] numbers = {5, 3, 9, 1};
        numbers = ArrayUtils.add(numbers, 7);
        numbers = ArrayUtils.insert(1, numbers, 100, 200);
        System.out.println("ArrayUtils.add/insert: " + Arrays.toString(numbers));
        System.out.println("ArrayUtils.remove: " + Arrays.toString(ArrayUtils.removeElement(numbers, 9)));
        System.out.println("ArrayUtils.indexOf: " + ArrayUtils.indexOf(numbers, 1) + " contains: " + ArrayUtils.contains(numbers, 42));
        int[] reversed = numbers.clone();
        ArrayUtils.reverse(reversed);
        System.out.println("ArrayUtils.reverse: " + Arrays.toString(reversed));
        ArrayUtils.shift(reversed, 2);
        System.out.println("ArrayUtils.shift: " + Arrays.toString(reversed));
        System.out.println("ArrayUtils.subarray: " + Arrays.toString(ArrayUtils.subarray(numbers, 2, 5)));
        Integer[] boxed = ArrayUtils.toObject(numbers);
        System.out.println("ArrayUtils.toObject: " + ArrayUtils.toString(boxed) + " " + boxed.getClass().getSimpleName());
        System.out.println("ArrayUtils.addAll: " + Arrays.toString(ArrayUtils.addAll(new String[] {"a"}, "b", "c")));
        System.out.println("ArrayUtils.isSorted: " + ArrayUtils.isSorted(new int[] {1, 2, 2, 5}) + " " + ArrayUtils.isSorted(numbers));
        System.out.println("ArrayUtils.nullToEmpty: " + ArrayUtils.nullToEmpty((String[]) null).length
                + " isEmpty: " + ArrayUtils.isEmpty(new long[0]));
    }

    private static void builders() {
        Point a = new Point(1, 2, "a");
        Point b = new Point(1, 2, "a");
        Point c = new Point(1, 3, "c");
        System.out.println("ToStringBuilder: " + a);
        System.out.println("EqualsBuilder: " + a.equals(b) + " " + a.equals(c));
        System.out.println("HashCodeBuilder: " + a.hashCode() + " " + (a.hashCode() == b.hashCode()));
        List<Point> points = new ArrayList<>(List.of(c, a, new Point(0, 9, "z")));
        points.sort(null);
        System.out.println("CompareToBuilder: " + points);
        System.out.println("ToStringStyle.JSON: " + new ToStringBuilder(a, ToStringStyle.JSON_STYLE)
                .append("x", a.x).append("tags", new String[] {"p", "q"}).toString().replace(Integer.toHexString(System.identityHashCode(a)), "@"));
        System.out.println("ToStringStyle.NO_CLASS_NAME: " + new ToStringBuilder(a, ToStringStyle.NO_CLASS_NAME_STYLE)
                .append("list", List.of(1, 2)).append("nothing", (Object) null).toString());
    }

    private static void numbers() {
        System.out.println("NumberUtils.toInt: " + NumberUtils.toInt("123") + " " + NumberUtils.toInt("12x", -1));
        System.out.println("NumberUtils.createNumber: " + NumberUtils.createNumber("0x1F") + " " + NumberUtils.createNumber("1.5e3")
                + " " + NumberUtils.createNumber("123456789012").getClass().getSimpleName());
        System.out.println("NumberUtils.isCreatable: " + NumberUtils.isCreatable("1e10") + " " + NumberUtils.isCreatable("abc"));
        System.out.println("NumberUtils.max: " + NumberUtils.max(3, 9, -2) + " min: " + NumberUtils.min(2.5, -1.25, 0.0));
        Fraction fraction = Fraction.getFraction(3, 4).add(Fraction.getFraction(1, 6));
        System.out.println("Fraction: " + fraction + " = " + fraction.doubleValue() + " reduced " + Fraction.getFraction(12, 16).reduce());
        System.out.println("Fraction proper: " + Fraction.getFraction("7/3").toProperString());
        MutableInt counter = new MutableInt(10);
        counter.add(5);
        counter.decrement();
        System.out.println("MutableInt: " + counter + " " + counter.getAndIncrement() + " " + counter.intValue());
        System.out.println("BooleanUtils: " + BooleanUtils.toBoolean("yes") + " " + BooleanUtils.toStringOnOff(true)
                + " " + BooleanUtils.xor(new boolean[] {true, true, false}));
    }

    private static void misc() {
        Range<Integer> range = Range.of(10, 20);
        System.out.println("Range: " + range + " contains 15: " + range.contains(15) + " fit 25: " + range.fit(25)
                + " overlaps: " + range.isOverlappedBy(Range.of(18, 30)));
        System.out.println("Range.intersection: " + range.intersectionWith(Range.of(15, 30)));
        Pair<String, Integer> pair = ImmutablePair.of("answer", 42);
        System.out.println("Pair: " + pair + " " + pair.getLeft() + " " + pair.getRight() + " " + pair.toString("%1$s=%2$s"));
        Triple<String, Integer, Boolean> triple = Triple.of("t", 3, true);
        System.out.println("Triple: " + triple);
        System.out.println("EnumUtils: " + EnumUtils.getEnum(Planet.class, "EARTH") + " " + EnumUtils.getEnumList(Planet.class)
                + " valid: " + EnumUtils.isValidEnum(Planet.class, "PLUTO"));
        System.out.println("ClassUtils: " + ClassUtils.getShortClassName(Point.class) + " " + ClassUtils.getPackageName(Point.class)
                + " " + ClassUtils.getAllInterfaces(ArrayList.class).size());
        System.out.println("ObjectUtils: " + ObjectUtils.firstNonNull(null, "first", "second") + " "
                + ObjectUtils.defaultIfNull(null, "default") + " " + ObjectUtils.allNotNull("a", null));
        try {
            Validate.isTrue(false, "value must be positive: %d", -5);
        } catch (IllegalArgumentException expected) {
            System.out.println("Validate.isTrue: " + expected.getMessage());
        }
        try {
            Validate.notBlank("  ", "name");
        } catch (IllegalArgumentException expected) {
            System.out.println("Validate.notBlank: " + expected.getMessage());
        }
        Exception root = new IllegalStateException("root cause");
        Exception wrapped = new RuntimeException("outer", new IllegalArgumentException("middle", root));
        System.out.println("ExceptionUtils.getRootCause: " + ExceptionUtils.getRootCause(wrapped).getMessage());
        System.out.println("ExceptionUtils.getThrowableCount: " + ExceptionUtils.getThrowableCount(wrapped)
                + " indexOf: " + ExceptionUtils.indexOfThrowable(wrapped, IllegalStateException.class));
        System.out.println("ExceptionUtils.getMessage: " + ExceptionUtils.getMessage(wrapped));
    }
}
