package java.util.regex;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Matches one {@link Pattern} against one input: {@link #matches}, {@link #lookingAt} and successive
 * {@link #find}s, the groups of the last match, and replacement with {@code $n}, {@code ${name}} and
 * {@code \} escapes. Not thread-safe, like the JDK's.
 */
public final class Matcher implements MatchResult {
    private Pattern pattern;
    CharSequence text;
    /** The region: matching sees only [from, to). */
    int from;
    int to;
    boolean anchoringBounds = true;
    boolean transparentBounds;
    /** Start and end of group g at [2g] and [2g+1]; -1 when the group did not take part. */
    int[] groups;
    int[] pendingStart;
    int[] loopCount;
    int[] loopStart;
    int[] scratch;
    boolean requireFullMatch;
    int matchEnd;
    /** Where {@code \G} matches: the end of the previous match, or the region start. */
    int previousMatchEnd;
    private int first = -1;
    private int last;
    private int lastAppendPosition;
    private boolean matched;
    private int modCount;

    Matcher(Pattern pattern, CharSequence text) {
        this.pattern = pattern;
        this.text = text;
        allocate();
        reset();
    }

    private void allocate() {
        groups = new int[2 * (pattern.groupCount + 1)];
        pendingStart = new int[pattern.groupCount + 1];
        loopCount = new int[pattern.loopSlots];
        loopStart = new int[pattern.loopSlots];
        scratch = new int[pattern.scratchSlots];
        clearGroups();
    }

    private void clearGroups() {
        for (int k = 0; k < groups.length; k++) {
            groups[k] = -1;
        }
    }

    public Pattern pattern() {
        return pattern;
    }

    public Matcher usePattern(Pattern newPattern) {
        if (newPattern == null) {
            throw new IllegalArgumentException("Pattern cannot be null");
        }
        pattern = newPattern;
        allocate();
        matched = false;
        modCount++;
        return this;
    }

    public Matcher reset() {
        first = -1;
        last = 0;
        previousMatchEnd = -1;
        lastAppendPosition = 0;
        from = 0;
        to = text.length();
        matched = false;
        clearGroups();
        modCount++;
        return this;
    }

    public Matcher reset(CharSequence input) {
        text = input;
        return reset();
    }

    public Matcher region(int start, int end) {
        if (start < 0 || start > end || end > text.length()) {
            throw new IndexOutOfBoundsException("start " + start + ", end " + end + ", length " + text.length());
        }
        reset();
        from = start;
        to = end;
        return this;
    }

    public int regionStart() {
        return from;
    }

    public int regionEnd() {
        return to;
    }

    public boolean hasTransparentBounds() {
        return transparentBounds;
    }

    public Matcher useTransparentBounds(boolean b) {
        transparentBounds = b;
        return this;
    }

    public boolean hasAnchoringBounds() {
        return anchoringBounds;
    }

    public Matcher useAnchoringBounds(boolean b) {
        anchoringBounds = b;
        return this;
    }

    public boolean matches() {
        return matchAt(from, true);
    }

    public boolean lookingAt() {
        return matchAt(from, false);
    }

    /** Finds the next match after the previous one (one char further if that one was empty). */
    public boolean find() {
        int start = last;
        if (start == first) {
            start++;
        }
        if (start < from) {
            start = from;
        }
        if (start > to) {
            clearGroups();
            matched = false;
            return false;
        }
        return search(start);
    }

    public boolean find(int start) {
        if (start < 0 || start > text.length()) {
            throw new IndexOutOfBoundsException("Illegal start index");
        }
        reset();
        return search(start);
    }

    private boolean search(int start) {
        for (int s = start; s <= to; s++) {
            if (matchAt(s, false)) {
                return true;
            }
        }
        return false;
    }

    private boolean matchAt(int start, boolean full) {
        clearGroups();
        previousMatchEnd = previousMatchEnd < 0 ? from : previousMatchEnd;
        requireFullMatch = full;
        matched = pattern.root.match(this, start);
        if (matched) {
            groups[0] = start;
            groups[1] = matchEnd;
            first = start;
            last = matchEnd;
            previousMatchEnd = matchEnd;
        } else {
            first = -1;
            clearGroups();
        }
        modCount++;
        return matched;
    }

    private void checkMatch() {
        if (!matched) {
            throw new IllegalStateException("No match found");
        }
    }

    private void checkGroup(int group) {
        if (group < 0 || group > pattern.groupCount) {
            throw new IndexOutOfBoundsException("No group " + group);
        }
    }

    private int namedGroup(String name) {
        Objects.requireNonNull(name, "Group name");
        Integer group = pattern.groupNames.get(name);
        if (group == null) {
            throw new IllegalArgumentException("No group with name <" + name + ">");
        }
        return group;
    }

    @Override
    public int start() {
        checkMatch();
        return groups[0];
    }

    @Override
    public int start(int group) {
        checkMatch();
        checkGroup(group);
        return groups[2 * group];
    }

    public int start(String name) {
        return start(namedGroup(name));
    }

    @Override
    public int end() {
        checkMatch();
        return groups[1];
    }

    @Override
    public int end(int group) {
        checkMatch();
        checkGroup(group);
        return groups[2 * group + 1];
    }

    public int end(String name) {
        return end(namedGroup(name));
    }

    @Override
    public String group() {
        return group(0);
    }

    @Override
    public String group(int group) {
        checkMatch();
        checkGroup(group);
        int start = groups[2 * group];
        return start < 0 ? null : text.subSequence(start, groups[2 * group + 1]).toString();
    }

    public String group(String name) {
        return group(namedGroup(name));
    }

    @Override
    public int groupCount() {
        return pattern.groupCount;
    }

    /** An immutable copy of the current match, unaffected by later finds. */
    public MatchResult toMatchResult() {
        return new Snapshot(matched ? text.toString() : null, matched ? groups.clone() : null, pattern.groupCount);
    }

    public Stream<MatchResult> results() {
        List<MatchResult> results = new ArrayList<>();
        while (find()) {
            results.add(toMatchResult());
        }
        return results.stream();
    }

    public static String quoteReplacement(String s) {
        if (s.indexOf('\\') < 0 && s.indexOf('$') < 0) {
            return s;
        }
        StringBuilder quoted = new StringBuilder();
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '\\' || c == '$') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.toString();
    }

    public Matcher appendReplacement(StringBuilder sb, String replacement) {
        if (!matched) {
            throw new IllegalStateException("No match available");
        }
        StringBuilder expanded = new StringBuilder();
        expandReplacement(replacement, expanded);
        sb.append(text, lastAppendPosition, start());
        sb.append(expanded);
        lastAppendPosition = end();
        return this;
    }

    /** Goes through a scratch StringBuilder, so that both overloads share one implementation. */
    public Matcher appendReplacement(StringBuffer sb, String replacement) {
        StringBuilder appended = new StringBuilder();
        appendReplacement(appended, replacement);
        sb.append(appended);
        return this;
    }

    public StringBuilder appendTail(StringBuilder sb) {
        sb.append(text, lastAppendPosition, text.length());
        return sb;
    }

    public StringBuffer appendTail(StringBuffer sb) {
        sb.append(text, lastAppendPosition, text.length());
        return sb;
    }

    public String replaceAll(String replacement) {
        reset();
        if (!find()) {
            return text.toString();
        }
        StringBuilder result = new StringBuilder();
        do {
            appendReplacement(result, replacement);
        } while (find());
        return appendTail(result).toString();
    }

    public String replaceAll(Function<MatchResult, String> replacer) {
        Objects.requireNonNull(replacer);
        reset();
        if (!find()) {
            return text.toString();
        }
        StringBuilder result = new StringBuilder();
        do {
            int expected = modCount;
            String replacement = replacer.apply(this);
            if (expected != modCount) {
                throw new java.util.ConcurrentModificationException();
            }
            appendReplacement(result, replacement);
        } while (find());
        return appendTail(result).toString();
    }

    public String replaceFirst(String replacement) {
        Objects.requireNonNull(replacement, "replacement");
        reset();
        if (!find()) {
            return text.toString();
        }
        StringBuilder result = new StringBuilder();
        appendReplacement(result, replacement);
        return appendTail(result).toString();
    }

    public String replaceFirst(Function<MatchResult, String> replacer) {
        Objects.requireNonNull(replacer);
        reset();
        if (!find()) {
            return text.toString();
        }
        StringBuilder result = new StringBuilder();
        appendReplacement(result, replacer.apply(this));
        return appendTail(result).toString();
    }

    /** {@code $n} takes further digits while they still name a group; {@code \c} is {@code c}. */
    private void expandReplacement(String replacement, StringBuilder out) {
        int k = 0;
        while (k < replacement.length()) {
            char c = replacement.charAt(k);
            if (c == '\\') {
                k++;
                if (k == replacement.length()) {
                    throw new IllegalArgumentException("character to be escaped is missing");
                }
                out.append(replacement.charAt(k++));
            } else if (c == '$') {
                k++;
                if (k == replacement.length()) {
                    throw new IllegalArgumentException("Illegal group reference: group index is missing");
                }
                int group;
                if (replacement.charAt(k) == '{') {
                    int close = replacement.indexOf('}', k);
                    String name = close < 0 ? "" : replacement.substring(k + 1, close);
                    if (close < 0 || !validGroupName(name)) {
                        throw new IllegalArgumentException(close < 0 ? "named capturing group is missing trailing '}'"
                                : "named capturing group has 0 length name");
                    }
                    Integer named = pattern.groupNames.get(name);
                    if (named == null) {
                        throw new IllegalArgumentException("No group with name {" + name + "}");
                    }
                    group = named;
                    k = close + 1;
                } else {
                    group = replacement.charAt(k) - '0';
                    if (group < 0 || group > 9) {
                        throw new IllegalArgumentException("Illegal group reference");
                    }
                    k++;
                    while (k < replacement.length()) {
                        int digit = replacement.charAt(k) - '0';
                        if (digit < 0 || digit > 9 || group * 10 + digit > pattern.groupCount) {
                            break;
                        }
                        group = group * 10 + digit;
                        k++;
                    }
                }
                String captured = group(group);
                if (captured != null) {
                    out.append(captured);
                }
            } else {
                out.append(c);
                k++;
            }
        }
    }

    private static boolean validGroupName(String name) {
        return !name.isEmpty();
    }

    @Override
    public String toString() {
        return "java.util.regex.Matcher[pattern=" + pattern + " region=" + from + "," + to + " lastmatch="
                + (matched ? text.subSequence(groups[0], groups[1]) : "") + "]";
    }

    private static final class Snapshot implements MatchResult {
        private final String text;
        private final int[] groups;
        private final int groupCount;

        Snapshot(String text, int[] groups, int groupCount) {
            this.text = text;
            this.groups = groups;
            this.groupCount = groupCount;
        }

        private void check(int group) {
            if (groups == null) {
                throw new IllegalStateException("No match found");
            }
            if (group < 0 || group > groupCount) {
                throw new IndexOutOfBoundsException("No group " + group);
            }
        }

        @Override
        public int start() {
            return start(0);
        }

        @Override
        public int start(int group) {
            check(group);
            return groups[2 * group];
        }

        @Override
        public int end() {
            return end(0);
        }

        @Override
        public int end(int group) {
            check(group);
            return groups[2 * group + 1];
        }

        @Override
        public String group() {
            return group(0);
        }

        @Override
        public String group(int group) {
            check(group);
            int start = groups[2 * group];
            return start < 0 ? null : text.substring(start, groups[2 * group + 1]);
        }

        @Override
        public int groupCount() {
            return groupCount;
        }
    }
}
