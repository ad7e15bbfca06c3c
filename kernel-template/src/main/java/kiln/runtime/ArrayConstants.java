package kiln.runtime;

/**
 * The copy that a constant array initializer becomes (the compiler's ConstantArrayLowering, docs/compiler.md
 * "Constant array initializers"): the elements' bytes, laid out as the array holds them, are the chars of a string
 * literal in the image, and one {@code rep movsb} puts them into the fresh array.
 * <pre>
 * String literal            char[]                                   array
 * +16 char[] value  ---->   +24 chars: element bytes, two per char   +24 + firstByte: the run's elements
 * </pre>
 */
public final class ArrayConstants {
    /** {@code String.value}, the first field (docs/abi.md "Objects", "Class objects"). */
    private static final long STRING_VALUE_OFFSET = 16;

    private ArrayConstants() {
    }

    /**
     * Copies the first {@code byteCount} bytes of {@code elements}' chars to {@code array}'s elements from byte
     * {@code firstByte} on. The compiler checked at build time that they lie inside the array.
     */
    public static void copy(Object array, int firstByte, String elements, int byteCount) {
        long chars = Intrinsics.readLong(Intrinsics.addressOf(elements) + STRING_VALUE_OFFSET);
        Intrinsics.copyMemory(chars + ObjectModel.ARRAY_ELEMENTS_OFFSET,
                Intrinsics.addressOf(array) + ObjectModel.ARRAY_ELEMENTS_OFFSET + firstByte, byteCount);
    }
}
