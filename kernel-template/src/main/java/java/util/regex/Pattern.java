package java.util.regex;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A compiled regular expression: Kiln's own backtracking engine with the JDK 17 semantics of the commonly
 * used syntax (see docs/compiler.md "The class library"). Constructs it does not implement yet (Unicode
 * scripts, blocks and categories, {@code \X}, {@code \N{...}}, CANON_EQ, UNICODE_CHARACTER_CLASS) are
 * rejected with a {@link PatternSyntaxException} naming them, never matched differently.
 *
 * <p>As in the JDK, a surrogate pair in the input is one code point to {@code .}, classes and literals.
 */
public final class Pattern implements java.io.Serializable {
    private static final long serialVersionUID = 5073258162644648461L;

    public static final int UNIX_LINES = 0x01;
    public static final int CASE_INSENSITIVE = 0x02;
    public static final int COMMENTS = 0x04;
    public static final int MULTILINE = 0x08;
    public static final int LITERAL = 0x10;
    public static final int DOTALL = 0x20;
    public static final int UNICODE_CASE = 0x40;
    public static final int CANON_EQ = 0x80;
    public static final int UNICODE_CHARACTER_CLASS = 0x100;
    private static final int ALL_FLAGS = 0x1FF;

    static final int GREEDY = 0;
    static final int RELUCTANT = 1;
    static final int POSSESSIVE = 2;

    private final String pattern;
    private final int flags;
    final transient Node root;
    final transient int groupCount;
    final transient int loopSlots;
    final transient int scratchSlots;
    final transient Map<String, Integer> groupNames;

    private Pattern(String regex, int flags) {
        if ((flags & ~ALL_FLAGS) != 0) {
            throw new IllegalArgumentException("Unknown flag 0x" + Integer.toHexString(flags));
        }
        this.pattern = regex;
        this.flags = flags;
        if ((flags & CANON_EQ) != 0) {
            throw new PatternSyntaxException("Kiln does not support the CANON_EQ flag yet", regex, -1);
        }
        if ((flags & UNICODE_CHARACTER_CLASS) != 0) {
            throw new PatternSyntaxException("Kiln does not support the UNICODE_CHARACTER_CLASS flag yet", regex, -1);
        }
        Parser parser = new Parser(regex, flags);
        this.root = parser.parseAll();
        this.groupCount = parser.groupCount;
        this.loopSlots = parser.loopSlots;
        this.scratchSlots = parser.scratchSlots;
        this.groupNames = parser.groupNames;
    }

    public static Pattern compile(String regex) {
        return new Pattern(regex, 0);
    }

    public static Pattern compile(String regex, int flags) {
        return new Pattern(regex, flags);
    }

    public static boolean matches(String regex, CharSequence input) {
        return compile(regex).matcher(input).matches();
    }

    /** A pattern that matches {@code s} literally. */
    public static String quote(String s) {
        int end = s.indexOf("\\E");
        if (end < 0) {
            return "\\Q" + s + "\\E";
        }
        StringBuilder quoted = new StringBuilder(s.length() * 2).append("\\Q");
        int current = 0;
        while (end >= 0) {
            quoted.append(s, current, end).append("\\E\\\\E\\Q");
            current = end + 2;
            end = s.indexOf("\\E", current);
        }
        return quoted.append(s, current, s.length()).append("\\E").toString();
    }

    public String pattern() {
        return pattern;
    }

    public int flags() {
        return flags;
    }

    @Override
    public String toString() {
        return pattern;
    }

    public Matcher matcher(CharSequence input) {
        return new Matcher(this, input);
    }

    public Predicate<String> asPredicate() {
        return s -> matcher(s).find();
    }

    public Predicate<String> asMatchPredicate() {
        return s -> matcher(s).matches();
    }

    public String[] split(CharSequence input) {
        return split(input, 0);
    }

    /**
     * The parts between matches. A zero-width match at the start yields no leading empty part; a positive
     * limit caps the number of parts (the last holds the rest); limit 0 drops trailing empty parts.
     */
    public String[] split(CharSequence input, int limit) {
        List<String> parts = new ArrayList<>();
        Matcher matcher = matcher(input);
        int partStart = 0;
        boolean limited = limit > 0;
        while (matcher.find()) {
            if (limited && parts.size() >= limit - 1) {
                break;
            }
            if (matcher.end() == 0) {
                continue;
            }
            parts.add(input.subSequence(partStart, matcher.start()).toString());
            partStart = matcher.end();
        }
        if (partStart == 0) {
            return new String[] {input.toString()};
        }
        parts.add(input.subSequence(partStart, input.length()).toString());
        int size = parts.size();
        if (limit == 0) {
            while (size > 0 && parts.get(size - 1).isEmpty()) {
                size--;
            }
        }
        return parts.subList(0, size).toArray(new String[0]);
    }

    /** Recursive descent over the pattern text, building the node chain as it goes. */
    private static final class Parser {
        private final String regex;
        private int pos;
        private int flags;
        int groupCount;
        int loopSlots;
        int scratchSlots;
        final Map<String, Integer> groupNames = new HashMap<>();
        /** Inside {@code \Q...\E}: where the quoted text ends and where parsing resumes after it. */
        private int quoteEnd = -1;
        private int quoteResume;

        Parser(String regex, int flags) {
            this.regex = regex;
            this.flags = flags;
        }

        Node parseAll() {
            Node accept = new Node.Accept();
            if ((flags & LITERAL) != 0) {
                Chain literal = new Chain();
                for (int k = 0; k < regex.length(); k++) {
                    literal.append(new Node.CharMatch(CharPredicate.single(regex.charAt(k), flags)));
                }
                return literal.end(accept);
            }
            Chain whole = alternation();
            if (pos < regex.length()) {
                if (regex.charAt(pos) == ')') {
                    throw error("Unmatched closing ')'", pos - 1);
                }
                throw error("Unexpected character '" + regex.charAt(pos) + "'", pos);
            }
            return whole.end(accept);
        }

        private PatternSyntaxException error(String description, int index) {
            return new PatternSyntaxException(description, regex, index);
        }

        private boolean more() {
            if (!inQuote()) {
                skipComments();
            }
            return pos < regex.length();
        }

        private char peek() {
            return regex.charAt(pos);
        }

        /** With COMMENTS, whitespace and '#' to end of line are ignored between tokens. */
        private void skipComments() {
            if ((flags & COMMENTS) == 0) {
                return;
            }
            while (pos < regex.length()) {
                char c = regex.charAt(pos);
                if (c == ' ' || (c >= '\t' && c <= '\r')) {
                    pos++;
                } else if (c == '#') {
                    while (pos < regex.length() && regex.charAt(pos) != '\n') {
                        pos++;
                    }
                } else {
                    return;
                }
            }
        }

        private Chain alternation() {
            List<Chain> alternatives = new ArrayList<>();
            alternatives.add(sequence());
            while (more() && peek() == '|') {
                pos++;
                alternatives.add(sequence());
            }
            if (alternatives.size() == 1) {
                return alternatives.get(0);
            }
            // Alternatives of one char each are one class, which repeats without recursion: (?:a|b)*.
            CharPredicate anyOf = null;
            for (Chain alternative : alternatives) {
                if (alternative.singleChar == null) {
                    anyOf = null;
                    break;
                }
                anyOf = anyOf == null ? alternative.singleChar : anyOf.union(alternative.singleChar);
            }
            if (anyOf != null) {
                return Chain.of(new Node.CharMatch(anyOf), anyOf);
            }
            Node[] heads = new Node[alternatives.size()];
            Node.Join join = new Node.Join();
            for (int k = 0; k < heads.length; k++) {
                heads[k] = alternatives.get(k).end(join);
            }
            Chain chain = new Chain();
            chain.head = new Node.Alternation(heads);
            chain.tail = join;
            chain.singleChar = null;
            return chain;
        }

        private Chain sequence() {
            Chain sequence = new Chain();
            while (more()) {
                char c = peek();
                if (!inQuote() && (c == '|' || c == ')')) {
                    break;
                }
                Chain atom = atom();
                if (atom == null) {
                    continue;
                }
                sequence.append(quantified(atom));
            }
            return sequence;
        }

        /** The next atom, or null for a construct that matches nothing (an inline flag group, an empty \Q\E). */
        private Chain atom() {
            if (inQuote()) {
                return quotedChar();
            }
            char c = regex.charAt(pos++);
            switch (c) {
                case '(':
                    return group();
                case '[': {
                    CharPredicate set = characterClass();
                    return Chain.of(new Node.CharMatch(set), set);
                }
                case '.': {
                    CharPredicate dot = CharPredicate.dot(flags);
                    return Chain.of(new Node.CharMatch(dot), dot);
                }
                case '^':
                    return Chain.of(new Node.Anchor((flags & MULTILINE) != 0 ? Node.Anchor.LINE_START
                            : Node.Anchor.INPUT_START, unixLines()), null);
                case '$':
                    return Chain.of(new Node.Anchor((flags & MULTILINE) != 0 ? Node.Anchor.LINE_END
                            : Node.Anchor.END_BEFORE_TERMINATOR, unixLines()), null);
                case '{':
                    // As in the JDK, a counted quantifier with nothing before it repeats the empty string.
                    pos--;
                    return new Chain();
                case '*':
                case '+':
                case '?':
                    throw error("Dangling meta character '" + c + "'", pos - 1);
                case '\\':
                    return escape();
                default:
                    return literal(pairedWith(c));
            }
        }

        /** {@code c}, or the supplementary code point it starts together with the low surrogate at {@code pos}. */
        private int pairedWith(char c) {
            if (Character.isHighSurrogate(c) && pos < regex.length() && Character.isLowSurrogate(regex.charAt(pos))) {
                return Character.toCodePoint(c, regex.charAt(pos++));
            }
            return c;
        }

        private boolean unixLines() {
            return (flags & UNIX_LINES) != 0;
        }

        private Chain literal(int c) {
            CharPredicate single = CharPredicate.single(c, flags);
            return Chain.of(new Node.CharMatch(single), single);
        }

        private Chain escape() {
            if (pos >= regex.length()) {
                throw error("Unexpected internal error", pos);
            }
            char c = regex.charAt(pos++);
            switch (c) {
                case 'd': case 'D': case 'w': case 'W': case 's': case 'S':
                case 'h': case 'H': case 'v': case 'V': {
                    CharPredicate set = CharPredicate.predefined(c);
                    return Chain.of(new Node.CharMatch(set), set);
                }
                case 'p':
                case 'P': {
                    CharPredicate set = property(c == 'P');
                    return Chain.of(new Node.CharMatch(set), set);
                }
                case 'b':
                    return Chain.of(new Node.Anchor(Node.Anchor.WORD_BOUNDARY, false), null);
                case 'B':
                    return Chain.of(new Node.Anchor(Node.Anchor.NOT_WORD_BOUNDARY, false), null);
                case 'A':
                    return Chain.of(new Node.Anchor(Node.Anchor.INPUT_START, false), null);
                case 'z':
                    return Chain.of(new Node.Anchor(Node.Anchor.INPUT_END, false), null);
                case 'Z':
                    return Chain.of(new Node.Anchor(Node.Anchor.END_BEFORE_TERMINATOR, unixLines()), null);
                case 'G':
                    return Chain.of(new Node.Anchor(Node.Anchor.PREVIOUS_MATCH_END, false), null);
                case 'R':
                    return Chain.of(new Node.LineBreak(), null);
                case 'k':
                    return namedBackReference();
                case 'Q':
                    return quoted();
                case 'X':
                    throw error("Kiln does not support \\X (grapheme clusters) yet", pos - 1);
                case 'N':
                    throw error("Kiln does not support \\N{name} yet", pos - 1);
                default:
                    if (c >= '1' && c <= '9') {
                        return backReference(c - '0');
                    }
                    return literal(escapedChar(c));
            }
        }

        /** The char an escape outside the shorthand classes stands for; {@code c} is the char after '\'. */
        private int escapedChar(char c) {
            switch (c) {
                case 't':
                    return '\t';
                case 'n':
                    return '\n';
                case 'r':
                    return '\r';
                case 'f':
                    return '\f';
                case 'a':
                    return '\u0007';
                case 'e':
                    return '\u001B';
                case '0':
                    return octal();
                case 'x':
                    return hexEscape();
                case 'u':
                    return hexDigits(4, "Illegal Unicode escape sequence");
                case 'c':
                    if (pos >= regex.length()) {
                        throw error("Illegal control escape sequence", pos);
                    }
                    return regex.charAt(pos++) ^ 64;
                default:
                    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                        throw error("Illegal/unsupported escape sequence", pos - 1);
                    }
                    return c;
            }
        }

        private int octal() {
            int value = 0;
            int digits = 0;
            while (pos < regex.length() && digits < 3) {
                int d = regex.charAt(pos) - '0';
                if (d < 0 || d > 7 || (digits == 2 && value > 037)) {
                    break;
                }
                value = value * 8 + d;
                pos++;
                digits++;
            }
            if (digits == 0) {
                throw error("Illegal octal escape sequence", pos);
            }
            return value;
        }

        private int hexEscape() {
            if (pos < regex.length() && regex.charAt(pos) == '{') {
                int close = regex.indexOf('}', pos);
                if (close < 0 || close == pos + 1) {
                    throw error("Unclosed hexadecimal escape sequence", pos);
                }
                int value = 0;
                for (int k = pos + 1; k < close; k++) {
                    int d = Character.digit(regex.charAt(k), 16);
                    if (d < 0) {
                        throw error("Illegal hexadecimal escape sequence", k);
                    }
                    value = value * 16 + d;
                    if (value > Character.MAX_CODE_POINT) {
                        throw error("Hexadecimal codepoint is too big", k);
                    }
                }
                pos = close + 1;
                return value;
            }
            return hexDigits(2, "Illegal hexadecimal escape sequence");
        }

        private int hexDigits(int count, String description) {
            int value = 0;
            for (int k = 0; k < count; k++) {
                int d = pos < regex.length() ? Character.digit(regex.charAt(pos), 16) : -1;
                if (d < 0) {
                    throw error(description, pos);
                }
                value = value * 16 + d;
                pos++;
            }
            return value;
        }

        private CharPredicate property(boolean negated) {
            String name;
            if (pos < regex.length() && regex.charAt(pos) == '{') {
                int close = regex.indexOf('}', pos);
                if (close < 0) {
                    throw error("Unclosed character family", regex.length());
                }
                name = regex.substring(pos + 1, close);
                pos = close + 1;
            } else if (pos < regex.length()) {
                name = regex.substring(pos, pos + 1);
                pos++;
            } else {
                throw error("Illegal character family", pos);
            }
            CharPredicate set = name.startsWith("In") ? CharPredicate.block(name.substring(2)) : CharPredicate.posix(name);
            if (set == null) {
                throw error("Kiln does not support the character property \\p{" + name + "} yet", pos - 1);
            }
            // Since JDK 16 a case-insensitive \p{Lower} or \p{Upper} accepts both cases.
            if ((flags & CASE_INSENSITIVE) != 0 && (name.equals("Lower") || name.equals("Upper"))) {
                set = CharPredicate.posix("Alpha");
            }
            return negated ? set.negate() : set;
        }

        /**
         * After {@code \Q}: the quoted chars are then returned one atom at a time, so that a quantifier
         * after {@code \E} applies to the last char only, as in the JDK.
         */
        private Chain quoted() {
            int end = regex.indexOf("\\E", pos);
            quoteEnd = end < 0 ? regex.length() : end;
            quoteResume = end < 0 ? regex.length() : end + 2;
            if (pos == quoteEnd) {
                pos = quoteResume;
                quoteEnd = -1;
                return null;
            }
            return quotedChar();
        }

        private Chain quotedChar() {
            int c = pairedWith(regex.charAt(pos++));
            if (pos == quoteEnd) {
                pos = quoteResume;
                quoteEnd = -1;
            }
            return literal(c);
        }

        private boolean inQuote() {
            return pos < quoteEnd;
        }

        /** {@code \1} to {@code \9} always; more digits while the number names an existing group. */
        private Chain backReference(int group) {
            while (pos < regex.length()) {
                int d = regex.charAt(pos) - '0';
                if (d < 0 || d > 9 || group * 10 + d > groupCount) {
                    break;
                }
                group = group * 10 + d;
                pos++;
            }
            return Chain.of(new Node.BackReference(group, flags), null);
        }

        private Chain namedBackReference() {
            if (pos >= regex.length() || regex.charAt(pos) != '<') {
                throw error("\\k is not followed by '<' for named capturing group", pos);
            }
            pos++;
            String name = groupName();
            Integer group = groupNames.get(name);
            if (group == null) {
                throw error("named capturing group <" + name + "> does not exist", pos - 1);
            }
            return Chain.of(new Node.BackReference(group, flags), null);
        }

        /** A group name after '<', up to and including the closing '>'. */
        private String groupName() {
            int start = pos;
            while (pos < regex.length()) {
                char c = regex.charAt(pos);
                boolean latin = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
                if (!(latin || (pos > start && c >= '0' && c <= '9'))) {
                    break;
                }
                pos++;
            }
            if (pos == start) {
                throw error("capturing group name does not start with a Latin letter", pos);
            }
            if (pos >= regex.length() || regex.charAt(pos) != '>') {
                throw error("named capturing group is missing trailing '>'", pos);
            }
            pos++;
            return regex.substring(start, pos - 1);
        }

        /** After '(': every kind of group. Inline flags set inside a group end with it. */
        private Chain group() {
            int savedFlags = flags;
            Chain result;
            if (pos < regex.length() && regex.charAt(pos) == '?') {
                pos++;
                char kind = pos < regex.length() ? regex.charAt(pos) : '\0';
                if (kind == ':') {
                    pos++;
                    result = closeGroup(alternation());
                } else if (kind == '=' || kind == '!') {
                    pos++;
                    result = lookaround(Node.Lookaround.AHEAD, kind == '!');
                } else if (kind == '>') {
                    pos++;
                    result = lookaround(Node.Lookaround.ATOMIC, false);
                } else if (kind == '<' && pos + 1 < regex.length()
                        && (regex.charAt(pos + 1) == '=' || regex.charAt(pos + 1) == '!')) {
                    boolean negative = regex.charAt(pos + 1) == '!';
                    pos += 2;
                    result = lookaround(Node.Lookaround.BEHIND, negative);
                } else if (kind == '<') {
                    pos++;
                    String name = groupName();
                    if (groupNames.containsKey(name)) {
                        throw error("Named capturing group <" + name + "> is already defined", pos - 1);
                    }
                    groupNames.put(name, groupCount + 1);
                    result = capturing();
                } else if (kind == '$' || kind == '@') {
                    throw error("Unknown group type", pos);
                } else {
                    boolean scoped = inlineFlags();
                    if (!scoped) {
                        return null;
                    }
                    result = closeGroup(alternation());
                }
            } else {
                result = capturing();
            }
            flags = savedFlags;
            return result;
        }

        private Chain capturing() {
            int group = ++groupCount;
            Chain chain = Chain.of(new Node.GroupStart(group), null);
            Chain body = closeGroup(alternation());
            chain.append(body);
            chain.append(Chain.of(new Node.GroupEnd(group), null));
            chain.singleChar = null;
            return chain;
        }

        private Chain closeGroup(Chain body) {
            if (!more() || peek() != ')') {
                throw error("Unclosed group", regex.length());
            }
            pos++;
            return body;
        }

        private Chain lookaround(int direction, boolean negative) {
            Node.Lookaround node = new Node.Lookaround(direction, negative, scratchSlots++);
            Chain body = closeGroup(alternation());
            node.body = body.end(new Node.BodyEnd(node.slot, direction == Node.Lookaround.BEHIND));
            return Chain.of(node, null);
        }

        /**
         * Parses {@code (?idmsux-idmsux)} or the flags of {@code (?idmsux-idmsux:X)}; true when a ':' (a
         * scoped group) follows.
         */
        private boolean inlineFlags() {
            boolean on = true;
            while (pos < regex.length()) {
                char c = regex.charAt(pos++);
                int flag;
                switch (c) {
                    case 'i':
                        flag = CASE_INSENSITIVE;
                        break;
                    case 'd':
                        flag = UNIX_LINES;
                        break;
                    case 'm':
                        flag = MULTILINE;
                        break;
                    case 's':
                        flag = DOTALL;
                        break;
                    case 'u':
                        flag = UNICODE_CASE;
                        break;
                    case 'x':
                        flag = COMMENTS;
                        break;
                    case 'U':
                        throw error("Kiln does not support the UNICODE_CHARACTER_CLASS flag (?U) yet", pos - 1);
                    case '-':
                        on = false;
                        continue;
                    case ')':
                        return false;
                    case ':':
                        return true;
                    default:
                        throw error("Unknown inline modifier", pos - 1);
                }
                flags = on ? flags | flag : flags & ~flag;
            }
            throw error("Unknown inline modifier", pos);
        }

        /** Applies a quantifier that follows the atom, if any. */
        private Chain quantified(Chain atom) {
            if (inQuote() || !more()) {
                return atom;
            }
            int min;
            int max;
            char c = peek();
            if (c == '*') {
                min = 0;
                max = Integer.MAX_VALUE;
                pos++;
            } else if (c == '+') {
                min = 1;
                max = Integer.MAX_VALUE;
                pos++;
            } else if (c == '?') {
                min = 0;
                max = 1;
                pos++;
            } else if (c == '{') {
                int brace = pos;
                pos++;
                if (pos >= regex.length() || !isDigit(regex.charAt(pos))) {
                    throw error("Illegal repetition", brace);
                }
                min = number();
                max = min;
                if (pos < regex.length() && regex.charAt(pos) == ',') {
                    pos++;
                    max = pos < regex.length() && isDigit(regex.charAt(pos)) ? number() : Integer.MAX_VALUE;
                }
                if (pos >= regex.length() || regex.charAt(pos) != '}') {
                    throw error("Unclosed counted closure", pos);
                }
                if (max < min) {
                    throw error("Illegal repetition range", pos);
                }
                pos++;
            } else {
                return atom;
            }
            int kind = GREEDY;
            if (pos < regex.length() && regex.charAt(pos) == '?') {
                kind = RELUCTANT;
                pos++;
            } else if (pos < regex.length() && regex.charAt(pos) == '+') {
                kind = POSSESSIVE;
                pos++;
            }
            if (atom.singleChar != null) {
                return Chain.of(new Node.CharRepeat(atom.singleChar, min, max, kind), null);
            }
            Node.Loop loop = new Node.Loop(min, max, kind != RELUCTANT, loopSlots++);
            loop.body = atom.end(new Node.LoopTail(loop));
            if (kind != POSSESSIVE) {
                return Chain.of(loop, null);
            }
            Node.Lookaround atomic = new Node.Lookaround(Node.Lookaround.ATOMIC, false, scratchSlots++);
            loop.next = new Node.BodyEnd(atomic.slot, false);
            atomic.body = loop;
            return Chain.of(atomic, null);
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private int number() {
            long value = 0;
            while (pos < regex.length() && isDigit(regex.charAt(pos))) {
                value = value * 10 + (regex.charAt(pos++) - '0');
                if (value > Integer.MAX_VALUE) {
                    throw error("Illegal repetition range", pos - 1);
                }
            }
            return (int) value;
        }

        /**
         * After '[': a class with ranges, nested classes (union), {@code &&} (intersection) and a leading
         * '^' that negates the whole class. A ']' right after the opening is a literal.
         */
        private CharPredicate characterClass() {
            boolean negated = false;
            if (pos < regex.length() && regex.charAt(pos) == '^') {
                negated = true;
                pos++;
            }
            CharPredicate result = null;
            CharPredicate current = null;
            boolean first = true;
            while (true) {
                skipComments();
                if (pos >= regex.length()) {
                    throw error("Unclosed character class", regex.length() - 1);
                }
                char c = regex.charAt(pos);
                if (c == ']' && !first) {
                    pos++;
                    break;
                }
                first = false;
                if (c == '[') {
                    pos++;
                    CharPredicate nested = characterClass();
                    current = current == null ? nested : current.union(nested);
                    continue;
                }
                if (c == '&' && pos + 1 < regex.length() && regex.charAt(pos + 1) == '&') {
                    pos += 2;
                    result = result == null ? current : (current == null ? result : result.and(current));
                    current = null;
                    if (result == null) {
                        result = ch -> true;
                    }
                    continue;
                }
                CharPredicate item = classItem();
                current = current == null ? item : current.union(item);
            }
            CharPredicate set;
            if (result == null) {
                set = current;
            } else {
                set = current == null ? result : result.and(current);
            }
            if (set == null) {
                set = ch -> false;
            }
            return negated ? set.negate() : set;
        }

        /** One char, range or escape inside a class. */
        private CharPredicate classItem() {
            char c = regex.charAt(pos++);
            int low;
            if (c == '\\') {
                if (pos >= regex.length()) {
                    throw error("Unclosed character class", regex.length() - 1);
                }
                char e = regex.charAt(pos);
                if ("dDwWsShHvV".indexOf(e) >= 0) {
                    pos++;
                    return CharPredicate.predefined(e);
                }
                if (e == 'p' || e == 'P') {
                    pos++;
                    return property(e == 'P');
                }
                if (e == 'Q') {
                    pos++;
                    int end = regex.indexOf("\\E", pos);
                    String text = end < 0 ? regex.substring(pos) : regex.substring(pos, end);
                    pos = end < 0 ? regex.length() : end + 2;
                    CharPredicate any = ch -> false;
                    for (int k = 0; k < text.length(); k++) {
                        any = any.union(CharPredicate.single(text.charAt(k), flags));
                    }
                    return any;
                }
                pos++;
                if (e >= '1' && e <= '9' || e == 'b' || e == 'B' || e == 'A' || e == 'z' || e == 'Z' || e == 'k') {
                    throw error("Illegal/unsupported escape sequence", pos - 1);
                }
                low = escapedChar(e);
            } else {
                low = pairedWith(c);
            }
            if (pos + 1 < regex.length() && regex.charAt(pos) == '-' && regex.charAt(pos + 1) != ']') {
                pos++;
                char h = regex.charAt(pos++);
                int high;
                if (h == '[') {
                    throw error("Illegal character range", pos - 1);
                }
                if (h == '\\') {
                    if (pos >= regex.length()) {
                        throw error("Illegal character range", pos);
                    }
                    high = escapedChar(regex.charAt(pos++));
                } else {
                    high = pairedWith(h);
                }
                if (high < low) {
                    throw error("Illegal character range", pos - 1);
                }
                return CharPredicate.range(low, high, flags);
            }
            if (pos + 1 == regex.length() && regex.charAt(pos) == '-') {
                throw error("Illegal character range", pos + 1);
            }
            return CharPredicate.single(low, flags);
        }
    }

    /** A piece of the node chain under construction; {@code singleChar} is set when it is one char test. */
    private static final class Chain {
        Node head;
        Node tail;
        CharPredicate singleChar;

        static Chain of(Node node, CharPredicate singleChar) {
            Chain chain = new Chain();
            chain.head = node;
            chain.tail = node;
            chain.singleChar = singleChar;
            return chain;
        }

        void append(Chain other) {
            if (other.head == null) {
                return;
            }
            if (head == null) {
                head = other.head;
                tail = other.tail;
                singleChar = other.singleChar;
                return;
            }
            tail.next = other.head;
            tail = other.tail;
            singleChar = null;
        }

        void append(Node node) {
            append(of(node, null));
        }

        /** Terminates the chain with {@code end}; returns the first node (which is {@code end} if empty). */
        Node end(Node end) {
            if (head == null) {
                return end;
            }
            tail.next = end;
            return head;
        }
    }
}
