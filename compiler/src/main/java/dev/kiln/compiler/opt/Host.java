package dev.kiln.compiler.opt;

import dev.kiln.compiler.asm.Assembler;
import org.objectweb.asm.tree.MethodNode;

/**
 * What the optimizing tier needs from the rest of the compiler: references resolved in the closed world (each
 * answer also reaches what it names, as the baseline's references do), the runtime's symbols, and the prologue's
 * stack check. Every lookup answers null for what the tier does not handle (a reference that does not link, an
 * intrinsic, an interface call, ...); the method is then compiled by the baseline, which reports what needs
 * reporting. This interface is the whole coupling between the tier and the compiler.
 */
public interface Host {
    /** A class-initialization check: {@code cmp qword [stateWord], 0; jne done; call routine}. */
    record InitCheck(String stateWord, String routine) {
    }

    /** An instance field: byte offset in the object, size in bytes, JVM descriptor. */
    record InstanceField(int offset, int size, String descriptor) {
    }

    /** A static field: its 8-byte slot's symbol, and the check of its class (null when none is needed). */
    record StaticField(String symbol, String descriptor, InitCheck initCheck) {
    }

    /**
     * How a call is made. {@code symbol} for direct calls, for interface calls the interface's Class object;
     * {@code dispatch}: for virtual calls the vtable entry's offset in the Class object, for interface calls the
     * selector's entry in a type-table row ({@link TypeTableCode#interfaceCall});
     * {@code nullCheck}: a direct call of an instance method, whose receiver must be checked because the call does
     * not touch it. {@code inlinable}: the callee's code, when it is static, private or final and so cannot be
     * overridden (null otherwise). SQRT is {@code Math.sqrt} (sqrtsd), GET_CLASS {@code Object.getClass()} (the
     * header's first word), ARRAY_COPY {@code System.arraycopy} (its {@code symbol} the method, for the slow path).
     */
    record Call(Kind kind, String symbol, int dispatch, boolean nullCheck, InitCheck initCheck,
                MethodNode inlinable, String calleeOwner) {
        public enum Kind { DIRECT, VIRTUAL, INTERFACE, SQRT, GET_CLASS, ARRAY_COPY }
    }

    /**
     * A class to allocate: its Class object's symbol, its initialization check (or null), the size of an instance,
     * the heap's words for the inline fast path (JvmSequences.bumpAllocate), and its name (internal form, for the
     * build report).
     */
    record Allocation(String classObject, InitCheck initCheck, int instanceSize, JvmSequences.HeapWords heap,
                      String className) {
    }

    /**
     * {@code opcode}: GETFIELD or PUTFIELD (linkage differs: a final field is set only by its own class);
     * {@code accessor}: the class whose code accesses it (an inlined method's own class: access is checked as its).
     */
    InstanceField instanceField(String accessor, int opcode, String owner, String name, String descriptor);

    /**
     * A {@code putfield} in the constructor {@code <init>constructorDescriptor} of class {@code accessor}, inlined
     * into another method: linked as in that constructor, where a final field of its class may be set (JVMS §6.5
     * putfield).
     */
    InstanceField constructorField(String accessor, String constructorDescriptor, String owner, String name,
                                   String descriptor);

    StaticField staticField(int opcode, String owner, String name, String descriptor);

    /** {@code isInterface}: the reference is an InterfaceMethodref (JVMS §4.4.2). */
    Call call(int opcode, String owner, String name, String descriptor, boolean isInterface);

    Allocation newInstance(String className);

    /**
     * An array class to allocate: its Class object's symbol, the bytes of an element and the heap's words for the
     * inline fast path (JvmSequences.bumpAllocateArray).
     */
    record ArrayAllocation(String classObject, int elementSize, JvmSequences.HeapWords heap) {
    }

    /** An array class ({@code [I}, {@code [Ljava/lang/String;}) to allocate, instantiated; null if it does not link. */
    ArrayAllocation newArray(String arrayDescriptor);

    String stringLiteral(String value);

    /** The Class object of a class or array class (for checkcast, instanceof, class literals), or null. */
    String classObject(String internalNameOrDescriptor);

    /**
     * The target of a checkcast or instanceof: its Class object's symbol, and the byte offset of its entry in a
     * type-table row ({@link TypeTableCode#testEntry}), 0 for Object (every non-null reference is one).
     */
    record TypeCheck(String classObject, int entry) {
    }

    /** A checkcast's or instanceof's target class, or null if it does not link. */
    TypeCheck typeCheck(String internalNameOrDescriptor);

    /** The Class object's fields that the type table's sequences read. */
    TypeTableCode.ClassFields typeTableFields();

    /** The byte offset of a field of every Class object ({@code superclass}, {@code elementSize}; docs/abi.md). */
    int classObjectField(String name);

    /** The symbol of a {@code kiln.runtime.Support} entry point (docs/abi.md), reached. */
    String runtime(String name, String descriptor);

    String stackGrower();

    /** The prologue's stack check for a frame that needs {@code frameBytes} below rsp (docs/abi.md "Stack limit"). */
    void emitStackCheck(Assembler asm, long frameBytes);

    /**
     * The same check, its slow path running {@code saveAroundGrower} before the grower's call and
     * {@code restoreAfterGrower} after it (a register entry keeps its argument registers there, RegisterConvention).
     */
    void emitStackCheck(Assembler asm, long frameBytes, Runnable saveAroundGrower, Runnable restoreAfterGrower);

    /** How many bytes the baseline's code of the method being compiled takes (TierSelection weighs the tier's). */
    int baselineCodeBytes();
}
