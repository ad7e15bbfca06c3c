package dev.kiln.compiler.opt;

import static dev.kiln.compiler.asm.Reg.ECX;
import static dev.kiln.compiler.asm.Reg.RAX;
import static dev.kiln.compiler.asm.Reg.RCX;
import static dev.kiln.compiler.asm.Reg.RDX;
import static dev.kiln.compiler.asm.Reg.RSP;

import dev.kiln.compiler.asm.Assembler;
import dev.kiln.compiler.asm.Cond;
import dev.kiln.compiler.asm.Imm;
import dev.kiln.compiler.asm.Label;
import dev.kiln.compiler.asm.Mem;
import dev.kiln.compiler.asm.Reg;

/**
 * The instruction sequences both tiers emit against the type table (its design: {@code dev.kiln.compiler.analysis.TypeTable};
 * docs/abi.md "Type table"): interface calls, subtype tests and the aastore check, each a few loads and a compare
 * with no call on the path that succeeds. Shared so that a fix to one tier is a fix to both ({@code MethodCompiler}
 * and {@link CodeGenerator}).
 */
public final class TypeTableCode {
    private TypeTableCode() {
    }

    /** The byte offsets of the Class object's fields {@code typeTableRow} and {@code elementTypeEntry}. */
    public record ClassFields(int typeTableRow, int elementTypeEntry) {
    }

    /**
     * {@code invokeinterface} with the arguments pushed, the receiver {@code receiverDepth} words above rsp: the
     * method's code is the entry of its selector in the row of the receiver's class. A null receiver faults at the
     * class load (NullPointerException there, docs/abi.md "Faults"); a class without the entry (it does not
     * implement the interface) calls {@code throwIncompatible(receiver, interfaceClass)}, which throws. Clobbers rax
     * and rcx.
     * <pre>
     * mov rax, [rsp + 8*receiverDepth]; mov rax, [rax]; mov rax, [rax + typeTableRow]
     * cmp qword [rax + entry], entry; je found
     * mov rcx, [rsp + 8*receiverDepth]; push rcx; lea rcx, [interfaceClass]; push rcx; call throwIncompatible
     * found: call [rax + entry + 8]
     * </pre>
     */
    public static void interfaceCall(Assembler asm, ClassFields fields, int receiverDepth, int entry,
                                     String interfaceClass, String throwIncompatible) {
        Label found = asm.newLabel();
        asm.mov(RAX, Mem.of(64, RSP, 8 * receiverDepth));
        asm.mov(RAX, Mem.of(64, RAX, 0));
        asm.mov(RAX, Mem.of(64, RAX, fields.typeTableRow()));
        asm.cmp(Mem.of(64, RAX, entry), Imm.of(entry));
        asm.jcc(Cond.E, found);
        asm.mov(RCX, Mem.of(64, RSP, 8 * receiverDepth));
        asm.push(RCX);
        asm.lea(RCX, Mem.symbol(0, interfaceClass, 0));
        asm.push(RCX);
        asm.call(throwIncompatible);
        asm.bind(found);
        asm.call(Mem.of(64, RAX, entry + 8));
    }

    /**
     * Sets ZF exactly when the non-null {@code object}'s class has the type-table entry {@code entry}: a subtype
     * test of a supertype column. Leaves the row's address in {@code scratch}.
     * <pre>
     * mov scratch, [object]; mov scratch, [scratch + typeTableRow]; cmp qword [scratch + entry], entry
     * </pre>
     */
    public static void testEntry(Assembler asm, ClassFields fields, Reg object, Reg scratch, int entry) {
        asm.mov(scratch, Mem.of(64, object, 0));
        asm.mov(scratch, Mem.of(64, scratch, fields.typeTableRow()));
        asm.cmp(Mem.of(64, scratch, entry), Imm.of(entry));
    }

    /** The symbol of the aastore test ({@link #emitArrayStoreStub}), emitted once per program. */
    public static final String ARRAY_STORE_STUB = "kiln_array_store_check";

    /**
     * The test of {@code aastore} (JVMS §6.5), called by both tiers with the array in rax and the value in rdx; it
     * returns when the store may go on, having changed only rcx: when the value is null, or the array's class has no
     * element entry (an {@code Object[]}: anything goes), or the value's class has the element class's entry in its
     * row. When it may not (or the array is null), the stub replaces its return address by the two arguments of
     * {@code throwArrayStore(array, value)} and jumps there, so that the routine, which always throws (a
     * NullPointerException for a null array, else an ArrayStoreException), runs as if the aastore had called it: the
     * trace shows the method and line of the aastore, and the stub, which has no frame, does not appear.
     * <pre>
     * test rdx, rdx; jz storable; test rax, rax; jz fails
     * mov rcx, [rax]; mov ecx, [rcx + elementTypeEntry]; test ecx, ecx; jz storable
     * push rdx; mov rdx, [rdx]; mov rdx, [rdx + typeTableRow]; cmp [rdx + rcx], rcx; pop rdx; je storable
     * fails: pop rcx; push rax; push rdx; push rcx; jmp throwArrayStore
     * storable: ret
     * </pre>
     * <i>Rejected</i>: the test inline at every aastore: 45 bytes each, where the JDK's resource bundles have tens of
     * thousands of aastores in code that runs once (an image 7 % larger); the call and return cost a few cycles.
     */
    public static void emitArrayStoreStub(Assembler asm, ClassFields fields, String throwArrayStore) {
        Label storable = asm.newLabel();
        Label fails = asm.newLabel();
        asm.symbol(ARRAY_STORE_STUB);
        asm.test(RDX, RDX);
        asm.jcc(Cond.E, storable);
        asm.test(RAX, RAX);
        asm.jcc(Cond.E, fails);
        asm.mov(RCX, Mem.of(64, RAX, 0));
        asm.mov(ECX, Mem.of(32, RCX, fields.elementTypeEntry())); // zero-extends into rcx
        asm.test(ECX, ECX);
        asm.jcc(Cond.E, storable);
        asm.push(RDX);
        asm.mov(RDX, Mem.of(64, RDX, 0));
        asm.mov(RDX, Mem.of(64, RDX, fields.typeTableRow()));
        asm.cmp(Mem.of(64, RDX, RCX, 1, 0), RCX);
        asm.pop(RDX);
        asm.jcc(Cond.E, storable);
        asm.bind(fails);
        asm.pop(RCX);
        asm.push(RAX);
        asm.push(RDX);
        asm.push(RCX);
        asm.jmp(throwArrayStore);
        asm.bind(storable);
        asm.ret();
        asm.endSymbol();
    }
}
