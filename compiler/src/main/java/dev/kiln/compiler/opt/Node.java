package dev.kiln.compiler.opt;

import java.util.Arrays;

/**
 * One SSA value or effect: an operation, its inputs (other nodes, each defined exactly once, dominating its
 * uses) and the operation's constant operands. A node lives in exactly one block, in program order there;
 * phis are kept apart at the head of their block, with one input per predecessor, in the predecessors' order.
 */
final class Node {
    /** The type of the value a node produces, as the register allocator sees it (XMM for FLOAT and DOUBLE). */
    enum Kind {
        INT, LONG, FLOAT, DOUBLE, REF, VOID;

        boolean isFloating() {
            return this == DOUBLE || this == FLOAT;
        }

        /** Width of the value in a general-purpose register. */
        int bits() {
            return this == INT ? 32 : 64;
        }
    }

    enum Op {
        PARAM, CONST, PHI,
        ADD, SUB, MUL, DIV, REM, AND, OR, XOR, SHL, SHR, USHR, NEG,
        I2L, L2I, I2B, I2C, I2S, I2D, L2D, D2I, D2L, SQRT,
        /** The float conversions (JVMS §2.8.3): to and from int, long and double. */
        I2F, L2F, F2I, F2L, F2D, D2F,
        /** lcmp: -1, 0 or 1. */
        LCMP,
        /** dcmpl / dcmpg, fcmpl / fcmpg (by the inputs' kind): -1, 0 or 1; {@code constant} = the result for NaN. */
        DCMP,
        ARRAY_LENGTH, BOUNDS_CHECK, ARRAY_LOAD, ARRAY_STORE,
        GET_FIELD, PUT_FIELD, GET_STATIC, PUT_STATIC,
        /** The address of a symbol: a string literal or a Class object. */
        ADDRESS,
        INIT_CHECK, NULL_CHECK, CALL, NEW, NEW_ARRAY,
        /**
         * checkcast and instanceof ({@code target} a {@link Host.TypeCheck}): a type-table test, no call; a failed
         * cast throws through {@code Support.checkCast}. checkcast is an effect (it may throw); its value is the
         * input itself.
         */
        CHECKCAST, INSTANCEOF, GET_CLASS,
        /**
         * aastore's test of (array, value): a call of the shared stub ({@link TypeTableCode#emitArrayStoreStub}),
         * which changes only rcx, or throws.
         */
        ARRAY_STORE_CHECK,
        /** {@code System.arraycopy(src, srcPos, dest, destPos, length)}: a call of a shared stub with a fast path. */
        ARRAY_COPY,
        /**
         * Exception handlers (see {@link GraphBuilder}): CATCH, first in a handler's landing block, is the exception
         * the unwinder delivers in rax; HANDLER_STORE writes a JVM local a handler reads to its frame slot
         * ({@code constant} = the slot's offset from rbp), HANDLER_LOAD reads it back at the landing.
         */
        CATCH, HANDLER_STORE, HANDLER_LOAD,
        /** Terminators; THROW is athrow ({@code Support.throwException}, which does not return). */
        GOTO, IF, RETURN, THROW;

        /** No effect, no fault: may be merged with an equal node (GVN), moved (LICM) or dropped when unused. */
        boolean isPure() {
            return switch (this) {
                case CONST, ADD, SUB, MUL, AND, OR, XOR, SHL, SHR, USHR, NEG, I2L, L2I, I2B, I2C, I2S, I2D, L2D, D2I,
                        D2L, SQRT, I2F, L2F, F2I, F2L, F2D, D2F, LCMP, DCMP, ADDRESS -> true;
                default -> false;
            };
        }

        /** Ends in a machine call: every register is clobbered (docs/abi.md: only rbp survives a call). */
        boolean calls() {
            return this == INIT_CHECK || this == CALL || this == NEW || this == NEW_ARRAY || this == ARRAY_COPY;
        }

        boolean isTerminator() {
            return this == GOTO || this == IF || this == RETURN || this == THROW;
        }
    }

    /** Conditions of IF: signed integer order, or, for doubles, the ordered relation (NaN compares false). */
    enum Cond {
        EQ, NE, LT, GE, GT, LE;

        Cond negate() {
            return switch (this) {
                case EQ -> NE;
                case NE -> EQ;
                case LT -> GE;
                case GE -> LT;
                case GT -> LE;
                case LE -> GT;
            };
        }

        Cond swap() {
            return switch (this) {
                case LT -> GT;
                case GT -> LT;
                case LE -> GE;
                case GE -> LE;
                default -> this;
            };
        }

        boolean holds(long a, long b) {
            return switch (this) {
                case EQ -> a == b;
                case NE -> a != b;
                case LT -> a < b;
                case GE -> a >= b;
                case GT -> a > b;
                case LE -> a <= b;
            };
        }
    }

    final int id;
    final Op op;
    final Kind kind;
    Node[] inputs;
    /** CONST: the value (a double's raw bits); PARAM: the argument slot; element size of array accesses. */
    long constant;
    /** Resolved reference of fields, calls, allocations and addresses (a {@link Host} record or a symbol). */
    Object target;
    /** IF: the condition; on doubles the branch is taken when the ordered relation holds, unless negated. */
    Cond cond;
    /** IF on doubles: branch when the ordered relation does NOT hold (NaN goes this way). */
    boolean negated;
    /** The source line (LineNumberTable), or -1. */
    int line = -1;
    /**
     * For a node that may throw inside a try range: the handlers that cover it, innermost first (the method's
     * exception table order); null elsewhere. Its machine code gets the handler table rows.
     */
    java.util.List<Graph.Catch> catches;
    /**
     * A call on a path taken only where code would otherwise throw (an inlined method called for real): register
     * allocation does not count it against keeping values in registers.
     */
    boolean rare;
    Block block;

    /**
     * The id, unique in its graph: hash tables keyed by nodes iterate in the same order in every build. (Identity
     * hashes differ with whatever hashed before, and where an iteration order decides, as which freed spill slot
     * is reused first, so did the code: an unrelated change to the compiler moved bytes of bench WordFrequency.)
     */
    @Override
    public int hashCode() {
        return id;
    }

    Node(int id, Op op, Kind kind, Node... inputs) {
        this.id = id;
        this.op = op;
        this.kind = kind;
        this.inputs = inputs;
    }

    Node input(int i) {
        return inputs[i];
    }

    boolean isConstant() {
        return op == Op.CONST;
    }

    /**
     * Whether executing the node may throw: a call or an explicit check, an integer division by what may be zero, and
     * the accesses that fault on a null reference (docs/abi.md "Faults"). An element access's own fault is its array
     * length's, read first; an array's length and an object's class are read at an offset below 4096.
     */
    boolean mayThrow() {
        return switch (op) {
            case NULL_CHECK, BOUNDS_CHECK, ARRAY_LENGTH, GET_FIELD, PUT_FIELD, CHECKCAST, ARRAY_STORE_CHECK, GET_CLASS,
                    THROW -> true;
            case DIV, REM -> !kind.isFloating() && (!input(1).isConstant() || input(1).constant == 0);
            default -> op.calls();
        };
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("v").append(id).append(" = ").append(op).append(':').append(kind);
        if (op == Op.CONST || op == Op.PARAM) {
            s.append(' ').append(constant);
        }
        if (cond != null) {
            s.append(' ').append(cond).append(negated ? "!" : "");
        }
        Arrays.stream(inputs).forEach(in -> s.append(" v").append(in.id));
        return s.toString();
    }
}
