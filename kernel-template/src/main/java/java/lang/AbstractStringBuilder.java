package java.lang;

/**
 * The growable char sequence behind {@link StringBuilder} and {@link StringBuffer}, structured as in the
 * JDK: this class holds the chars and implements every operation once; the two public classes only narrow
 * the return types (apps call {@code StringBuilder.append(...)Ljava/lang/StringBuilder;} and
 * {@code StringBuffer.append(...)Ljava/lang/StringBuffer;}). Unlike the JDK's, it keeps one char[] (no
 * Latin-1 coder), like Kiln's {@link String}. Capacity rule as in the JDK (start at 16 or length + 16, grow
 * to max(needed, 2 * capacity + 2)), and the same exception messages.
 */
abstract class AbstractStringBuilder implements Appendable, CharSequence {
    char[] value;
    int count;

    AbstractStringBuilder(int capacity) {
        value = new char[capacity];
    }

    public int length() {
        return count;
    }

    public int capacity() {
        return value.length;
    }

    public void ensureCapacity(int minimumCapacity) {
        if (minimumCapacity > value.length) {
            grow(minimumCapacity);
        }
    }

    public void trimToSize() {
        if (count < value.length) {
            value = copyOf(value, count);
        }
    }

    public void setLength(int newLength) {
        if (newLength < 0) {
            throw new StringIndexOutOfBoundsException(newLength);
        }
        ensureCapacity(newLength);
        for (int i = count; i < newLength; i++) {
            value[i] = '\0';
        }
        count = newLength;
    }

    public char charAt(int index) {
        checkIndex(index);
        return value[index];
    }

    public int codePointAt(int index) {
        checkIndex(index);
        char high = value[index];
        if (Character.isHighSurrogate(high) && index + 1 < count && Character.isLowSurrogate(value[index + 1])) {
            return Character.toCodePoint(high, value[index + 1]);
        }
        return high;
    }

    public int codePointBefore(int index) {
        if (index < 1 || index > count) {
            throw new StringIndexOutOfBoundsException(index);
        }
        char low = value[index - 1];
        if (Character.isLowSurrogate(low) && index - 2 >= 0 && Character.isHighSurrogate(value[index - 2])) {
            return Character.toCodePoint(value[index - 2], low);
        }
        return low;
    }

    /** Chars minus well-formed surrogate pairs; an unpaired surrogate counts as one code point. */
    public int codePointCount(int beginIndex, int endIndex) {
        if (beginIndex < 0 || endIndex > count || beginIndex > endIndex) {
            throw new IndexOutOfBoundsException();
        }
        int codePoints = endIndex - beginIndex;
        for (int i = beginIndex; i < endIndex - 1; i++) {
            if (Character.isHighSurrogate(value[i]) && Character.isLowSurrogate(value[i + 1])) {
                codePoints--;
                i++;
            }
        }
        return codePoints;
    }

    /** Steps over whole surrogate pairs, forwards or backwards, as {@code Character.offsetByCodePoints}. */
    public int offsetByCodePoints(int index, int codePointOffset) {
        if (index < 0 || index > count) {
            throw new IndexOutOfBoundsException();
        }
        int i = index;
        for (int n = codePointOffset; n > 0; n--) {
            if (i >= count) {
                throw new IndexOutOfBoundsException();
            }
            i += Character.isHighSurrogate(value[i]) && i + 1 < count && Character.isLowSurrogate(value[i + 1]) ? 2 : 1;
        }
        for (int n = codePointOffset; n < 0; n++) {
            if (i <= 0) {
                throw new IndexOutOfBoundsException();
            }
            i -= Character.isLowSurrogate(value[i - 1]) && i - 2 >= 0 && Character.isHighSurrogate(value[i - 2]) ? 2 : 1;
        }
        return i;
    }

    public void setCharAt(int index, char ch) {
        checkIndex(index);
        value[index] = ch;
    }

    public void getChars(int srcBegin, int srcEnd, char[] dst, int dstBegin) {
        checkRange(srcBegin, srcEnd, count, true);
        checkRange(dstBegin, dstBegin + (srcEnd - srcBegin), dst.length, false);
        System.arraycopy(value, srcBegin, dst, dstBegin, srcEnd - srcBegin);
    }

    public AbstractStringBuilder append(Object obj) {
        return append(String.valueOf(obj));
    }

    public AbstractStringBuilder append(String str) {
        if (str == null) {
            str = "null";
        }
        int length = str.length();
        ensureCapacity(count + length);
        str.getChars(0, length, value, count);
        count += length;
        return this;
    }

    public AbstractStringBuilder append(StringBuffer sb) {
        return append((AbstractStringBuilder) sb);
    }

    /** Copies the chars of another builder; {@code null} appends "null", as in the JDK. */
    AbstractStringBuilder append(AbstractStringBuilder asb) {
        if (asb == null) {
            return append("null");
        }
        int length = asb.count;
        ensureCapacity(count + length);
        System.arraycopy(asb.value, 0, value, count, length);
        count += length;
        return this;
    }

    public AbstractStringBuilder append(CharSequence s) {
        if (s == null || s instanceof String) {
            return append((String) s);
        }
        return append(s, 0, s.length());
    }

    public AbstractStringBuilder append(CharSequence s, int start, int end) {
        if (s == null) {
            s = "null";
        }
        checkRange(start, end, s.length(), false);
        ensureCapacity(count + (end - start));
        for (int i = start; i < end; i++) {
            value[count++] = s.charAt(i);
        }
        return this;
    }

    public AbstractStringBuilder append(char[] str) {
        return append(str, 0, str.length);
    }

    public AbstractStringBuilder append(char[] str, int offset, int len) {
        checkRange(offset, offset + len, str.length, false);
        ensureCapacity(count + len);
        System.arraycopy(str, offset, value, count, len);
        count += len;
        return this;
    }

    public AbstractStringBuilder append(boolean b) {
        return append(b ? "true" : "false");
    }

    public AbstractStringBuilder append(char c) {
        ensureCapacity(count + 1);
        value[count++] = c;
        return this;
    }

    public AbstractStringBuilder append(int i) {
        return append(Integer.toString(i));
    }

    public AbstractStringBuilder append(long lng) {
        return append(Long.toString(lng));
    }

    public AbstractStringBuilder append(float f) {
        return append(String.valueOf(f));
    }

    public AbstractStringBuilder append(double d) {
        return append(String.valueOf(d));
    }

    public AbstractStringBuilder appendCodePoint(int codePoint) {
        return append(Character.toChars(codePoint));
    }

    public AbstractStringBuilder delete(int start, int end) {
        if (end > count) {
            end = count;
        }
        checkRange(start, end, count, true);
        System.arraycopy(value, end, value, start, count - end);
        count -= end - start;
        return this;
    }

    public AbstractStringBuilder deleteCharAt(int index) {
        checkIndex(index);
        System.arraycopy(value, index + 1, value, index, count - index - 1);
        count--;
        return this;
    }

    public AbstractStringBuilder replace(int start, int end, String str) {
        if (end > count) {
            end = count;
        }
        checkRange(start, end, count, true);
        int newCount = count + str.length() - (end - start);
        ensureCapacity(newCount);
        System.arraycopy(value, end, value, start + str.length(), count - end);
        str.getChars(0, str.length(), value, start);
        count = newCount;
        return this;
    }

    public String substring(int start) {
        return substring(start, count);
    }

    public String substring(int start, int end) {
        checkRange(start, end, count, true);
        return new String(value, start, end - start);
    }

    public CharSequence subSequence(int start, int end) {
        return substring(start, end);
    }

    public AbstractStringBuilder insert(int offset, String str) {
        checkOffset(offset);
        if (str == null) {
            str = "null";
        }
        int length = str.length();
        openGap(offset, length);
        str.getChars(0, length, value, offset);
        return this;
    }

    public AbstractStringBuilder insert(int index, char[] str, int offset, int len) {
        checkOffset(index);
        checkRange(offset, offset + len, str.length, true);
        openGap(index, len);
        System.arraycopy(str, offset, value, index, len);
        return this;
    }

    public AbstractStringBuilder insert(int offset, char[] str) {
        return insert(offset, str, 0, str.length);
    }

    public AbstractStringBuilder insert(int dstOffset, CharSequence s) {
        return insert(dstOffset, String.valueOf(s));
    }

    public AbstractStringBuilder insert(int dstOffset, CharSequence s, int start, int end) {
        checkOffset(dstOffset);
        if (s == null) {
            s = "null";
        }
        checkRange(start, end, s.length(), false);
        openGap(dstOffset, end - start);
        for (int i = start; i < end; i++) {
            value[dstOffset++] = s.charAt(i);
        }
        return this;
    }

    public AbstractStringBuilder insert(int offset, Object obj) {
        return insert(offset, String.valueOf(obj));
    }

    public AbstractStringBuilder insert(int offset, boolean b) {
        return insert(offset, String.valueOf(b));
    }

    public AbstractStringBuilder insert(int offset, char c) {
        checkOffset(offset);
        openGap(offset, 1);
        value[offset] = c;
        return this;
    }

    public AbstractStringBuilder insert(int offset, int i) {
        return insert(offset, String.valueOf(i));
    }

    public AbstractStringBuilder insert(int offset, long l) {
        return insert(offset, String.valueOf(l));
    }

    public AbstractStringBuilder insert(int offset, float f) {
        return insert(offset, String.valueOf(f));
    }

    public AbstractStringBuilder insert(int offset, double d) {
        return insert(offset, String.valueOf(d));
    }

    public int indexOf(String str) {
        return indexOf(str, 0);
    }

    public int indexOf(String str, int fromIndex) {
        return String.indexOf(value, count, str, fromIndex);
    }

    public int lastIndexOf(String str) {
        return lastIndexOf(str, count);
    }

    public int lastIndexOf(String str, int fromIndex) {
        return String.lastIndexOf(value, count, str, fromIndex);
    }

    /** Reverses chars, then puts each surrogate pair back in order, so code points survive (as in the JDK). */
    public AbstractStringBuilder reverse() {
        for (int i = 0, j = count - 1; i < j; i++, j--) {
            char c = value[i];
            value[i] = value[j];
            value[j] = c;
        }
        for (int i = 0; i < count - 1; i++) {
            if (Character.isLowSurrogate(value[i]) && Character.isHighSurrogate(value[i + 1])) {
                char low = value[i];
                value[i] = value[i + 1];
                value[i + 1] = low;
                i++;
            }
        }
        return this;
    }

    /** StringBuilder's and StringBuffer's {@code compareTo}: lexicographic by char, as in the JDK. */
    int compareTo(AbstractStringBuilder another) {
        if (this == another) {
            return 0;
        }
        char[] others = another.value;
        for (int i = 0, length = Math.min(count, another.count); i < length; i++) {
            if (value[i] != others[i]) {
                return value[i] - others[i];
            }
        }
        return count - another.count;
    }

    public abstract String toString();

    /** Makes room for {@code length} chars at {@code offset}, moving the tail right. */
    private void openGap(int offset, int length) {
        ensureCapacity(count + length);
        System.arraycopy(value, offset, value, offset + length, count - offset);
        count += length;
    }

    private void grow(int minimumCapacity) {
        int doubled = value.length * 2 + 2;
        value = copyOf(value, doubled - minimumCapacity < 0 || doubled < 0 ? minimumCapacity : doubled);
    }

    private static char[] copyOf(char[] chars, int length) {
        char[] copy = new char[length];
        System.arraycopy(chars, 0, copy, 0, Math.min(chars.length, length));
        return copy;
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= count) {
            throw new StringIndexOutOfBoundsException("index " + index + ", length " + count);
        }
    }

    private void checkOffset(int offset) {
        if (offset < 0 || offset > count) {
            throw new StringIndexOutOfBoundsException("offset " + offset + ", length " + count);
        }
    }

    private static void checkRange(int start, int end, int length, boolean stringIndex) {
        if (start < 0 || start > end || end > length) {
            String message = "start " + start + ", end " + end + ", length " + length;
            throw stringIndex ? new StringIndexOutOfBoundsException(message) : new IndexOutOfBoundsException(message);
        }
    }
}
