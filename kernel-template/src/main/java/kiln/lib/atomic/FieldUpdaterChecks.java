package kiln.lib.atomic;

/** The checks Kiln's field updaters make on each call, with the JDK updaters' exceptions. */
final class FieldUpdaterChecks {
    private FieldUpdaterChecks() {
    }

    /** The object must be a {@code checkedClass}; null is not, so it throws ClassCastException too (as in the JDK). */
    static void checkObject(Class<?> checkedClass, Object obj) {
        if (!checkedClass.isInstance(obj)) {
            throw new ClassCastException();
        }
    }

    /** A reference updater's new value must be null or a {@code valueClass}. */
    static void checkValue(Class<?> valueClass, Object value) {
        if (value != null && !valueClass.isInstance(value)) {
            throw new ClassCastException();
        }
    }
}
