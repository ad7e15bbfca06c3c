package java.util.regex;

/**
 * Thrown when a regular expression is malformed, or uses syntax that Kiln's engine does not support yet
 * (then the description names the construct). {@link #getMessage} has the JDK's layout: description, "near
 * index N", the pattern, and a caret under the offending char.
 */
public class PatternSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = -3864639126226059218L;

    private final String desc;
    private final String pattern;
    private final int index;

    public PatternSyntaxException(String desc, String regex, int index) {
        this.desc = desc;
        this.pattern = regex;
        this.index = index;
    }

    public int getIndex() {
        return index;
    }

    public String getDescription() {
        return desc;
    }

    public String getPattern() {
        return pattern;
    }

    @Override
    public String getMessage() {
        StringBuilder message = new StringBuilder(desc);
        if (index >= 0) {
            message.append(" near index ").append(index);
        }
        message.append(System.lineSeparator()).append(pattern);
        if (index >= 0 && pattern != null && index < pattern.length()) {
            message.append(System.lineSeparator());
            for (int i = 0; i < index; i++) {
                message.append(' ');
            }
            message.append('^');
        }
        return message.toString();
    }
}
