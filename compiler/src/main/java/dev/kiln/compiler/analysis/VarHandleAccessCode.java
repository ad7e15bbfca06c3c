package dev.kiln.compiler.analysis;

import dev.kiln.compiler.world.ClassInfo;
import dev.kiln.compiler.world.KernelAbi;
import dev.kiln.compiler.world.Symbols;
import dev.kiln.compiler.world.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The code of one lowered VarHandle call site (see {@link VarHandleLowering}): the checks and conversions a
 * VarHandle makes, then one {@code jdk.internal.misc.Unsafe} call with the variable's build-time address.
 *
 * <p>What a VarHandle invocation does (VarHandle javadoc, "Invocation of an access mode method"): the access
 * mode's type — coordinates (receiver; or array and index; or none for a static field) and values of the
 * variable's type — is adapted to the call site's symbolic type descriptor as {@code MethodHandle.asType}
 * would (boxing, unboxing with widening, primitive widening, reference casts); a pair asType refuses throws
 * WrongMethodTypeException at the call. Then the access itself: the receiver cast to its class and checked for
 * null; an array cast, its index checked against the length; a value cast to the variable's type and, stored
 * into a reference array, checked against the array's actual element class (ArrayStoreException). An access
 * mode the variable does not support (a write to a final field, {@code getAndAdd} on a reference or boolean,
 * bitwise operations on a floating-point or reference variable) throws UnsupportedOperationException. The
 * exceptions and their messages are HotSpot's (JDK 17).
 */
final class VarHandleAccessCode {
    private static final String OBJECT_DESC = "Ljava/lang/Object;";

    /** The shapes of access modes: what values they take and what they return (VarHandle.AccessMode). */
    enum Shape { GET, SET, COMPARE_AND_SET, COMPARE_AND_EXCHANGE, GET_AND_UPDATE }

    /**
     * An access mode: its shape and the name of the Unsafe method family (the JDK 17 Unsafe spells the variable
     * type between {@code base} and {@code suffix}: {@code weakCompareAndSet} + {@code Int} + {@code Acquire}).
     */
    record AccessMode(String name, Shape shape, String base, String suffix) {
        boolean writes() {
            return shape != Shape.GET;
        }

        boolean isArithmetic() {
            return base.equals("getAndAdd");
        }

        boolean isBitwise() {
            return base.startsWith("getAndBitwise");
        }

        String unsafeMethod(String varDescriptor) {
            return (base.equals("get") ? "get" : base.equals("set") ? "put" : base) + unsafeTypeName(varDescriptor) + suffix;
        }
    }

    private static final Map<String, AccessMode> ACCESS_MODES = accessModes();

    private static Map<String, AccessMode> accessModes() {
        Map<String, AccessMode> modes = new java.util.HashMap<>();
        Object[][] families = {
            {"get", Shape.GET, new String[] {"", "Volatile", "Acquire", "Opaque"}},
            {"set", Shape.SET, new String[] {"", "Volatile", "Release", "Opaque"}},
            {"compareAndSet", Shape.COMPARE_AND_SET, new String[] {""}},
            {"weakCompareAndSet", Shape.COMPARE_AND_SET, new String[] {"", "Plain", "Acquire", "Release"}},
            {"compareAndExchange", Shape.COMPARE_AND_EXCHANGE, new String[] {"", "Acquire", "Release"}},
            {"getAndSet", Shape.GET_AND_UPDATE, new String[] {"", "Acquire", "Release"}},
            {"getAndAdd", Shape.GET_AND_UPDATE, new String[] {"", "Acquire", "Release"}},
            {"getAndBitwiseOr", Shape.GET_AND_UPDATE, new String[] {"", "Acquire", "Release"}},
            {"getAndBitwiseAnd", Shape.GET_AND_UPDATE, new String[] {"", "Acquire", "Release"}},
            {"getAndBitwiseXor", Shape.GET_AND_UPDATE, new String[] {"", "Acquire", "Release"}},
        };
        for (Object[] family : families) {
            for (String suffix : (String[]) family[2]) {
                String name = family[0] + suffix;
                modes.put(name, new AccessMode(name, (Shape) family[1], (String) family[0], suffix));
            }
        }
        return modes;
    }

    /** The access mode a VarHandle method of this name invokes, or null for any other method. */
    static AccessMode accessMode(String methodName) {
        return ACCESS_MODES.get(methodName);
    }

    /** The Unsafe fence each of VarHandle's static fence methods is (VarHandle javadoc, "Memory fence methods"). */
    static String unsafeFence(String varHandleMethod) {
        return switch (varHandleMethod) {
            case "fullFence" -> "fullFence";
            case "acquireFence" -> "loadFence";
            case "releaseFence" -> "storeFence";
            case "loadLoadFence" -> "loadLoadFence";
            case "storeStoreFence" -> "storeStoreFence";
            default -> null;
        };
    }

    private static String unsafeTypeName(String descriptor) {
        return switch (descriptor.charAt(0)) {
            case 'Z' -> "Boolean";
            case 'B' -> "Byte";
            case 'C' -> "Char";
            case 'S' -> "Short";
            case 'I' -> "Int";
            case 'J' -> "Long";
            case 'F' -> "Float";
            case 'D' -> "Double";
            default -> "Reference";
        };
    }

    /** The variable a VarHandle accesses: an instance field (with the receiver class), a static field, or array elements. */
    sealed interface Variable permits InstanceField, StaticField, ArrayElement, ByteArrayView {
        /** The variable's type (a field descriptor). */
        Type type();

        /** The coordinates of the access mode type before its values. */
        List<Type> coordinates();

        boolean readOnly();
    }

    record InstanceField(ClassInfo.Field field, ClassInfo receiver) implements Variable {
        public Type type() {
            return Type.getType(field.node().desc);
        }

        public List<Type> coordinates() {
            return List.of(Type.getType(receiver.descriptor()));
        }

        public boolean readOnly() {
            return (field.node().access & Opcodes.ACC_FINAL) != 0;
        }
    }

    record StaticField(ClassInfo.Field field) implements Variable {
        public Type type() {
            return Type.getType(field.node().desc);
        }

        public List<Type> coordinates() {
            return List.of();
        }

        public boolean readOnly() {
            return (field.node().access & Opcodes.ACC_FINAL) != 0;
        }
    }

    record ArrayElement(ClassInfo arrayClass) implements Variable {
        public Type type() {
            return Type.getType(arrayClass.name.substring(1));
        }

        public List<Type> coordinates() {
            return List.of(Type.getType(arrayClass.name), Type.INT_TYPE);
        }

        public boolean readOnly() {
            return false;
        }
    }

    /**
     * A {@code MethodHandles.byteArrayViewVarHandle(viewArrayClass, order)} variable: the {@code view}-typed value
     * (char, short, int, long, float or double) at a byte index of a {@code byte[]}, in the byte order given. Only
     * the plain {@code get} and {@code set} are lowered (the JDK's digests, XZ for Java and Guava use those); the
     * other modes, which HotSpot allows at aligned indexes, throw UnsupportedOperationException.
     */
    record ByteArrayView(Type view, boolean bigEndian) implements Variable {
        public Type type() {
            return view;
        }

        public List<Type> coordinates() {
            return List.of(Type.getType("[B"), Type.INT_TYPE);
        }

        public boolean readOnly() {
            return false;
        }
    }

    private final World world;

    VarHandleAccessCode(World world) {
        this.world = world;
    }

    /**
     * The body of the helper for {@code mode} on {@code variable} called with {@code siteDesc}, the call site's
     * descriptor without the VarHandle: the helper's own descriptor takes the (ignored) VarHandle first.
     */
    void accessBody(MethodNode helper, Variable variable, AccessMode mode, String siteDesc) {
        InsnList il = helper.instructions;
        helper.maxStack = 12;
        if (!supports(variable, mode)) {
            throwNew(il, "java/lang/UnsupportedOperationException", null);
            return;
        }
        Type[] site = Type.getArgumentTypes(siteDesc);
        Type siteReturn = Type.getReturnType(siteDesc);
        List<Type> modeParams = new ArrayList<>(variable.coordinates());
        Type varType = variable.type();
        int values = switch (mode.shape()) {
            case GET -> 0;
            case SET, GET_AND_UPDATE -> 1;
            case COMPARE_AND_SET, COMPARE_AND_EXCHANGE -> 2;
        };
        for (int i = 0; i < values; i++) {
            modeParams.add(varType);
        }
        Type modeReturn = switch (mode.shape()) {
            case GET, COMPARE_AND_EXCHANGE, GET_AND_UPDATE -> varType;
            case SET -> Type.VOID_TYPE;
            case COMPARE_AND_SET -> Type.BOOLEAN_TYPE;
        };
        if (!adaptable(site, siteReturn, modeParams, modeReturn)) {
            throwNew(il, "java/lang/invoke/WrongMethodTypeException", "cannot convert MethodHandle(VarHandle"
                    + simpleNames(modeParams) + ")" + simpleName(modeReturn) + " to (VarHandle"
                    + simpleNames(List.of(site)) + ")" + simpleName(siteReturn));
            return;
        }
        // Phase 1: every coordinate and value converted and checked, in argument order, into a local.
        int[] argumentLocals = new int[site.length];
        int next = 1; // local 0 is the VarHandle
        for (int i = 0; i < site.length; i++) {
            argumentLocals[i] = next;
            next += site[i].getSize();
        }
        int[] converted = new int[site.length];
        for (int i = 0; i < site.length; i++) {
            il.add(new VarInsnNode(site[i].getOpcode(Opcodes.ILOAD), argumentLocals[i]));
            Type to = modeParams.get(i);
            boolean coordinate = i < variable.coordinates().size();
            if (coordinate && variable instanceof InstanceField) {
                castReference(il, to);
                il.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/util/Objects", "requireNonNull",
                        "(Ljava/lang/Object;)Ljava/lang/Object;"));
            } else if (coordinate && i == 0) {
                castArray(il, site[0], to, erased(site, siteReturn).equals(erased(modeParams, modeReturn)));
            } else if (to.getSort() >= Type.ARRAY) {
                convertArgument(il, site[i], to);
            } else {
                convert(il, site[i], to);
            }
            converted[i] = next;
            il.add(new VarInsnNode(to.getOpcode(Opcodes.ISTORE), next));
            next += to.getSize();
        }
        if (variable instanceof ArrayElement) {
            // A plain load of the element throws what the VarHandle throws for a null array or a bad index:
            // NullPointerException, ArrayIndexOutOfBoundsException "Index 5 out of bounds for length 2".
            il.add(new VarInsnNode(Opcodes.ALOAD, converted[0]));
            il.add(new VarInsnNode(Opcodes.ILOAD, converted[1]));
            il.add(new InsnNode(varType.getOpcode(Opcodes.IALOAD)));
            il.add(new InsnNode(varType.getSize() == 2 ? Opcodes.POP2 : Opcodes.POP));
            if (varType.getSort() >= Type.ARRAY && mode.writes()) {
                checkArrayStore(il, converted[0], converted[site.length - 1], mode.name().equals("set"));
            }
        }
        if (variable instanceof ByteArrayView view) {
            byteArrayViewAccess(il, view, mode, converted);
            convert(il, modeReturn, siteReturn);
            il.add(new InsnNode(siteReturn.getOpcode(Opcodes.IRETURN)));
            helper.maxLocals = next;
            return;
        }
        // Phase 2: the Unsafe call, with the variable's base object and offset.
        il.add(new MethodInsnNode(Opcodes.INVOKESTATIC, KernelAbi.UNSAFE_CLASS, "getUnsafe", "()L" + KernelAbi.UNSAFE_CLASS + ";"));
        int firstValue = variable.coordinates().size();
        if (variable instanceof InstanceField f) {
            il.add(new VarInsnNode(Opcodes.ALOAD, converted[0]));
            il.add(new LdcInsnNode((long) f.field().offset()));
        } else if (variable instanceof StaticField f) {
            // JDK Unsafe: a null base makes the offset an absolute address; Kiln's statics are linked globals,
            // so the address is the field's symbol. The getstatic initializes the class first, as the JDK's
            // VarHandle on a static field does.
            il.add(new FieldInsnNode(Opcodes.GETSTATIC, f.field().owner().name, f.field().node().name,
                    f.field().node().desc));
            il.add(new InsnNode(varType.getSize() == 2 ? Opcodes.POP2 : Opcodes.POP));
            il.add(new InsnNode(Opcodes.ACONST_NULL));
            il.add(new LdcInsnNode(Symbols.staticField(f.field())));
            il.add(new MethodInsnNode(Opcodes.INVOKESTATIC, KernelAbi.INTRINSICS_CLASS, "symbol", "(Ljava/lang/String;)J"));
        } else {
            ArrayElement a = (ArrayElement) variable;
            il.add(new VarInsnNode(Opcodes.ALOAD, converted[0]));
            il.add(new VarInsnNode(Opcodes.ILOAD, converted[1]));
            il.add(new InsnNode(Opcodes.I2L));
            il.add(new LdcInsnNode(Integer.numberOfTrailingZeros(a.arrayClass().elementSize()))); // lshl shifts by an int
            il.add(new InsnNode(Opcodes.LSHL));
            il.add(new LdcInsnNode((long) ClassInfo.ARRAY_BASE_OFFSET));
            il.add(new InsnNode(Opcodes.LADD));
        }
        Type erased = varType.getSort() >= Type.ARRAY ? Type.getType(OBJECT_DESC) : varType;
        StringBuilder unsafeDesc = new StringBuilder("(Ljava/lang/Object;J");
        for (int i = firstValue; i < site.length; i++) {
            il.add(new VarInsnNode(varType.getOpcode(Opcodes.ILOAD), converted[i]));
            unsafeDesc.append(erased.getDescriptor());
        }
        Type unsafeReturn = modeReturn.equals(varType) ? erased : modeReturn;
        unsafeDesc.append(')').append(unsafeReturn.getDescriptor());
        il.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, KernelAbi.UNSAFE_CLASS, mode.unsafeMethod(varType.getDescriptor()),
                unsafeDesc.toString()));
        // Phase 3: the result, adapted to the call site's return type.
        if (!unsafeReturn.equals(modeReturn) && !varType.getDescriptor().equals(OBJECT_DESC)) {
            il.add(new TypeInsnNode(Opcodes.CHECKCAST, varType.getInternalName()));
        }
        convert(il, modeReturn, siteReturn);
        il.add(new InsnNode(siteReturn.getOpcode(Opcodes.IRETURN)));
        helper.maxLocals = next;
    }

    /**
     * The array coordinate cast to the VarHandle's array type. When the call site's erased type is the access
     * method's, HotSpot calls that method directly, whose {@code (int[]) array} is a checkcast ("class [J cannot
     * be cast to class [I"); otherwise asType's cast comes first, with Class.cast's message ("Cannot cast [J to [I").
     */
    /**
     * A byte-array view's get or set, its array and index in locals {@code converted[0]} and {@code [1]} (and the
     * value to set in {@code [2]}): the index checked as the JDK's {@code VarHandleByteArrayAs*} check it (the
     * array's length less the view's size less one is the bound: ArrayIndexOutOfBoundsException "Index 5 out of
     * bounds for length 5"; a null array throws NullPointerException at {@code arraylength}), then Unsafe's unaligned
     * access in the view's byte order, float and double through their raw bits. Leaves the mode's result (if any).
     */
    private static void byteArrayViewAccess(InsnList il, ByteArrayView view, AccessMode mode, int[] converted) {
        Type bits = switch (view.view().getSort()) {
            case Type.FLOAT -> Type.INT_TYPE;
            case Type.DOUBLE -> Type.LONG_TYPE;
            default -> view.view();
        };
        int slack = bits.getSize() == 2 ? 7 : bits.getSort() == Type.INT ? 3 : 1;
        LabelNode outOfBounds = new LabelNode();
        LabelNode inBounds = new LabelNode();
        il.add(new VarInsnNode(Opcodes.ILOAD, converted[1]));
        il.add(new JumpInsnNode(Opcodes.IFLT, outOfBounds));
        il.add(new VarInsnNode(Opcodes.ILOAD, converted[1]));
        il.add(new VarInsnNode(Opcodes.ALOAD, converted[0]));
        il.add(new InsnNode(Opcodes.ARRAYLENGTH));
        il.add(new LdcInsnNode(slack));
        il.add(new InsnNode(Opcodes.ISUB));
        il.add(new JumpInsnNode(Opcodes.IF_ICMPLT, inBounds));
        il.add(outOfBounds);
        String builder = "java/lang/StringBuilder";
        il.add(new TypeInsnNode(Opcodes.NEW, "java/lang/ArrayIndexOutOfBoundsException"));
        il.add(new InsnNode(Opcodes.DUP));
        il.add(new TypeInsnNode(Opcodes.NEW, builder));
        il.add(new InsnNode(Opcodes.DUP));
        il.add(new LdcInsnNode("Index "));
        il.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, builder, "<init>", "(Ljava/lang/String;)V"));
        il.add(new VarInsnNode(Opcodes.ILOAD, converted[1]));
        il.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, builder, "append", "(I)L" + builder + ";"));
        il.add(new LdcInsnNode(" out of bounds for length "));
        il.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, builder, "append", "(Ljava/lang/String;)L" + builder + ";"));
        il.add(new VarInsnNode(Opcodes.ALOAD, converted[0]));
        il.add(new InsnNode(Opcodes.ARRAYLENGTH));
        il.add(new LdcInsnNode(slack));
        il.add(new InsnNode(Opcodes.ISUB));
        il.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, builder, "append", "(I)L" + builder + ";"));
        il.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, builder, "toString", "()Ljava/lang/String;"));
        il.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, "java/lang/ArrayIndexOutOfBoundsException", "<init>",
                "(Ljava/lang/String;)V"));
        il.add(new InsnNode(Opcodes.ATHROW));
        il.add(inBounds);
        il.add(new MethodInsnNode(Opcodes.INVOKESTATIC, KernelAbi.UNSAFE_CLASS, "getUnsafe", "()L" + KernelAbi.UNSAFE_CLASS + ";"));
        il.add(new VarInsnNode(Opcodes.ALOAD, converted[0]));
        il.add(new VarInsnNode(Opcodes.ILOAD, converted[1]));
        il.add(new InsnNode(Opcodes.I2L));
        il.add(new LdcInsnNode((long) ClassInfo.ARRAY_BASE_OFFSET));
        il.add(new InsnNode(Opcodes.LADD));
        String typeName = unsafeTypeName(bits.getDescriptor());
        if (mode.writes()) {
            il.add(new VarInsnNode(view.view().getOpcode(Opcodes.ILOAD), converted[2]));
            rawBits(il, view.view(), true);
            il.add(new LdcInsnNode(view.bigEndian() ? 1 : 0));
            il.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, KernelAbi.UNSAFE_CLASS, "put" + typeName + "Unaligned",
                    "(Ljava/lang/Object;J" + bits.getDescriptor() + "Z)V"));
        } else {
            il.add(new LdcInsnNode(view.bigEndian() ? 1 : 0));
            il.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, KernelAbi.UNSAFE_CLASS, "get" + typeName + "Unaligned",
                    "(Ljava/lang/Object;JZ)" + bits.getDescriptor()));
            rawBits(il, view.view(), false);
        }
    }

    /** A float or double to its raw bits ({@code toBits}) or back; nothing for the integral views. */
    private static void rawBits(InsnList il, Type view, boolean toBits) {
        if (view.getSort() == Type.FLOAT) {
            il.add(toBits ? new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I")
                    : new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F"));
        } else if (view.getSort() == Type.DOUBLE) {
            il.add(toBits ? new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J")
                    : new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D"));
        }
    }

    private static void castArray(InsnList il, Type from, Type arrayType, boolean exactCall) {
        if (from.equals(arrayType)) {
            return;
        }
        if (exactCall) {
            il.add(new TypeInsnNode(Opcodes.CHECKCAST, arrayType.getInternalName()));
        } else {
            castReference(il, arrayType);
        }
    }

    /**
     * The value stored into a reference array must be an instance of the array's actual element class. The JDK's
     * plain {@code set} stores with {@code aastore}, whose ArrayStoreException names the value's class (so does
     * Support.checkArrayStore); the other modes throw one without a message.
     */
    private static void checkArrayStore(InsnList il, int arrayLocal, int valueLocal, boolean likeAastore) {
        il.add(new VarInsnNode(Opcodes.ALOAD, arrayLocal));
        il.add(new VarInsnNode(Opcodes.ALOAD, valueLocal));
        if (likeAastore) {
            il.add(new MethodInsnNode(Opcodes.INVOKESTATIC, KernelAbi.SUPPORT_CLASS, "checkArrayStore",
                    "(Ljava/lang/Object;Ljava/lang/Object;)V"));
            return;
        }
        LabelNode stores = new LabelNode();
        LabelNode nullValue = new LabelNode();
        il.add(new JumpInsnNode(Opcodes.IFNULL, nullValue)); // null is stored anywhere
        il.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, World.OBJECT, "getClass", "()Ljava/lang/Class;"));
        il.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, "java/lang/Class", "getComponentType", "()Ljava/lang/Class;"));
        il.add(new VarInsnNode(Opcodes.ALOAD, valueLocal));
        il.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, "java/lang/Class", "isInstance", "(Ljava/lang/Object;)Z"));
        il.add(new JumpInsnNode(Opcodes.IFNE, stores));
        throwNew(il, "java/lang/ArrayStoreException", null);
        il.add(nullValue);
        il.add(new InsnNode(Opcodes.POP));
        il.add(stores);
    }

    /** A method type with references erased to Object, as HotSpot compares a call site with an access method. */
    private static String erased(Type[] params, Type returned) {
        return erased(List.of(params), returned);
    }

    private static String erased(List<Type> params, Type returned) {
        StringBuilder s = new StringBuilder("(");
        for (Type t : params) {
            s.append(t.getSort() >= Type.ARRAY ? OBJECT_DESC : t.getDescriptor());
        }
        return s.append(')').append(returned.getSort() >= Type.ARRAY ? OBJECT_DESC : returned.getDescriptor()).toString();
    }

    /** Whether the variable supports the access mode at all (else UnsupportedOperationException, VarHandle javadoc). */
    private static boolean supports(Variable variable, AccessMode mode) {
        if (variable.readOnly() && mode.writes()) {
            return false;
        }
        if (variable instanceof ByteArrayView) {
            return mode.name().equals("get") || mode.name().equals("set");
        }
        char kind = variable.type().getDescriptor().charAt(0);
        if (mode.isArithmetic()) {
            return "BSCIJFD".indexOf(kind) >= 0;
        }
        if (mode.isBitwise()) {
            return "ZBSCIJ".indexOf(kind) >= 0;
        }
        return true;
    }

    /** Whether MethodHandle.asType adapts the access mode type to the call site's (same arity, each pair convertible). */
    private boolean adaptable(Type[] site, Type siteReturn, List<Type> modeParams, Type modeReturn) {
        if (site.length != modeParams.size()) {
            return false;
        }
        for (int i = 0; i < site.length; i++) {
            if (!convertible(site[i], modeParams.get(i))) {
                return false;
            }
        }
        return convertible(modeReturn, siteReturn);
    }

    /**
     * MethodHandle.asType's rules for one value: identity; primitive widening (JLS §5.1.2); boxing to a
     * supertype of the box; unboxing of a box, or at run time of a reference that may hold one, followed by
     * widening; any reference cast; a dropped result; and a void result read as null or zero.
     */
    private boolean convertible(Type from, Type to) {
        if (from.equals(to) || to.getSort() == Type.VOID || from.getSort() == Type.VOID) {
            return true;
        }
        boolean fromPrimitive = from.getSort() < Type.ARRAY;
        boolean toPrimitive = to.getSort() < Type.ARRAY;
        if (fromPrimitive && toPrimitive) {
            return widens(from, to);
        }
        if (fromPrimitive) {
            return isSubtype(IndyLowering.boxType(from), to);
        }
        if (toPrimitive) {
            Type unboxed = unbox(from);
            if (unboxed != null) {
                return unboxed.equals(to) || widens(unboxed, to);
            }
            return unboxingSources(to).stream().anyMatch(w -> isSubtype(IndyLowering.boxType(w), from));
        }
        return true;
    }

    private boolean isSubtype(Type sub, Type sup) {
        if (sup.getDescriptor().equals(OBJECT_DESC) || sub.equals(sup)) {
            return true;
        }
        if (sup.getSort() != Type.OBJECT || sub.getSort() != Type.OBJECT) {
            return false;
        }
        return world.find(sup.getInternalName()).map(s -> world.require(sub.getInternalName()).isSubtypeOf(s)).orElse(false);
    }

    /** JLS §5.1.2 widening primitive conversion (not the identity). */
    private static boolean widens(Type from, Type to) {
        String targets = switch (from.getSort()) {
            case Type.BYTE -> "SIJFD";
            case Type.SHORT, Type.CHAR -> "IJFD";
            case Type.INT -> "JFD";
            case Type.LONG -> "FD";
            case Type.FLOAT -> "D";
            default -> "";
        };
        return to.getSort() < Type.ARRAY && targets.indexOf(to.getDescriptor().charAt(0)) >= 0;
    }

    /** The primitive types whose boxes unbox into {@code to}, its own first. */
    private static List<Type> unboxingSources(Type to) {
        List<Type> sources = new ArrayList<>(List.of(to));
        for (Type t : List.of(Type.BYTE_TYPE, Type.SHORT_TYPE, Type.CHAR_TYPE, Type.INT_TYPE, Type.LONG_TYPE, Type.FLOAT_TYPE)) {
            if (widens(t, to)) {
                sources.add(t);
            }
        }
        return sources;
    }

    /** Emits the conversion of a value that {@link #convertible} accepts (a reference target gets a checkcast). */
    private void convert(InsnList il, Type from, Type to) {
        if (from.equals(to)) {
            return;
        }
        if (to.getSort() == Type.VOID) {
            il.add(new InsnNode(from.getSize() == 2 ? Opcodes.POP2 : Opcodes.POP));
            return;
        }
        if (from.getSort() == Type.VOID) {
            il.add(new InsnNode(switch (to.getSort()) {
                case Type.LONG -> Opcodes.LCONST_0;
                case Type.FLOAT -> Opcodes.FCONST_0;
                case Type.DOUBLE -> Opcodes.DCONST_0;
                case Type.ARRAY, Type.OBJECT -> Opcodes.ACONST_NULL;
                default -> Opcodes.ICONST_0;
            }));
            return;
        }
        boolean fromPrimitive = from.getSort() < Type.ARRAY;
        boolean toPrimitive = to.getSort() < Type.ARRAY;
        if (fromPrimitive && toPrimitive) {
            IndyLowering.widen(il, from, to);
        } else if (fromPrimitive) {
            Type box = IndyLowering.boxType(from);
            il.add(new MethodInsnNode(Opcodes.INVOKESTATIC, box.getInternalName(), "valueOf",
                    Type.getMethodDescriptor(box, from)));
        } else if (toPrimitive) {
            unboxWidening(il, from, to);
        } else if (!to.getDescriptor().equals(OBJECT_DESC)) {
            il.add(new TypeInsnNode(Opcodes.CHECKCAST, to.getInternalName()));
        }
    }

    /** An argument stored into a reference variable: boxed if primitive, then cast with Class.cast's message. */
    private void convertArgument(InsnList il, Type from, Type to) {
        if (from.getSort() < Type.ARRAY) {
            convert(il, from, IndyLowering.boxType(from));
        }
        if (!to.getDescriptor().equals(OBJECT_DESC)) {
            castReference(il, to);
        }
    }

    /** {@code to.cast(value)}: the JDK's VarHandles cast receivers and values so ("Cannot cast A to B"). */
    private static void castReference(InsnList il, Type to) {
        il.add(new LdcInsnNode(to));
        il.add(new InsnNode(Opcodes.SWAP));
        il.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, "java/lang/Class", "cast", "(Ljava/lang/Object;)Ljava/lang/Object;"));
        il.add(new TypeInsnNode(Opcodes.CHECKCAST, to.getInternalName()));
    }

    /**
     * Unboxing as asType does it: a box type unboxes directly (null: NullPointerException); any other reference is
     * tested at run time for each box whose value widens to {@code to}, and otherwise cast to {@code to}'s own
     * box, which throws HotSpot's ClassCastException ("Cannot cast java.lang.Long to java.lang.Integer").
     */
    private void unboxWidening(InsnList il, Type from, Type to) {
        Type unboxed = unbox(from);
        if (unboxed != null) {
            il.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, from.getInternalName(), unboxed.getClassName() + "Value",
                    Type.getMethodDescriptor(unboxed)));
            IndyLowering.widen(il, unboxed, to);
            return;
        }
        LabelNode done = new LabelNode();
        for (Type source : unboxingSources(to).subList(1, unboxingSources(to).size())) {
            Type box = IndyLowering.boxType(source);
            if (!isSubtype(box, from)) {
                continue;
            }
            LabelNode next = new LabelNode();
            il.add(new InsnNode(Opcodes.DUP));
            il.add(new TypeInsnNode(Opcodes.INSTANCEOF, box.getInternalName()));
            il.add(new JumpInsnNode(Opcodes.IFEQ, next));
            il.add(new TypeInsnNode(Opcodes.CHECKCAST, box.getInternalName()));
            il.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, box.getInternalName(), source.getClassName() + "Value",
                    Type.getMethodDescriptor(source)));
            IndyLowering.widen(il, source, to);
            il.add(new JumpInsnNode(Opcodes.GOTO, done));
            il.add(next);
        }
        Type box = IndyLowering.boxType(to);
        castReference(il, box);
        il.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, box.getInternalName(), to.getClassName() + "Value",
                Type.getMethodDescriptor(to)));
        il.add(done);
    }

    /** The primitive type a box class holds, or null for any other type. */
    private static Type unbox(Type reference) {
        for (Type t : List.of(Type.BOOLEAN_TYPE, Type.CHAR_TYPE, Type.BYTE_TYPE, Type.SHORT_TYPE, Type.INT_TYPE,
                Type.LONG_TYPE, Type.FLOAT_TYPE, Type.DOUBLE_TYPE)) {
            if (IndyLowering.boxType(t).equals(reference)) {
                return t;
            }
        }
        return null;
    }

    /** MethodType.toString's spelling: simple class names ("VarHandle,X,int"). */
    private static String simpleNames(List<Type> types) {
        StringBuilder s = new StringBuilder();
        for (Type t : types) {
            s.append(',').append(simpleName(t));
        }
        return s.toString();
    }

    private static String simpleName(Type t) {
        String name = t.getClassName();
        name = name.substring(name.lastIndexOf('.') + 1);
        return name.substring(name.lastIndexOf('$') + 1);
    }

    /** A body that throws {@code exception} (an internal name), with {@code message} or none. */
    static void throwNew(InsnList il, String exception, String message) {
        il.add(new TypeInsnNode(Opcodes.NEW, exception));
        il.add(new InsnNode(Opcodes.DUP));
        if (message == null) {
            il.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, exception, "<init>", "()V"));
        } else {
            il.add(new LdcInsnNode(message));
            il.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, exception, "<init>", "(Ljava/lang/String;)V"));
        }
        il.add(new InsnNode(Opcodes.ATHROW));
    }
}
