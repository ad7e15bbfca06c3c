/**
 * The optimizing tier: bytecode to SSA, a few classic optimizations, linear-scan register allocation, and code
 * that keeps the baseline's frame contract, so the runtime cannot tell which tier compiled a method.
 *
 * <h2>Where it sits</h2>
 * The compiler calls it through one hook ({@code CodeGeneration} asks {@code OptimizingTier}, a method backend,
 * before the baseline's {@code MethodCompiler}), and the tier sees the compiler only through
 * {@link dev.kiln.compiler.opt.Host}: resolved fields, calls (devirtualized by class-hierarchy analysis of the
 * finished closed world), allocations and symbols, answered as the baseline would resolve them, or null for
 * anything the tier does not handle. A method outside the supported subset is declined and the baseline compiles
 * it; the build report counts both tiers, the reasons for
 * declining and what was inlined. The subset: int, long, float and double arithmetic, compares and conversions;
 * locals, branches, switches and loops; array and field access with their checks; static, special, virtual and
 * interface calls; allocation; checkcast, instanceof, athrow; exception handlers (see {@link
 * dev.kiln.compiler.opt.GraphBuilder}: handlers' locals written through to frame slots, exception edges); monitors
 * and synchronized methods. Declined: {@code frem}/{@code drem}, intrinsics, {@code Unsafe}, and kernel code
 * ({@code kiln.kernel.*}, {@code kiln.runtime.*}, which needs explicit null checks and intrinsics).
 *
 * <h2>The IR</h2>
 * A control-flow graph of basic blocks ({@link dev.kiln.compiler.opt.Block}) holding SSA nodes
 * ({@link dev.kiln.compiler.opt.Node}) in program order, phis at block heads. Nodes with effects (stores, calls,
 * checks that may throw) keep their order; pure nodes float only as far as the passes move them.
 * {@link dev.kiln.compiler.opt.GraphBuilder} builds it by abstract interpretation of the JVM stack and locals over
 * ASM's Analyzer frames, inlining small methods that cannot be overridden and cannot throw (so no stack trace
 * changes: an inlined frame would otherwise vanish from a trace), and small ones that may throw but have no effect
 * before they do: where they would throw, the inlined code calls the method for real, which throws in its own
 * frame. Constructors are inlined on the first terms when they only store to their own object's fields and call
 * a superclass constructor that qualifies too. {@code instanceof}/{@code checkcast} of ordinary classes are compiled inline, {@code System.arraycopy}
 * as a call of a stub that copies same-class arrays with one {@code rep movsb}.
 * <i>Rejected</i>: a sea of nodes (Click; HotSpot C2, Graal). Its freedom to schedule pays off with a global code
 * motion and scheduling pass and an aggressive optimizer; for a first tier with a handful of passes it costs a
 * scheduler before anything can be emitted, and makes every pass reason about control and memory edges. A CFG
 * with SSA inside blocks (C1, LLVM, V8's Maglev) keeps the bytecode's order for effects for free, and value
 * numbering and invariant motion recover most of what floating nodes give.
 *
 * <h2>Pass order</h2>
 * ({@link dev.kiln.compiler.opt.OptimizingCompiler#optimize}) trivial-phi removal, constant folding, dead-code
 * elimination; scalar replacement of allocations that do not escape ({@link dev.kiln.compiler.opt.ScalarReplacement},
 * with its own essay) and the same cleaning again; global value numbering over the dominator tree (this merges the loop test's {@code a.length} with
 * the body's); critical-edge splitting; bounds-check elimination for loop induction variables proven below the
 * array's length by a dominating branch; loop-invariant code motion into preheaders (double constants too); dead
 * code once more (bounds-check elimination also drops a check that the same dominating check makes redundant).
 * Each pass is linear or close to it: the build-time budget is the baseline's times two.
 *
 * <h2>Registers and the runtime</h2>
 * {@link dev.kiln.compiler.opt.LinearScan} allocates rbx, rsi, rdi, r8-r15 and xmm2-xmm15 (floats and doubles
 * live in XMM registers, a float in the low 32 bits, with the ss instructions; a float leaves for a call or a
 * return as the baseline keeps it, its raw bits zero-extended); rax, rcx, rdx and xmm0-1 stay scratch. Direct calls
 * between optimized methods pass arguments in registers and preserve rbx, r12-r15 ({@link
 * dev.kiln.compiler.opt.RegisterConvention}, which has the design, the collector's invariant and the rejected
 * alternatives): each such method's ordinary symbol is an adapter from the baseline's convention in front of its
 * register entry. Every other call keeps the baseline's convention (arguments pushed, result in rax, every register
 * clobbered), so the collector, which is conservative over stack words, finds every reference live across it on
 * the stack: such a value is either spilled for its whole life or, when it is used more often than it crosses
 * calls (weighted by loop depth), kept in its register and pushed and popped around each call it crosses. Safepoint
 * polls at loop
 * heads do the same in their slow path only, so call-free loops keep everything in registers; the interrupt stub
 * saves the tier's registers too. Frames are the baseline's shape (rbp chain, the method table's frame size and line
 * table), so unwinding, stack traces, stack growth and preemption work unchanged.
 * <i>Rejected</i>: graph-colouring allocation (Chaitin-Briggs): better code in high-pressure regions, but an
 * interference graph and iterated coalescing cost time and memory superlinear in the method size, and the hot
 * loops here fit in 11 + 14 registers anyway.
 *
 * <h2>Not yet</h2>
 * Inlining methods with handlers or monitors, and inlined frames in stack traces (an inline table beside the line
 * table; escape analysis would gain most from them); register entries in vtables and itables; precise stack maps
 * as the collector's default (they exist in both tiers, opt-in: docs/abi.md "Stack maps").
 */
package dev.kiln.compiler.opt;
