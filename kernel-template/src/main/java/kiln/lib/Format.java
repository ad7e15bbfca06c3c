package kiln.lib;

import java.util.IllegalFormatConversionException;
import java.util.MissingFormatArgumentException;
import java.util.UnknownFormatConversionException;

/**
 * The small Formatter behind {@code String.format} and {@code PrintStream.printf}: the JDK's java.util.Formatter
 * pulls in regular expressions, locales and BigDecimal. Specifiers are
 * {@code %[index$][flags][width][.precision]conversion} with the flags {@code - 0 + , (space)} and the conversions
 * {@code d x X o s S c b B f n %}, formatted as the JDK formats them in Locale.US. {@code %f} rounds the shortest
 * decimal form of the value half-up, as the JDK's FormattedFloatingDecimal does. Anything else throws
 * {@link UnsupportedOperationException} naming the specifier.
 */
public final class Format {
    private Format() {}

    public static String format(String format, Object... args) {
        StringBuilder out = new StringBuilder();
        int ordinary = 0;
        int i = 0;
        while (i < format.length()) {
            char ch = format.charAt(i);
            if (ch != '%') {
                out.append(ch);
                i++;
                continue;
            }
            int start = i++;
            int index = -1;
            int digitsStart = i;
            while (i < format.length() && Character.isDigit(format.charAt(i))) {
                i++;
            }
            if (i < format.length() && format.charAt(i) == '$' && i > digitsStart) {
                index = Integer.parseInt(format.substring(digitsStart, i)) - 1;
                i++;
            } else {
                i = digitsStart;
            }
            String flags = "";
            while (i < format.length() && "-0+ ,(#".indexOf(format.charAt(i)) >= 0) {
                flags += format.charAt(i++);
            }
            int width = -1;
            int widthStart = i;
            while (i < format.length() && Character.isDigit(format.charAt(i))) {
                i++;
            }
            if (i > widthStart) {
                width = Integer.parseInt(format.substring(widthStart, i));
            }
            int precision = -1;
            if (i < format.length() && format.charAt(i) == '.') {
                int precisionStart = ++i;
                while (i < format.length() && Character.isDigit(format.charAt(i))) {
                    i++;
                }
                precision = Integer.parseInt(format.substring(precisionStart, i));
            }
            if (i >= format.length()) {
                throw new UnknownFormatConversionException(format.substring(start));
            }
            char conversion = format.charAt(i++);
            String specifier = format.substring(start, i);
            if (conversion == 'n') {
                out.append('\n');
                continue;
            }
            if (conversion == '%') {
                out.append(pad("%", flags, width));
                continue;
            }
            int argument = index >= 0 ? index : ordinary++;
            if (args == null || argument >= args.length) {
                throw new MissingFormatArgumentException(specifier);
            }
            out.append(pad(convert(specifier, conversion, flags, precision, args[argument]), flags, width));
        }
        return out.toString();
    }

    private static String convert(String specifier, char conversion, String flags, int precision, Object arg) {
        switch (conversion) {
            case 's':
            case 'S': {
                String s = String.valueOf(arg);
                if (precision >= 0 && precision < s.length()) {
                    s = s.substring(0, precision);
                }
                return conversion == 'S' ? s.toUpperCase() : s;
            }
            case 'b':
            case 'B': {
                String s = String.valueOf(arg == null ? false : arg instanceof Boolean ? (Boolean) arg : true);
                return conversion == 'B' ? s.toUpperCase() : s;
            }
            case 'c':
                if (arg == null) {
                    return "null";
                }
                if (arg instanceof Character) {
                    return String.valueOf((char) (Character) arg);
                }
                if (arg instanceof Integer || arg instanceof Short || arg instanceof Byte) {
                    return String.valueOf((char) ((Number) arg).intValue());
                }
                throw new IllegalFormatConversionException(conversion, arg.getClass());
            case 'd':
                if (arg == null) {
                    return "null";
                }
                if (!(arg instanceof Integer || arg instanceof Long || arg instanceof Short || arg instanceof Byte)) {
                    throw new IllegalFormatConversionException(conversion, arg.getClass());
                }
                return signed(Long.toString(((Number) arg).longValue()), flags);
            case 'x':
            case 'X':
            case 'o': {
                if (arg == null) {
                    return "null";
                }
                long value;
                int bits;
                if (arg instanceof Integer) {
                    value = (Integer) arg;
                    bits = 32;
                } else if (arg instanceof Long) {
                    value = (Long) arg;
                    bits = 64;
                } else if (arg instanceof Short) {
                    value = (Short) arg;
                    bits = 16;
                } else if (arg instanceof Byte) {
                    value = (Byte) arg;
                    bits = 8;
                } else {
                    throw new IllegalFormatConversionException(conversion, arg.getClass());
                }
                if (bits < 64) {
                    value &= (1L << bits) - 1; // two's complement of the argument's own width, as the JDK
                }
                String digits = conversion == 'o' ? Long.toOctalString(value) : Long.toHexString(value);
                if (flags.indexOf('#') >= 0) {
                    digits = (conversion == 'o' ? "0" : "0x") + digits;
                }
                return conversion == 'X' ? digits.toUpperCase() : digits;
            }
            case 'f': {
                if (arg == null) {
                    return "null";
                }
                double value;
                if (arg instanceof Double) {
                    value = (Double) arg;
                } else if (arg instanceof Float) {
                    value = (Float) arg;
                } else {
                    throw new IllegalFormatConversionException(conversion, arg.getClass());
                }
                if (Double.isNaN(value)) {
                    return "NaN";
                }
                boolean negative = Double.compare(value, 0.0) < 0;
                String magnitude = Double.isInfinite(value) ? "Infinity" : fixed(Math.abs(value), precision < 0 ? 6 : precision);
                if (flags.indexOf(',') >= 0 && !Double.isInfinite(value)) {
                    int dot = magnitude.indexOf('.');
                    magnitude = group(dot < 0 ? magnitude : magnitude.substring(0, dot)) + (dot < 0 ? "" : magnitude.substring(dot));
                }
                return withSign(magnitude, negative, flags);
            }
            default:
                throw new UnsupportedOperationException("Kiln's String.format does not support the conversion in \""
                        + specifier + "\" yet (supported: d x X o s S c b B f n %)");
        }
    }

    /** A decimal integer's text with the sign flags applied ('+', ' ', '(', ','). */
    private static String signed(String decimal, String flags) {
        boolean negative = decimal.startsWith("-");
        String magnitude = negative ? decimal.substring(1) : decimal;
        if (flags.indexOf(',') >= 0) {
            magnitude = group(magnitude);
        }
        return withSign(magnitude, negative, flags);
    }

    private static String withSign(String magnitude, boolean negative, String flags) {
        if (negative) {
            return flags.indexOf('(') >= 0 ? "(" + magnitude + ")" : "-" + magnitude;
        }
        return flags.indexOf('+') >= 0 ? "+" + magnitude : flags.indexOf(' ') >= 0 ? " " + magnitude : magnitude;
    }

    private static String group(String digits) {
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(digits.charAt(i));
        }
        return grouped.toString();
    }

    /** Pads to {@code width}: spaces on the left, or on the right with '-', or zeros after the sign with '0'. */
    private static String pad(String text, String flags, int width) {
        if (width <= text.length()) {
            return text;
        }
        StringBuilder padded = new StringBuilder(width);
        if (flags.indexOf('-') >= 0) {
            padded.append(text);
            while (padded.length() < width) {
                padded.append(' ');
            }
            return padded.toString();
        }
        if (flags.indexOf('0') >= 0) {
            int signLength = !text.isEmpty() && "+- (".indexOf(text.charAt(0)) >= 0 ? 1 : 0;
            padded.append(text, 0, signLength);
            for (int n = text.length(); n < width; n++) {
                padded.append('0');
            }
            return padded.append(text, signLength, text.length()).toString();
        }
        for (int n = text.length(); n < width; n++) {
            padded.append(' ');
        }
        return padded.append(text).toString();
    }

    /**
     * {@code value} (finite, >= 0) with {@code precision} fraction digits: the digits of Double.toString (the
     * shortest that round-trip), rounded half-up at the precision, as the JDK's Formatter does.
     */
    private static String fixed(double value, int precision) {
        String shortest = Double.toString(value);
        int exponentAt = shortest.indexOf('E');
        int exponent = exponentAt < 0 ? 0 : Integer.parseInt(shortest.substring(exponentAt + 1));
        String mantissa = exponentAt < 0 ? shortest : shortest.substring(0, exponentAt);
        int dot = mantissa.indexOf('.');
        String digits = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        int pointAt = dot + exponent; // digits before the decimal point
        // leading zeros so that the point is inside (or at the end of) the digits
        StringBuilder all = new StringBuilder();
        while (pointAt < 1) {
            all.append('0');
            pointAt++;
        }
        all.append(digits);
        while (all.length() < pointAt + precision + 1) {
            all.append('0');
        }
        int keep = pointAt + precision;
        boolean roundUp = all.charAt(keep) >= '5';
        char[] kept = all.substring(0, keep).toCharArray();
        int carryAt = kept.length - 1;
        while (roundUp && carryAt >= 0) {
            if (kept[carryAt] == '9') {
                kept[carryAt--] = '0';
            } else {
                kept[carryAt]++;
                roundUp = false;
            }
        }
        String integral = new String(kept, 0, pointAt);
        if (roundUp) {
            integral = "1" + integral;
        }
        int firstDigit = 0;
        while (firstDigit < integral.length() - 1 && integral.charAt(firstDigit) == '0') {
            firstDigit++;
        }
        integral = integral.substring(firstDigit);
        return precision == 0 ? integral : integral + "." + new String(kept, pointAt, precision);
    }
}
