package dev.kiln.compiler.verify;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The format checks of JVMS §4.8 and the static constraints on code of §4.9.1, run on the raw bytes of a class
 * file before anything else reads it.
 *
 * <p>Why on the bytes, before ASM: ASM's {@code ClassReader} trusts its input. Given a corrupt file it throws
 * {@code ArrayIndexOutOfBoundsException} or {@code NegativeArraySizeException} with no message, or worse reads
 * on and builds a tree from garbage (a branch into the middle of an instruction becomes a label nowhere). This
 * pass reads every structure with bounds checks and answers in HotSpot's terms, so that nothing after it meets
 * a malformed class file. <i>Rejected</i>: catching ASM's exceptions and calling the file corrupt. It cannot
 * tell a corrupt file from a too-new one (the message used to be "(null)", and the advice "use --release 25"),
 * it names no method or offset, and it misses every corruption ASM happens to read without failing.
 *
 * <p>What is checked, with the error HotSpot raises for it:
 * <ul>
 * <li>{@code ClassFormatError}: magic; constant-pool tags, sizes and the kinds of entries each entry refers to
 * (§4.4); modified UTF-8 (§4.4.7); legal class, field and method names and descriptors (§4.2, §4.3) wherever
 * the class file uses them; class, inner-class, field and method access flags (§4.1, §4.5, §4.6, §4.7.6);
 * {@code this_class},
 * {@code super_class}, interfaces; duplicate fields and methods; a Code attribute exactly when the method is
 * neither abstract nor native; attribute lengths (Code, ConstantValue, Exceptions, SourceFile, InnerClasses,
 * EnclosingMethod, NestHost, NestMembers, BootstrapMethods, LineNumberTable, LocalVariableTable); exception-table
 * ranges; local-variable ranges that do not start and end at instructions (§4.7.13); trailing bytes.
 * <li>{@code UnsupportedClassVersionError}: a major version Kiln cannot read (told apart from corruption: the
 * magic must be right first); a minor version other than 0 from version 56 on (65535 marks preview features,
 * which Kiln does not compile).
 * <li>{@code NoClassDefFoundError}: the file holds a class with a different name than its path says.
 * <li>{@code VerifyError}: code length; unknown opcodes; instructions cut off by the end of the code; branch,
 * switch and exception-handler targets that are not the start of an instruction; switch operands; constant-pool
 * operands of the wrong kind; local-variable indices beyond {@code max_locals}; {@code jsr}/{@code ret} in
 * version 51+ (§4.9.1); {@code new} of an array; {@code multianewarray} dimensions; StackMapTable frames at
 * offsets that are not instructions, of reserved types, or larger than {@code max_locals}/{@code max_stack}.
 * </ul>
 * What it does not check: annotations, type-annotation and module attributes (read by nobody in Kiln), the
 * contents of generic signatures, and {@code Record}/{@code PermittedSubclasses} beyond their lengths.
 */
public final class ClassFileFormat {
    /** Java 25, the newest class files ASM 9.8 (and so Kiln) reads. */
    public static final int MAX_MAJOR_VERSION = 69;
    private static final int MIN_MAJOR_VERSION = 45;
    private static final int MAGIC = 0xCAFEBABE;

    static final String CLASS_FORMAT_ERROR = "ClassFormatError";
    static final String VERIFY_ERROR = "VerifyError";

    // Constant-pool tags, JVMS §4.4 Table 4.4-B.
    static final int UTF8 = 1, INTEGER = 3, FLOAT = 4, LONG = 5, DOUBLE = 6, CLASS = 7, STRING = 8, FIELDREF = 9,
            METHODREF = 10, INTERFACE_METHODREF = 11, NAME_AND_TYPE = 12, METHOD_HANDLE = 15, METHOD_TYPE = 16,
            DYNAMIC = 17, INVOKE_DYNAMIC = 18, MODULE = 19, PACKAGE = 20;

    // Access flags, JVMS §4.1, §4.5, §4.6.
    private static final int PUBLIC = 0x0001, PRIVATE = 0x0002, PROTECTED = 0x0004, STATIC = 0x0008, FINAL = 0x0010,
            SYNCHRONIZED = 0x0020, VOLATILE = 0x0040, BRIDGE = 0x0040, TRANSIENT = 0x0080, VARARGS = 0x0080,
            NATIVE = 0x0100, INTERFACE = 0x0200, ABSTRACT = 0x0400, STRICT = 0x0800, SYNTHETIC = 0x1000,
            ANNOTATION = 0x2000, ENUM = 0x4000, MODULE_FLAG = 0x8000;

    private final byte[] bytes;
    private final String expectedName;
    private int pos;
    private int major;
    private int[] tags;
    private int[] entryOffsets;
    private String[] utf8;
    private String className;
    private boolean isInterface;
    private String method;

    private ClassFileFormat(byte[] bytes, String expectedName) {
        this.bytes = bytes;
        this.expectedName = expectedName;
        this.className = expectedName;
    }

    /**
     * Checks the class file that should hold {@code expectedName} (internal form).
     *
     * @return the major version
     * @throws ClassFileException the first problem found
     */
    public static int check(byte[] bytes, String expectedName) throws ClassFileException {
        ClassFileFormat format = new ClassFileFormat(bytes, expectedName);
        format.checkClass();
        return format.major;
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    private ClassFileException formatError(String reason) {
        return new ClassFileException(CLASS_FORMAT_ERROR, className, method, -1, reason);
    }

    private ClassFileException verifyError(int offset, String reason) {
        return new ClassFileException(VERIFY_ERROR, className, method, offset, reason);
    }

    private void need(int count) throws ClassFileException {
        if (count < 0 || pos + count > bytes.length || pos + count < 0) {
            throw formatError("truncated class file: a structure at byte " + pos + " needs " + count
                    + " bytes, the file has " + bytes.length);
        }
    }

    private int u1() throws ClassFileException {
        need(1);
        return bytes[pos++] & 0xFF;
    }

    private int u2() throws ClassFileException {
        need(2);
        int value = ((bytes[pos] & 0xFF) << 8) | (bytes[pos + 1] & 0xFF);
        pos += 2;
        return value;
    }

    private int u4() throws ClassFileException {
        need(4);
        int value = u2At(pos) << 16 | u2At(pos + 2);
        pos += 4;
        return value;
    }

    private int u2At(int at) {
        return ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
    }

    private int s4At(int at) {
        return u2At(at) << 16 | u2At(at + 2);
    }

    // ---- the class file, JVMS §4.1 ---------------------------------------------------------------------------

    private void checkClass() throws ClassFileException {
        if (bytes.length < 10 || u4() != MAGIC) {
            throw formatError("not a class file: it does not start with the magic number 0xCAFEBABE (JVMS §4.1)");
        }
        int minor = u2();
        major = u2();
        if (major > MAX_MAJOR_VERSION) {
            throw new ClassFileException("UnsupportedClassVersionError", className, null, -1, "class file version "
                    + major + "." + minor + " (Java " + (major - 44) + ") is newer than Kiln reads (up to " + MAX_MAJOR_VERSION
                    + ", Java 25); compile with --release 25 or lower");
        }
        if (major >= 56 && minor == 0xFFFF) {
            throw new ClassFileException("UnsupportedClassVersionError", className, null, -1, "class file version "
                    + major + "." + minor + " uses preview features of Java " + (major - 44) + ", which Kiln does not"
                    + " compile; compile without --enable-preview");
        }
        if (major >= 56 && minor != 0) {
            throw new ClassFileException("UnsupportedClassVersionError", className, null, -1, "class file version "
                    + major + "." + minor + " has an invalid non-zero minor version (JVMS §4.1: from version 56 on it"
                    + " is 0, or 65535 for preview features); the class file is corrupt: rebuild it");
        }
        if (major < MIN_MAJOR_VERSION) {
            throw formatError("class file version " + major + "." + minor + " does not exist (the oldest is 45)");
        }
        readConstantPool();
        checkConstantPool();
        int access = u2();
        int thisClass = u2();
        className = classEntry(thisClass, "this_class");
        if (!className.equals(expectedName)) {
            throw new ClassFileException("NoClassDefFoundError", expectedName, null, -1, "the file holds class "
                    + className.replace('/', '.') + " (wrong name); move it to the directory its package names");
        }
        checkClassAccess(access);
        int superClass = u2();
        if (superClass == 0) {
            if (!className.equals("java/lang/Object")) {
                throw formatError("invalid superclass index 0: every class but java.lang.Object has a superclass");
            }
        } else {
            String superName = classEntry(superClass, "super_class");
            if (superName.startsWith("[")) {
                throw formatError("the superclass is an array type " + superName);
            }
            if (isInterface && !superName.equals("java/lang/Object")) {
                throw formatError("interfaces must have java.lang.Object as superclass");
            }
        }
        int interfaces = u2();
        for (int i = 0; i < interfaces; i++) {
            classEntry(u2(), "interfaces[" + i + "]");
        }
        checkFields();
        checkMethods();
        checkAttributes(null, "class");
        if (pos != bytes.length) {
            throw formatError("extra bytes at the end of the class file (" + (bytes.length - pos) + " bytes after byte "
                    + pos + ")");
        }
    }

    private void checkClassAccess(int access) throws ClassFileException {
        isInterface = (access & INTERFACE) != 0;
        checkNotModule(access);
        if (isIllegalClassAccess(access)) {
            throw formatError("illegal class modifiers 0x" + Integer.toHexString(access) + " (JVMS §4.1 Table 4.1-B)");
        }
    }

    /**
     * ACC_MODULE (JVMS §4.1) in the class's flags, or in any InnerClasses entry's: HotSpot answers both with
     * this error, naming the class being loaded. Before version 53 (Java 9) the bit meant nothing and is ignored.
     */
    private void checkNotModule(int access) throws ClassFileException {
        if ((access & MODULE_FLAG) != 0 && major >= 53) {
            throw new ClassFileException("NoClassDefFoundError", className, null, -1, className
                    + " is not a class because access_flag ACC_MODULE is set (a module-info class, or a damaged one)");
        }
    }

    /** JVMS §4.1 Table 4.1-B, for a class and for the entries of InnerClasses. */
    private boolean isIllegalClassAccess(int access) {
        if ((access & INTERFACE) != 0) {
            return (major >= 50 && (access & ABSTRACT) == 0) || (access & (FINAL | ENUM)) != 0;
        }
        return (access & ANNOTATION) != 0 || (access & (FINAL | ABSTRACT)) == (FINAL | ABSTRACT);
    }

    // ---- constant pool, JVMS §4.4 ----------------------------------------------------------------------------

    private void readConstantPool() throws ClassFileException {
        int count = u2();
        if (count == 0) {
            throw formatError("illegal constant pool size 0");
        }
        tags = new int[count];
        entryOffsets = new int[count];
        utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = u1();
            tags[i] = tag;
            entryOffsets[i] = pos;
            switch (tag) {
                case UTF8 -> {
                    int length = u2();
                    need(length);
                    utf8[i] = ModifiedUtf8.decode(bytes, pos, length);
                    if (utf8[i] == null) {
                        throw formatError("illegal UTF8 string in constant pool entry " + i + " (JVMS §4.4.7)");
                    }
                    pos += length;
                }
                case INTEGER, FLOAT -> pos += skip(4);
                case LONG, DOUBLE -> {
                    pos += skip(8);
                    if (++i >= count) {
                        throw formatError("the long or double constant " + (i - 1) + " takes two entries, and the pool ends");
                    }
                }
                case CLASS, STRING, METHOD_TYPE -> pos += skip(2);
                case FIELDREF, METHODREF, INTERFACE_METHODREF, NAME_AND_TYPE, DYNAMIC, INVOKE_DYNAMIC -> pos += skip(4);
                case METHOD_HANDLE -> pos += skip(3);
                default -> throw formatError("unknown constant tag " + tag + " at constant pool entry " + i);
            }
            int since = switch (tag) {
                case METHOD_HANDLE, METHOD_TYPE, INVOKE_DYNAMIC -> 51;
                case DYNAMIC -> 55;
                default -> 0;
            };
            if (major < since) {
                throw formatError("constant pool entry " + i + " has tag " + tag + ", which class file version "
                        + major + " does not have");
            }
        }
    }

    /** Bounds-checks a fixed-size constant's payload; returns its size. */
    private int skip(int size) throws ClassFileException {
        need(size);
        return size;
    }

    private void checkConstantPool() throws ClassFileException {
        for (int i = 1; i < tags.length; i++) {
            int at = entryOffsets[i];
            switch (tags[i]) {
                case CLASS -> {
                    String name = utf8Entry(u2At(at), "the class entry " + i);
                    if (!Descriptors.isClassEntryName(name)) {
                        throw formatError("illegal class name \"" + name + "\" at constant pool entry " + i);
                    }
                }
                case STRING -> utf8Entry(u2At(at), "the string entry " + i);
                case METHOD_TYPE -> {
                    String desc = utf8Entry(u2At(at), "the method type entry " + i);
                    if (!Descriptors.isMethodDescriptor(desc, true)) {
                        throw formatError("illegal method descriptor \"" + desc + "\" at constant pool entry " + i);
                    }
                }
                case NAME_AND_TYPE -> {
                    // §4.4.6, as HotSpot checks every entry: the name is a method's if the descriptor is one
                    String[] nameAndType = nameAndType(i, "name-and-type entry " + i);
                    boolean isMethod = nameAndType[1].startsWith("(");
                    if (isMethod ? !Descriptors.isMethodName(nameAndType[0]) : !Descriptors.isUnqualifiedName(nameAndType[0])) {
                        throw formatError("illegal " + (isMethod ? "method" : "field") + " name \"" + nameAndType[0]
                                + "\" in name-and-type entry " + i);
                    }
                }
                case FIELDREF, METHODREF, INTERFACE_METHODREF -> checkMemberRef(i, at);
                case DYNAMIC, INVOKE_DYNAMIC -> {
                    String desc = nameAndType(u2At(at + 2), "the name-and-type of dynamic entry " + i)[1];
                    boolean legal = tags[i] == DYNAMIC ? Descriptors.isFieldDescriptor(desc)
                            : Descriptors.isMethodDescriptor(desc, true);
                    if (!legal) {
                        throw formatError("illegal descriptor \"" + desc + "\" in dynamic entry " + i);
                    }
                }
                case METHOD_HANDLE -> checkMethodHandle(i, at);
                default -> {
                }
            }
        }
    }

    private void checkMemberRef(int index, int at) throws ClassFileException {
        expectTag(u2At(at), CLASS, "the class of member reference " + index);
        String[] nameAndType = nameAndType(u2At(at + 2), "the name-and-type of member reference " + index);
        String name = nameAndType[0];
        String desc = nameAndType[1];
        if (tags[index] == FIELDREF) {
            if (!Descriptors.isUnqualifiedName(name) || !Descriptors.isFieldDescriptor(desc)) {
                throw formatError("illegal field name or descriptor \"" + name + "\" \"" + desc
                        + "\" at constant pool entry " + index);
            }
            return;
        }
        if (!Descriptors.isMethodName(name) || name.equals("<clinit>") || !Descriptors.isMethodDescriptor(desc, true)) {
            throw formatError("illegal method name or descriptor \"" + name + "\" \"" + desc
                    + "\" at constant pool entry " + index);
        }
        if (name.equals("<init>") && !desc.endsWith(")V")) {
            throw formatError("method <init> at constant pool entry " + index + " must return void, not " + desc);
        }
    }

    private void checkMethodHandle(int index, int at) throws ClassFileException {
        int kind = bytes[at] & 0xFF;
        int reference = u2At(at + 1);
        if (kind < 1 || kind > 9) {
            throw formatError("bad method handle kind " + kind + " at constant pool entry " + index);
        }
        boolean ok = switch (kind) {
            case 1, 2, 3, 4 -> tagOf(reference) == FIELDREF;
            case 5, 8 -> tagOf(reference) == METHODREF;
            case 6, 7 -> tagOf(reference) == METHODREF || (major >= 52 && tagOf(reference) == INTERFACE_METHODREF);
            default -> tagOf(reference) == INTERFACE_METHODREF;
        };
        if (!ok) {
            throw formatError("method handle " + index + " of kind " + kind + " refers to an entry of the wrong kind");
        }
        checkMemberRef(reference, entryOffsets[reference]); // it may come later in the pool
        if (kind >= 5) {
            String name = nameAndType(u2At(entryOffsets[reference] + 2), "a method handle's method")[0];
            if ((kind == 8) != name.equals("<init>")) {
                throw formatError("method handle " + index + " of kind " + kind + " refers to method " + name);
            }
        }
    }

    /** A NAME_AND_TYPE entry's name and descriptor, both checked to be UTF8 entries. */
    private String[] nameAndType(int index, String what) throws ClassFileException {
        expectTag(index, NAME_AND_TYPE, what);
        return new String[] {utf8Entry(u2At(entryOffsets[index]), "the name of " + what),
            utf8Entry(u2At(entryOffsets[index] + 2), "the descriptor of " + what)};
    }

    private int tagOf(int index) {
        return index > 0 && index < tags.length ? tags[index] : 0;
    }

    private void expectTag(int index, int tag, String what) throws ClassFileException {
        if (tagOf(index) != tag) {
            throw formatError(what + " is constant pool entry " + index + ", which is "
                    + (tagOf(index) == 0 ? "not a valid index" : "an entry with tag " + tagOf(index))
                    + ", not one with tag " + tag);
        }
    }

    private String utf8Entry(int index, String what) throws ClassFileException {
        expectTag(index, UTF8, what);
        return utf8[index];
    }

    private String classEntry(int index, String what) throws ClassFileException {
        expectTag(index, CLASS, what);
        return utf8[u2At(entryOffsets[index])];
    }

    /** The tag of a constant-pool entry an instruction uses, or 0 for an invalid index. */
    int constantTag(int index) {
        return tagOf(index);
    }

    // ---- fields and methods, JVMS §4.5, §4.6 -------------------------------------------------------------------

    private void checkFields() throws ClassFileException {
        int count = u2();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < count; i++) {
            int access = u2();
            String name = utf8Entry(u2(), "the name of field " + i);
            String desc = utf8Entry(u2(), "the descriptor of field " + name);
            if (!Descriptors.isUnqualifiedName(name) || !Descriptors.isFieldDescriptor(desc)) {
                throw formatError("illegal field name or descriptor \"" + name + "\" \"" + desc + "\"");
            }
            if (!seen.add(name + " " + desc)) {
                throw formatError("duplicate field " + name + " " + desc);
            }
            boolean illegal = Integer.bitCount(access & (PUBLIC | PRIVATE | PROTECTED)) > 1
                    || (access & (FINAL | VOLATILE)) == (FINAL | VOLATILE);
            if (isInterface) {
                illegal |= (access & (PUBLIC | STATIC | FINAL)) != (PUBLIC | STATIC | FINAL)
                        || (access & ~(PUBLIC | STATIC | FINAL | SYNTHETIC)) != 0;
            }
            if (illegal) {
                throw formatError("illegal field modifiers 0x" + Integer.toHexString(access) + " of field " + name
                        + " (JVMS §4.5)");
            }
            method = null;
            checkAttributes(desc, "field " + name);
        }
    }

    private void checkMethods() throws ClassFileException {
        int count = u2();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < count; i++) {
            method = null;
            int access = u2();
            String name = utf8Entry(u2(), "the name of method " + i);
            String desc = utf8Entry(u2(), "the descriptor of method " + name);
            boolean isStatic = (access & STATIC) != 0;
            if (!Descriptors.isMethodName(name) || !Descriptors.isMethodDescriptor(desc, isStatic || name.equals("<clinit>"))) {
                throw formatError("illegal method name or descriptor \"" + name + "\" \"" + desc + "\"");
            }
            method = name + desc;
            if (!seen.add(method)) {
                throw formatError("duplicate method name and signature");
            }
            checkMethodAccess(name, desc, access);
            boolean needsCode = (access & (ABSTRACT | NATIVE)) == 0;
            int codeAttributes = checkMethodAttributes(access, desc);
            if (needsCode && codeAttributes == 0) {
                throw formatError("method has no Code attribute, and it is neither abstract nor native");
            }
            if (!needsCode && codeAttributes != 0) {
                throw formatError("a native or abstract method has a Code attribute");
            }
            if (codeAttributes > 1) {
                throw formatError("method has " + codeAttributes + " Code attributes");
            }
        }
        method = null;
    }

    private void checkMethodAccess(String name, String desc, int access) throws ClassFileException {
        if (name.equals("<clinit>")) {
            if (major >= 51 && (access & STATIC) == 0) {
                throw formatError("method <clinit> is not static");
            }
            if (!desc.equals("()V")) {
                throw formatError("method <clinit> must have descriptor ()V");
            }
            return;
        }
        boolean illegal = Integer.bitCount(access & (PUBLIC | PRIVATE | PROTECTED)) > 1;
        if (name.equals("<init>")) {
            illegal |= isInterface || (access & (STATIC | FINAL | SYNCHRONIZED | NATIVE | ABSTRACT | BRIDGE)) != 0
                    || !desc.endsWith(")V");
        } else if (isInterface) {
            if (major >= 52) {
                illegal |= (access & (PROTECTED | FINAL | SYNCHRONIZED | NATIVE)) != 0
                        || Integer.bitCount(access & (PUBLIC | PRIVATE)) != 1;
            } else {
                illegal |= (access & (PUBLIC | ABSTRACT)) != (PUBLIC | ABSTRACT)
                        || (access & ~(PUBLIC | ABSTRACT | BRIDGE | VARARGS | SYNTHETIC)) != 0;
            }
        }
        if ((access & ABSTRACT) != 0) {
            illegal |= (access & (PRIVATE | STATIC | FINAL | SYNCHRONIZED | NATIVE)) != 0
                    || (major >= 46 && major < 61 && (access & STRICT) != 0);
        }
        if (illegal) {
            throw formatError("illegal method modifiers 0x" + Integer.toHexString(access) + " (JVMS §4.6)");
        }
    }

    /** Checks a method's attributes; returns how many Code attributes it has. */
    private int checkMethodAttributes(int access, String desc) throws ClassFileException {
        int count = u2();
        int codeAttributes = 0;
        for (int i = 0; i < count; i++) {
            String attribute = utf8Entry(u2(), "an attribute name");
            int length = u4();
            need(length);
            int end = pos + length;
            switch (attribute) {
                case "Code" -> {
                    codeAttributes++;
                    int argumentSlots = Descriptors.parameterSlots(desc) + ((access & STATIC) != 0 ? 0 : 1);
                    new CodeFormat(this, bytes, pos, length, major, argumentSlots, (access & STATIC) != 0, desc).check();
                }
                case "Exceptions" -> {
                    int n = u2();
                    for (int e = 0; e < n; e++) {
                        classEntry(u2(), "an Exceptions entry");
                    }
                }
                case "Signature" -> utf8Entry(u2(), "the Signature attribute");
                default -> {
                }
            }
            if (!attribute.equals("Code") && pos != end && isCheckedAttribute(attribute)) {
                throw formatError("wrong " + attribute + " attribute length " + length);
            }
            pos = end;
        }
        return codeAttributes;
    }

    private static boolean isCheckedAttribute(String attribute) {
        return List.of("Exceptions", "Signature", "ConstantValue", "SourceFile", "InnerClasses", "EnclosingMethod",
                "NestHost", "NestMembers", "BootstrapMethods", "PermittedSubclasses").contains(attribute);
    }

    /** Attributes of a class ({@code fieldDescriptor} null) or a field. */
    private void checkAttributes(String fieldDescriptor, String owner) throws ClassFileException {
        int count = u2();
        Set<String> once = new HashSet<>();
        for (int i = 0; i < count; i++) {
            String attribute = utf8Entry(u2(), "an attribute name of " + owner);
            int length = u4();
            need(length);
            int end = pos + length;
            if (isCheckedAttribute(attribute) && !attribute.equals("Signature") && !once.add(attribute)) {
                throw formatError("multiple " + attribute + " attributes in " + owner);
            }
            switch (attribute) {
                case "ConstantValue" -> {
                    if (fieldDescriptor != null) {
                        checkConstantValue(u2(), fieldDescriptor);
                    }
                }
                case "SourceFile", "Signature" -> utf8Entry(u2(), "the " + attribute + " attribute");
                case "NestHost" -> classEntry(u2(), "the NestHost attribute");
                case "NestMembers", "PermittedSubclasses" -> {
                    int n = u2();
                    for (int c = 0; c < n; c++) {
                        classEntry(u2(), "an entry of the " + attribute + " attribute");
                    }
                }
                case "InnerClasses" -> checkInnerClasses();
                case "EnclosingMethod" -> {
                    classEntry(u2(), "the EnclosingMethod attribute's class");
                    int nameAndType = u2();
                    if (nameAndType != 0) {
                        expectTag(nameAndType, NAME_AND_TYPE, "the EnclosingMethod attribute's method");
                    }
                }
                case "BootstrapMethods" -> checkBootstrapMethods();
                default -> {
                }
            }
            if (pos != end && isCheckedAttribute(attribute)) {
                throw formatError("wrong " + attribute + " attribute length " + length + " in " + owner);
            }
            pos = end;
        }
    }

    private void checkConstantValue(int index, String fieldDescriptor) throws ClassFileException {
        int expected = switch (fieldDescriptor) {
            case "I", "S", "C", "B", "Z" -> INTEGER;
            case "J" -> LONG;
            case "F" -> FLOAT;
            case "D" -> DOUBLE;
            case "Ljava/lang/String;" -> STRING;
            default -> 0;
        };
        if (expected == 0) {
            throw formatError("a field of type " + fieldDescriptor + " cannot have a ConstantValue attribute");
        }
        if (tagOf(index) != expected) {
            throw formatError("inconsistent constant value type in class file: entry " + index
                    + " does not fit field type " + fieldDescriptor);
        }
    }

    private void checkInnerClasses() throws ClassFileException {
        int n = u2();
        for (int c = 0; c < n; c++) {
            String inner = classEntry(u2(), "an inner class");
            int outer = u2();
            if (outer != 0) {
                classEntry(outer, "an outer class");
            }
            int name = u2();
            if (name != 0) {
                utf8Entry(name, "an inner class name");
            }
            int access = u2();
            checkNotModule(access);
            if (isIllegalClassAccess(access)) {
                throw formatError("illegal class modifiers 0x" + Integer.toHexString(access) + " of inner class "
                        + inner.replace('/', '.') + " in the InnerClasses attribute (JVMS §4.7.6)");
            }
        }
    }

    private void checkBootstrapMethods() throws ClassFileException {
        int n = u2();
        for (int b = 0; b < n; b++) {
            expectTag(u2(), METHOD_HANDLE, "bootstrap method " + b);
            int arguments = u2();
            for (int a = 0; a < arguments; a++) {
                int argument = u2();
                int tag = tagOf(argument);
                if (tag == 0 || tag == UTF8 || tag == NAME_AND_TYPE || tag == FIELDREF || tag == METHODREF
                        || tag == INTERFACE_METHODREF || tag == INVOKE_DYNAMIC) {
                    throw formatError("argument " + a + " of bootstrap method " + b + " is constant pool entry "
                            + argument + ", which is not a loadable constant");
                }
            }
        }
    }

    // ---- what CodeFormat needs ---------------------------------------------------------------------------------

    String utf8At(int index) {
        return tagOf(index) == UTF8 ? utf8[index] : null;
    }

    /** The class name of a CONSTANT_Class entry (the caller checked the tag). */
    String className(int index) {
        return utf8[u2At(entryOffsets[index])];
    }

    /** The name of the member a Fieldref/Methodref/InterfaceMethodref refers to (the caller checked the tag). */
    String memberName(int index) {
        int nameAndType = u2At(entryOffsets[index] + 2);
        return utf8[u2At(entryOffsets[nameAndType])];
    }

    /** The descriptor of the member or dynamic constant at {@code index}. */
    String memberDescriptor(int index) {
        int nameAndType = u2At(entryOffsets[index] + 2);
        return utf8[u2At(entryOffsets[nameAndType] + 2)];
    }

    ClassFileException codeFormatError(String reason) {
        return formatError(reason);
    }

    ClassFileException codeVerifyError(int offset, String reason) {
        return verifyError(offset, reason);
    }

    /** The 4-byte signed value at {@code at} in the file (for switch operands). */
    int s4(int at) {
        return s4At(at);
    }

    int u2(int at) {
        return u2At(at);
    }
}
