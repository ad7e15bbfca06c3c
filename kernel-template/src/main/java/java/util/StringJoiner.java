package java.util;

/**
 * Joins strings with a delimiter between them and a prefix and suffix around them. The JDK's keeps the
 * elements in an array and joins them through String internals (JavaLangAccess); Kiln's appends to one
 * StringBuilder as it goes, which gives the same strings.
 */
public final class StringJoiner {
    private final String prefix;
    private final String delimiter;
    private final String suffix;
    /** The prefix and the elements so far, with delimiters; null until the first element. */
    private StringBuilder value;
    /** What {@link #toString()} answers when there are no elements; null means prefix + suffix. */
    private String emptyValue;

    public StringJoiner(CharSequence delimiter) {
        this(delimiter, "", "");
    }

    public StringJoiner(CharSequence delimiter, CharSequence prefix, CharSequence suffix) {
        Objects.requireNonNull(prefix, "The prefix must not be null");
        Objects.requireNonNull(delimiter, "The delimiter must not be null");
        Objects.requireNonNull(suffix, "The suffix must not be null");
        this.prefix = prefix.toString();
        this.delimiter = delimiter.toString();
        this.suffix = suffix.toString();
    }

    public StringJoiner setEmptyValue(CharSequence emptyValue) {
        this.emptyValue = Objects.requireNonNull(emptyValue, "The empty value must not be null").toString();
        return this;
    }

    @Override
    public String toString() {
        if (value == null) {
            return emptyValue != null ? emptyValue : prefix + suffix;
        }
        return suffix.isEmpty() ? value.toString() : value + suffix;
    }

    public StringJoiner add(CharSequence newElement) {
        nextElement().append(newElement);
        return this;
    }

    /** Adds {@code other}'s elements, joined by its delimiter and without its prefix and suffix, as one element. */
    public StringJoiner merge(StringJoiner other) {
        Objects.requireNonNull(other);
        if (other.value != null) {
            int length = other.value.length(); // read first: other may be this
            nextElement().append(other.value, other.prefix.length(), length);
        }
        return this;
    }

    private StringBuilder nextElement() {
        if (value != null) {
            value.append(delimiter);
        } else {
            value = new StringBuilder().append(prefix);
        }
        return value;
    }

    public int length() {
        if (value == null) {
            return emptyValue != null ? emptyValue.length() : prefix.length() + suffix.length();
        }
        return value.length() + suffix.length();
    }
}
