package dev.kiln.compiler.verify;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.BasicVerifier;

/**
 * The verification type system of JVMS §4.10.1.2 over ASM's {@link BasicVerifier}: reference types named by
 * class, assignability decided by the class hierarchy of the closed world, {@code null}, and the
 * uninitialized types. BasicVerifier already checks every instruction's operand kinds (int where an int is
 * needed, an array where an array is needed, ...); this class supplies what it leaves to subclasses
 * ({@link #isSubTypeOf}, {@link #merge}) and adds the rules on uninitialized objects (§4.10.1.9
 * {@code invokespecial}, {@code new}), on {@code invokespecial} receivers, and on the receivers of protected
 * members (§4.10.1.8).
 *
 * <p><i>Rejected</i>: ASM's {@code SimpleVerifier}. It answers subtype questions by loading classes with
 * {@code Class.forName} into the compiler's own JVM (the host's classes, not the program's, and class
 * initializers of arbitrary jars running inside the build), and it has no uninitialized types.
 *
 * <p>As in HotSpot's verifier, an interface type accepts any reference (§4.10.1.2: interfaces are treated
 * as {@code Object}); the {@code invokeinterface} receiver is checked when the call runs.
 */
final class TypeInterpreter extends BasicVerifier {
    private static final Type OBJECT = Type.getObjectType("java/lang/Object");
    private static final Type NULL = Type.getObjectType("null");
    private static final Type THROWABLE = Type.getObjectType("java/lang/Throwable");

    private final ClassHierarchy hierarchy;
    private final Type currentClass;
    private final String superClass;
    private final boolean isConstructor;

    TypeInterpreter(ClassHierarchy hierarchy, String currentClass, String superClass, boolean isConstructor) {
        super(Opcodes.ASM9);
        this.hierarchy = hierarchy;
        this.currentClass = Type.getObjectType(currentClass);
        this.superClass = superClass;
        this.isConstructor = isConstructor && superClass != null; // Object's constructor has an initialized this
    }

    /** A constructor other than Object's: its {@code this} starts uninitialized and must be initialized by return. */
    boolean isConstructor() {
        return isConstructor;
    }

    @Override
    public BasicValue newValue(Type type) {
        if (type == null) {
            return BasicValue.UNINITIALIZED_VALUE;
        }
        return switch (type.getSort()) {
            case Type.VOID -> null;
            case Type.BOOLEAN, Type.CHAR, Type.BYTE, Type.SHORT, Type.INT -> BasicValue.INT_VALUE;
            case Type.FLOAT -> BasicValue.FLOAT_VALUE;
            case Type.LONG -> BasicValue.LONG_VALUE;
            case Type.DOUBLE -> BasicValue.DOUBLE_VALUE;
            default -> new BasicValue(type);
        };
    }

    @Override
    public BasicValue newParameterValue(boolean isInstanceMethod, int local, Type type) {
        if (isInstanceMethod && local == 0 && isConstructor) {
            return new UninitializedValue(currentClass, null);
        }
        return newValue(type);
    }

    /** The value an instance method's {@code this} has on entry. */
    BasicValue thisValue() {
        return isConstructor ? new UninitializedValue(currentClass, null) : newValue(currentClass);
    }

    @Override
    public BasicValue newOperation(AbstractInsnNode insn) throws AnalyzerException {
        if (insn.getOpcode() == Opcodes.NEW) {
            return new UninitializedValue(Type.getObjectType(((TypeInsnNode) insn).desc), insn);
        }
        return super.newOperation(insn);
    }

    @Override
    public BasicValue unaryOperation(AbstractInsnNode insn, BasicValue value) throws AnalyzerException {
        if (insn.getOpcode() == Opcodes.ATHROW && !isSubTypeOf(value, newValue(THROWABLE))) {
            // §4.10.1.9 athrow: BasicVerifier only asks for a reference
            throw new AnalyzerException(insn, "Bad type on operand stack: athrow of " + value + ", not a Throwable");
        }
        if (insn.getOpcode() == Opcodes.GETFIELD) {
            FieldInsnNode field = (FieldInsnNode) insn;
            checkProtected(insn, field.owner, field.name, field.desc, true, value);
        }
        return super.unaryOperation(insn, value);
    }

    @Override
    public BasicValue binaryOperation(AbstractInsnNode insn, BasicValue value1, BasicValue value2)
            throws AnalyzerException {
        if (insn.getOpcode() == Opcodes.PUTFIELD) {
            FieldInsnNode field = (FieldInsnNode) insn;
            checkProtected(insn, field.owner, field.name, field.desc, true, value1);
        }
        if (insn.getOpcode() == Opcodes.PUTFIELD && value1 instanceof UninitializedValue u && u.isThis()
                && ((FieldInsnNode) insn).owner.equals(currentClass.getInternalName())) {
            // §4.10.1.9 putfield: a constructor may set its own class's fields before calling super()
            return super.binaryOperation(insn, newValue(currentClass), value2);
        }
        return super.binaryOperation(insn, value1, value2);
    }

    @Override
    public BasicValue naryOperation(AbstractInsnNode insn, List<? extends BasicValue> values) throws AnalyzerException {
        if (insn.getOpcode() == Opcodes.INVOKEVIRTUAL) {
            MethodInsnNode call = (MethodInsnNode) insn;
            checkProtected(insn, call.owner, call.name, call.desc, false, values.get(0));
        }
        if (insn.getOpcode() != Opcodes.INVOKESPECIAL) {
            return super.naryOperation(insn, values);
        }
        MethodInsnNode call = (MethodInsnNode) insn;
        BasicValue receiver = values.get(0);
        if (call.name.equals("<init>")) {
            if (!(receiver instanceof UninitializedValue uninitialized)) {
                throw new AnalyzerException(insn, "bad type on operand stack: <init> called on an initialized object",
                        "an uninitialized object", receiver);
            }
            boolean rightClass = uninitialized.isThis()
                    ? call.owner.equals(currentClass.getInternalName()) || call.owner.equals(superClass)
                    : call.owner.equals(uninitialized.getType().getInternalName());
            if (!rightClass) {
                throw new AnalyzerException(insn, "bad <init> method call: " + uninitialized + " cannot be initialized"
                        + " by " + call.owner.replace('/', '.') + ".<init>");
            }
            List<BasicValue> initialized = new ArrayList<>(values);
            initialized.set(0, newValue(Type.getObjectType(call.owner)));
            return super.naryOperation(insn, initialized);
        }
        // §4.10.1.9 invokespecial: the receiver of a private or super call is the current class or a subclass
        if (!isSubTypeOf(receiver, newValue(currentClass))) {
            throw new AnalyzerException(insn, "bad type on operand stack: the receiver of invokespecial must be the"
                    + " current class", newValue(currentClass), receiver);
        }
        return super.naryOperation(insn, values);
    }

    /**
     * JVMS §4.10.1.8: a protected member of a superclass in another package may only be used through a
     * receiver of the current class (or a subclass), not through any instance of the superclass.
     */
    private void checkProtected(AbstractInsnNode insn, String owner, String name, String descriptor, boolean isField,
                                BasicValue receiver) throws AnalyzerException {
        if (owner.startsWith("[") || !isProperSuperclass(owner)) {
            return;
        }
        ClassHierarchy.Member member = hierarchy.resolve(owner, name, descriptor, isField);
        if (member == null || (member.access() & Opcodes.ACC_PROTECTED) == 0
                || packageOf(member.declaringClass()).equals(packageOf(currentClass.getInternalName()))) {
            return;
        }
        if (receiver instanceof UninitializedValue || !isSubTypeOf(receiver, newValue(currentClass))) {
            throw new AnalyzerException(insn, "bad access to protected data: " + name + " of "
                    + member.declaringClass().replace('/', '.') + " through a receiver that is not a "
                    + currentClass.getClassName(), newValue(currentClass), receiver);
        }
    }

    private boolean isProperSuperclass(String name) {
        for (String c = superClass; c != null; c = superclassOf(c)) {
            if (c.equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash);
    }

    @Override
    protected boolean isArrayValue(BasicValue value) {
        Type type = value.getType();
        return type != null && !(value instanceof UninitializedValue)
                && (type.getSort() == Type.ARRAY || type.equals(NULL));
    }

    @Override
    protected BasicValue getElementValue(BasicValue arrayValue) throws AnalyzerException {
        Type type = arrayValue.getType();
        if (type.equals(NULL)) {
            return arrayValue; // aaload from null: the JVM throws NullPointerException; the type is null
        }
        return newValue(Type.getType(type.getDescriptor().substring(1)));
    }

    @Override
    protected boolean isSubTypeOf(BasicValue value, BasicValue expected) {
        if (expected == null) {
            return false; // a value returned from a void method (BasicVerifier passes the void return type as null)
        }
        if (sameType(value, expected)) {
            return true;
        }
        if (value instanceof UninitializedValue || expected instanceof UninitializedValue) {
            return false;
        }
        Type from = value.getType();
        Type to = expected.getType();
        if (from == null || to == null || !isReference(from) || !isReference(to)) {
            return false;
        }
        return from.equals(NULL) || isAssignable(to, from);
    }

    /**
     * The same verification type. ASM's {@code BasicValue.equals} compares only the class, so an initialized
     * object would equal an uninitialized one of the same class (the other way round it does not): asked both
     * ways, the uninitialized types stay apart.
     */
    static boolean sameType(BasicValue a, BasicValue b) {
        return a.equals(b) && b.equals(a);
    }

    private static boolean isReference(Type type) {
        return type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY;
    }

    /** §4.10.1.2 isJavaAssignable for two reference types ({@code from} not null). */
    boolean isAssignable(Type to, Type from) {
        if (to.equals(from) || to.equals(OBJECT)) {
            return true;
        }
        if (to.getSort() == Type.ARRAY) {
            if (from.getSort() != Type.ARRAY) {
                return false;
            }
            Type toComponent = Type.getType(to.getDescriptor().substring(1));
            Type fromComponent = Type.getType(from.getDescriptor().substring(1));
            if (!isReference(toComponent) || !isReference(fromComponent)) {
                return toComponent.equals(fromComponent);
            }
            return isAssignable(toComponent, fromComponent);
        }
        String target = to.getInternalName();
        if (from.getSort() == Type.ARRAY) {
            return target.equals("java/lang/Cloneable") || target.equals("java/io/Serializable");
        }
        if (isInterface(target)) {
            return true;
        }
        for (String c = from.getInternalName(); c != null; c = superclassOf(c)) {
            if (c.equals(target)) {
                return true;
            }
        }
        return false;
    }

    private boolean isInterface(String name) {
        requireClass(name);
        return hierarchy.isInterface(name);
    }

    private String superclassOf(String name) {
        requireClass(name);
        return hierarchy.superclass(name);
    }

    private void requireClass(String name) {
        if (!hierarchy.exists(name)) {
            throw new MissingClassException(name);
        }
    }

    /** The verifier needs a class that is not on the class path; HotSpot throws NoClassDefFoundError here. */
    static final class MissingClassException extends RuntimeException {
        final String className;

        MissingClassException(String className) {
            super(className);
            this.className = className;
        }
    }

    @Override
    public BasicValue merge(BasicValue value1, BasicValue value2) {
        if (sameType(value1, value2)) {
            return value1;
        }
        if (value1 instanceof UninitializedValue || value2 instanceof UninitializedValue) {
            return BasicValue.UNINITIALIZED_VALUE;
        }
        Type a = value1.getType();
        Type b = value2.getType();
        if (a == null || b == null || !isReference(a) || !isReference(b)) {
            return BasicValue.UNINITIALIZED_VALUE;
        }
        if (a.equals(NULL)) {
            return value2;
        }
        if (b.equals(NULL)) {
            return value1;
        }
        return newValue(commonSupertype(a, b));
    }

    /** §4.10.2.2: the first common superclass, interfaces counting as Object; arrays component-wise. */
    private Type commonSupertype(Type a, Type b) {
        if (a.getSort() == Type.ARRAY && b.getSort() == Type.ARRAY) {
            Type componentA = Type.getType(a.getDescriptor().substring(1));
            Type componentB = Type.getType(b.getDescriptor().substring(1));
            if (isReference(componentA) && isReference(componentB)) {
                return Type.getType("[" + commonSupertype(componentA, componentB).getDescriptor());
            }
            return OBJECT;
        }
        if (a.getSort() == Type.ARRAY || b.getSort() == Type.ARRAY || isInterface(a.getInternalName())
                || isInterface(b.getInternalName())) {
            return OBJECT;
        }
        for (String c = a.getInternalName(); c != null; c = superclassOf(c)) {
            if (isAssignable(Type.getObjectType(c), b)) {
                return Type.getObjectType(c);
            }
        }
        return OBJECT;
    }
}
