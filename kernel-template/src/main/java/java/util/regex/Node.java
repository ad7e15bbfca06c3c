package java.util.regex;

/**
 * One step of a compiled pattern. Nodes form a chain through {@link #next}; {@code match} tries this step at
 * {@code i} and, on success, the rest of the chain, backtracking by returning false. Every node undoes the
 * matcher state it changed before it returns false, so a failed branch leaves no trace.
 *
 * <p>Recursion depth grows with the pattern, not the input, for repetitions of a single char class
 * ({@link CharRepeat} counts iteratively); repetitions of longer bodies recurse once per iteration.
 */
abstract class Node {
    Node next;

    abstract boolean match(Matcher m, int i);

    /** The end of every pattern: {@code matches} also demands that the whole region was consumed. */
    static final class Accept extends Node {
        @Override
        boolean match(Matcher m, int i) {
            if (m.requireFullMatch && i != m.to) {
                return false;
            }
            m.matchEnd = i;
            return true;
        }
    }

    /** Passes straight on; the shared continuation of alternatives and the tail of empty chains. */
    static final class Join extends Node {
        @Override
        boolean match(Matcher m, int i) {
            return next.match(m, i);
        }
    }

    /** Ends the body of a lookaround or atomic group: the body has matched, record where it ended. */
    static final class BodyEnd extends Node {
        final int slot;
        /** For lookbehind: the body must end exactly where the lookbehind stands. */
        final boolean mustEndAtTarget;

        BodyEnd(int slot, boolean mustEndAtTarget) {
            this.slot = slot;
            this.mustEndAtTarget = mustEndAtTarget;
        }

        @Override
        boolean match(Matcher m, int i) {
            if (mustEndAtTarget) {
                return i == m.scratch[slot];
            }
            m.scratch[slot] = i;
            return true;
        }
    }

    static final class CharMatch extends Node {
        final CharPredicate accepts;

        CharMatch(CharPredicate accepts) {
            this.accepts = accepts;
        }

        @Override
        boolean match(Matcher m, int i) {
            if (i >= m.to) {
                return false;
            }
            int c = codePointAt(m, i);
            return accepts.test(c) && next.match(m, i + Character.charCount(c));
        }
    }

    /** The code point at {@code i}: a surrogate pair counts only when both halves lie inside the region. */
    static int codePointAt(Matcher m, int i) {
        char c = m.text.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < m.to) {
            char low = m.text.charAt(i + 1);
            if (Character.isLowSurrogate(low)) {
                return Character.toCodePoint(c, low);
            }
        }
        return c;
    }

    /** {@code X*}, {@code X{n,m}} and friends where X is one char: counts matches in a loop, no recursion. */
    static final class CharRepeat extends Node {
        final CharPredicate accepts;
        final int min;
        final int max;
        final int kind;

        CharRepeat(CharPredicate accepts, int min, int max, int kind) {
            this.accepts = accepts;
            this.min = min;
            this.max = max;
            this.kind = kind;
        }

        @Override
        boolean match(Matcher m, int i) {
            int at = i;
            int count = 0;
            while (count < min) {
                if (at >= m.to) {
                    return false;
                }
                int c = codePointAt(m, at);
                if (!accepts.test(c)) {
                    return false;
                }
                at += Character.charCount(c);
                count++;
            }
            if (kind == Pattern.RELUCTANT) {
                while (true) {
                    if (next.match(m, at)) {
                        return true;
                    }
                    if (count >= max || at >= m.to) {
                        return false;
                    }
                    int c = codePointAt(m, at);
                    if (!accepts.test(c)) {
                        return false;
                    }
                    at += Character.charCount(c);
                    count++;
                }
            }
            int leastEnd = at;
            while (count < max && at < m.to) {
                int c = codePointAt(m, at);
                if (!accepts.test(c)) {
                    break;
                }
                at += Character.charCount(c);
                count++;
            }
            if (kind == Pattern.POSSESSIVE) {
                return next.match(m, at);
            }
            while (true) {
                if (next.match(m, at)) {
                    return true;
                }
                if (at == leastEnd) {
                    return false;
                }
                // Back off one code point: two chars when a surrogate pair ends here.
                at--;
                if (at > leastEnd && Character.isLowSurrogate(m.text.charAt(at))
                        && Character.isHighSurrogate(m.text.charAt(at - 1))) {
                    at--;
                }
            }
        }
    }

    /**
     * A repetition of a longer body (which ends in a {@link LoopTail} pointing back here). An iteration
     * that consumes nothing ends the loop once the minimum is met, so {@code (a?)*} terminates.
     */
    static final class Loop extends Node {
        Node body;
        final int min;
        final int max;
        final boolean greedy;
        final int slot;

        Loop(int min, int max, boolean greedy, int slot) {
            this.min = min;
            this.max = max;
            this.greedy = greedy;
            this.slot = slot;
        }

        @Override
        boolean match(Matcher m, int i) {
            int savedCount = m.loopCount[slot];
            int savedStart = m.loopStart[slot];
            m.loopCount[slot] = 0;
            if (iterate(m, i)) {
                return true;
            }
            m.loopCount[slot] = savedCount;
            m.loopStart[slot] = savedStart;
            return false;
        }

        boolean iterate(Matcher m, int i) {
            int count = m.loopCount[slot];
            if (count < min) {
                return enterBody(m, i, count);
            }
            if (greedy) {
                return (count < max && enterBody(m, i, count)) || next.match(m, i);
            }
            return next.match(m, i) || (count < max && enterBody(m, i, count));
        }

        private boolean enterBody(Matcher m, int i, int count) {
            int savedStart = m.loopStart[slot];
            m.loopCount[slot] = count + 1;
            m.loopStart[slot] = i;
            if (body.match(m, i)) {
                return true;
            }
            m.loopCount[slot] = count;
            m.loopStart[slot] = savedStart;
            return false;
        }
    }

    static final class LoopTail extends Node {
        final Loop loop;

        LoopTail(Loop loop) {
            this.loop = loop;
        }

        @Override
        boolean match(Matcher m, int i) {
            int slot = loop.slot;
            if (i == m.loopStart[slot] && m.loopCount[slot] > loop.min) {
                return loop.next.match(m, i);
            }
            int count = m.loopCount[slot];
            int start = m.loopStart[slot];
            if (loop.iterate(m, i)) {
                return true;
            }
            m.loopCount[slot] = count;
            m.loopStart[slot] = start;
            return false;
        }
    }

    static final class Alternation extends Node {
        final Node[] alternatives;

        Alternation(Node[] alternatives) {
            this.alternatives = alternatives;
        }

        @Override
        boolean match(Matcher m, int i) {
            for (Node alternative : alternatives) {
                if (alternative.match(m, i)) {
                    return true;
                }
            }
            return false;
        }
    }

    static final class GroupStart extends Node {
        final int group;

        GroupStart(int group) {
            this.group = group;
        }

        @Override
        boolean match(Matcher m, int i) {
            int saved = m.pendingStart[group];
            m.pendingStart[group] = i;
            if (next.match(m, i)) {
                return true;
            }
            m.pendingStart[group] = saved;
            return false;
        }
    }

    /** Publishes the group only when it closes, so a backreference inside the group sees the last full capture. */
    static final class GroupEnd extends Node {
        final int group;

        GroupEnd(int group) {
            this.group = group;
        }

        @Override
        boolean match(Matcher m, int i) {
            int[] groups = m.groups;
            int savedStart = groups[2 * group];
            int savedEnd = groups[2 * group + 1];
            groups[2 * group] = m.pendingStart[group];
            groups[2 * group + 1] = i;
            if (next.match(m, i)) {
                return true;
            }
            groups[2 * group] = savedStart;
            groups[2 * group + 1] = savedEnd;
            return false;
        }
    }

    static final class BackReference extends Node {
        final int group;
        final int flags;

        BackReference(int group, int flags) {
            this.group = group;
            this.flags = flags;
        }

        @Override
        boolean match(Matcher m, int i) {
            // A group that does not exist (yet) never matches, as in the JDK.
            int start = 2 * group < m.groups.length ? m.groups[2 * group] : -1;
            if (start < 0) {
                return false;
            }
            int length = m.groups[2 * group + 1] - start;
            if (i + length > m.to) {
                return false;
            }
            for (int k = 0; k < length; k++) {
                if (!CharPredicate.sameChar(m.text.charAt(start + k), m.text.charAt(i + k), flags)) {
                    return false;
                }
            }
            return next.match(m, i + length);
        }
    }

    /** Lookahead, lookbehind and atomic groups: the body runs to a {@link BodyEnd} and is never re-entered. */
    static final class Lookaround extends Node {
        static final int AHEAD = 0;
        static final int BEHIND = 1;
        static final int ATOMIC = 2;

        Node body;
        final int direction;
        final boolean negative;
        final int slot;

        Lookaround(int direction, boolean negative, int slot) {
            this.direction = direction;
            this.negative = negative;
            this.slot = slot;
        }

        @Override
        boolean match(Matcher m, int i) {
            int[] savedGroups = m.groups.clone();
            int savedScratch = m.scratch[slot];
            boolean found = direction == BEHIND ? bodyEndsAt(m, i) : body.match(m, i);
            int resume = direction == ATOMIC ? m.scratch[slot] : i;
            m.scratch[slot] = savedScratch;
            if (negative) {
                System.arraycopy(savedGroups, 0, m.groups, 0, savedGroups.length);
                return !found && next.match(m, i);
            }
            if (found && next.match(m, resume)) {
                return true;
            }
            System.arraycopy(savedGroups, 0, m.groups, 0, savedGroups.length);
            return false;
        }

        /** Tries every start before {@code i}, nearest first; the body must end exactly at {@code i}. */
        private boolean bodyEndsAt(Matcher m, int i) {
            int savedTo = m.to;
            int lowest = m.transparentBounds ? 0 : m.from;
            m.to = i;
            m.scratch[slot] = i;
            try {
                for (int start = i; start >= lowest; start--) {
                    if (body.match(m, start)) {
                        return true;
                    }
                }
                return false;
            } finally {
                m.to = savedTo;
            }
        }
    }

    /** {@code ^ $ \A \z \Z \b \B \G}. */
    static final class Anchor extends Node {
        static final int INPUT_START = 0;
        static final int LINE_START = 1;
        static final int INPUT_END = 2;
        static final int LINE_END = 3;
        /** {@code $} without MULTILINE and {@code \Z}: the end, or before a final line terminator. */
        static final int END_BEFORE_TERMINATOR = 4;
        static final int WORD_BOUNDARY = 5;
        static final int NOT_WORD_BOUNDARY = 6;
        static final int PREVIOUS_MATCH_END = 7;

        final int kind;
        final boolean unixLines;

        Anchor(int kind, boolean unixLines) {
            this.kind = kind;
            this.unixLines = unixLines;
        }

        @Override
        boolean match(Matcher m, int i) {
            return holds(m, i) && next.match(m, i);
        }

        private boolean holds(Matcher m, int i) {
            int start = m.anchoringBounds ? m.from : 0;
            int end = m.anchoringBounds ? m.to : m.text.length();
            CharSequence text = m.text;
            switch (kind) {
                case INPUT_START:
                    return i == start;
                case LINE_START:
                    // Like Perl, a multiline ^ never matches at the end of input, even after a terminator.
                    if (i == end) {
                        return false;
                    }
                    if (i == start) {
                        return true;
                    }
                    if (i <= 0) {
                        return false;
                    }
                    char before = text.charAt(i - 1);
                    if (!isTerminator(before)) {
                        return false;
                    }
                    return !(before == '\r' && text.charAt(i) == '\n' && !unixLines);
                case INPUT_END:
                    return i == end;
                case LINE_END:
                    if (i >= end) {
                        return true;
                    }
                    char at = text.charAt(i);
                    if (!isTerminator(at)) {
                        return false;
                    }
                    return unixLines || !(at == '\n' && i > 0 && text.charAt(i - 1) == '\r');
                case END_BEFORE_TERMINATOR:
                    if (i >= end) {
                        return true;
                    }
                    if (unixLines) {
                        return i + 1 == end && text.charAt(i) == '\n';
                    }
                    if (i + 2 == end && text.charAt(i) == '\r' && text.charAt(i + 1) == '\n') {
                        return true;
                    }
                    if (i + 1 == end && isTerminator(text.charAt(i))) {
                        return !(text.charAt(i) == '\n' && i > 0 && text.charAt(i - 1) == '\r');
                    }
                    return false;
                case WORD_BOUNDARY:
                    return atWordBoundary(m, i);
                case NOT_WORD_BOUNDARY:
                    return !atWordBoundary(m, i);
                default:
                    return i == m.previousMatchEnd;
            }
        }

        private boolean isTerminator(char c) {
            if (unixLines) {
                return c == '\n';
            }
            return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
        }

        /** JDK 17 word chars for {@code \b}: letters, digits and '_' (Character.isLetterOrDigit). */
        private static boolean atWordBoundary(Matcher m, int i) {
            int start = m.transparentBounds ? 0 : m.from;
            int end = m.transparentBounds ? m.text.length() : m.to;
            boolean wordBefore = i > start && isWordChar(m.text.charAt(i - 1));
            boolean wordAfter = i < end && isWordChar(m.text.charAt(i));
            return wordBefore != wordAfter;
        }

        private static boolean isWordChar(char c) {
            return c == '_' || Character.isLetterOrDigit(c);
        }
    }

    /** {@code \R}: "\r\n" or any one vertical line break, preferring the pair. */
    static final class LineBreak extends Node {
        @Override
        boolean match(Matcher m, int i) {
            if (i >= m.to) {
                return false;
            }
            char c = m.text.charAt(i);
            if (c == '\r' && i + 1 < m.to && m.text.charAt(i + 1) == '\n' && next.match(m, i + 2)) {
                return true;
            }
            return (c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u0085' || c == '\u2028'
                    || c == '\u2029') && next.match(m, i + 1);
        }
    }
}
