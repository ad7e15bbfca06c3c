package dev.kiln.compiler.verify;

/**
 * The grammar of names and descriptors (JVMS §4.2, §4.3), as the class-file checker and the verifier need it.
 * Methods answer whether a string is legal rather than throwing, so that callers can name the entry and the
 * class file in their message.
 */
public final class Descriptors {
    /** JVMS §4.4.1: an array type has at most 255 dimensions. */
    static final int MAX_ARRAY_DIMENSIONS = 255;
    /** JVMS §4.3.3: the parameters of a method take at most 255 local-variable slots, {@code this} included. */
    static final int MAX_PARAMETER_SLOTS = 255;

    private Descriptors() {
    }

    /** JVMS §4.2.2: a field or local-variable name; no '.', ';', '[' or '/'. */
    public static boolean isUnqualifiedName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.' || c == ';' || c == '[' || c == '/') {
                return false;
            }
        }
        return true;
    }

    /** JVMS §4.2.2: a method name; an unqualified name without '<' and '>', or {@code <init>}, {@code <clinit>}. */
    public static boolean isMethodName(String name) {
        if (name.equals("<init>") || name.equals("<clinit>")) {
            return true;
        }
        return isUnqualifiedName(name) && name.indexOf('<') < 0 && name.indexOf('>') < 0;
    }

    /** JVMS §4.2.1: a binary class name in internal form ({@code java/lang/Object}). */
    public static boolean isInternalClassName(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.endsWith("/") || name.contains("//")) {
            return false;
        }
        for (String part : name.split("/")) {
            if (!isUnqualifiedName(part)) {
                return false;
            }
        }
        return true;
    }

    /** What a {@code CONSTANT_Class} may name (JVMS §4.4.1): a class in internal form, or an array descriptor. */
    public static boolean isClassEntryName(String name) {
        return name.startsWith("[") ? isFieldDescriptor(name) : isInternalClassName(name);
    }

    public static boolean isFieldDescriptor(String desc) {
        return fieldTypeEnd(desc, 0) == desc.length();
    }

    /** JVMS §4.3.3, including the 255-slot limit on parameters ({@code this} counted when not static). */
    public static boolean isMethodDescriptor(String desc, boolean isStatic) {
        if (!desc.startsWith("(")) {
            return false;
        }
        int i = 1;
        int slots = isStatic ? 0 : 1;
        while (i < desc.length() && desc.charAt(i) != ')') {
            char c = desc.charAt(i);
            i = fieldTypeEnd(desc, i);
            if (i < 0) {
                return false;
            }
            slots += c == 'J' || c == 'D' ? 2 : 1;
        }
        if (i >= desc.length() || slots > MAX_PARAMETER_SLOTS) {
            return false;
        }
        i++;
        if (i >= desc.length()) {
            return false;
        }
        return desc.charAt(i) == 'V' ? i + 1 == desc.length() : fieldTypeEnd(desc, i) == desc.length();
    }

    /** Where the field type starting at {@code start} ends, or -1 when there is none. */
    static int fieldTypeEnd(String desc, int start) {
        int i = start;
        int dimensions = 0;
        while (i < desc.length() && desc.charAt(i) == '[') {
            i++;
            dimensions++;
        }
        if (i >= desc.length() || dimensions > MAX_ARRAY_DIMENSIONS) {
            return -1;
        }
        switch (desc.charAt(i)) {
            case 'B', 'C', 'D', 'F', 'I', 'J', 'S', 'Z':
                return i + 1;
            case 'L': {
                int semicolon = desc.indexOf(';', i);
                if (semicolon < 0 || !isInternalClassName(desc.substring(i + 1, semicolon))) {
                    return -1;
                }
                return semicolon + 1;
            }
            default:
                return -1;
        }
    }

    /** Local-variable slots the parameters of a legal method descriptor take. */
    static int parameterSlots(String desc) {
        int slots = 0;
        int i = 1;
        while (desc.charAt(i) != ')') {
            char c = desc.charAt(i);
            i = fieldTypeEnd(desc, i);
            slots += c == 'J' || c == 'D' ? 2 : 1;
        }
        return slots;
    }
}
