/**
 * Tasklets: Kiln's threads of execution, and the scheduler that runs them, in Java down to the decision of
 * what runs next.
 *
 * <h2>Glossary</h2>
 * <dl>
 *   <dt>tasklet</dt><dd>a {@link kiln.kernel.sched.Tasklet}: a Java object with a name, a body to run, a state
 *       and its own machine stack. {@code java.lang.Thread} is one tasklet each; the kernel spawns others.</dd>
 *   <dt>run queue</dt><dd>the tasklets that are ready to run, first in first out among equal priorities; a
 *       higher priority goes ahead, within a bound that keeps anyone from starving ({@link
 *       kiln.kernel.sched.Scheduler}, "Priorities"). The running tasklet is not in it.</dd>
 *   <dt>system stack</dt><dd>one stack per CPU (64 KiB) that belongs to the runtime: code that holds frame
 *       addresses of a tasklet's stack runs there, so that the stack it inspects or moves is not the one it
 *       stands on (the grower, the collector's root scan). Go's {@code systemstack} / g0.</dd>
 *   <dt>stack limit</dt><dd>the lowest address a frame may reach on the running stack
 *       ({@code kiln_stack_limit}, docs/abi.md "Stack limit"); every prologue compares its frame's whole need
 *       with it before allocating the frame. Switched with the stack.</dd>
 *   <dt>preemption</dt><dd>taking the CPU from a tasklet that does not give it up. The timer interrupt asks for
 *       it; the interrupt's return <em>poisons</em> the stack limit, so the next prologue check or loop-head poll
 *       of the running code calls the grower, which takes the poison away and lets the scheduler decide.</dd>
 *   <dt>preempt-off</dt><dd>code that must not be preempted: Go keeps a count per thread; Kiln looks at the
 *       stack instead when a poisoned limit is found. Kernel code (the scheduler, channels, monitors,
 *       allocation, collection) and class initializers on the stack mean "not now": the request waits for the
 *       next tick. So the kernel's critical sections cost nothing on their way in and out.</dd>
 *   <dt>park / unpark</dt><dd>the one blocking primitive: a tasklet parks (leaves the CPU without going to the
 *       run queue) and some other tasklet unparks it. An unpark that comes first is remembered as a permit
 *       ({@code LockSupport} semantics). Sleep, join, channels and monitors are built on it, and so is the JDK's
 *       {@code java.util.concurrent}: {@code LockSupport.park} is {@code Unsafe.park}, which parks here through
 *       {@code LibrarySupport.park}; {@code Thread.interrupt} wakes a parked tasklet as HotSpot's unparks.</dd>
 * </dl>
 *
 * <h2>The hard problem: many small stacks</h2>
 * A million tasklets must fit in a few GiB, so a stack must start small (about 1 KiB), yet a tasklet that
 * recurses 10,000 deep must be able to. Kiln uses <b>contiguous stacks that are copied</b> (Go since 1.4):
 * a tasklet starts on a 640-byte block from the heap (Stacks.INITIAL_BYTES; with its Tasklet and Stack objects
 * an idle tasklet costs under 1 KiB); when a prologue finds that its frame would cross the limit,
 * {@link kiln.kernel.memory.Stacks} copies the live part of the stack to a block twice the size, relocates the
 * saved-rbp chain, and the prologue checks again. This works because Java never takes the address of a local:
 * after a copy, the saved-rbp chain is the only thing in a stack that points into it. Heap objects do not
 * move. The other holders of stack addresses are runtime code: the grower and the collector run on the system
 * stack; the unwinder and stack-trace capture first make sure that their stack will not grow under them
 * ({@code Stacks.ensureHeadroom}); saved rsp values live in {@link kiln.kernel.memory.Stack} objects, which
 * the grower updates. A stack stops growing at 1 MiB ({@code Stacks.MAX_BYTES}, HotSpot's default
 * {@code -Xss}): then StackOverflowError, thrown in a 64 KiB reserve added for it.
 * <p>Stacks also <b>shrink</b>: a collection halves the stack of every suspended tasklet that uses at most a
 * quarter of it (Go's rule), down to the first size, so a tasklet that once recursed deep does not keep that
 * memory while it waits. Since the live frames sit at the top of the block, halving moves only the bottom: a
 * new array header is written inside the unused lower part and takes over the old array's mark, so the sweep
 * frees the rest; no frame moves and nothing is allocated inside the collection
 * ({@code Stacks.shrinkSuspendedStacks}). The running tasklet and one suspended inside a frame walk are left
 * alone.
 *
 * <h2>Rejected alternatives</h2>
 * <ul>
 *   <li><b>Segmented stacks</b> (Go before 1.4, GCC's split stacks): a new segment is linked in when a frame
 *       does not fit and freed when the frame returns. A call at a segment boundary in a hot loop then
 *       allocates and frees on every iteration ("hot split"): unpredictable slowdowns of 10x and more.
 *       Copying pays once per doubling.</li>
 *   <li><b>A guard page per tasklet</b>: an unmapped page below each stack turns overflow into a fault, with
 *       no check in the prologue. But a page is 4 KiB, the stack above it at least another, so a million
 *       tasklets would cost 4 to 8 GiB, and growing would need page-table work per tasklet.</li>
 *   <li><b>Fixed stacks as OS threads have</b> (8 MiB reserved each, HotSpot's 1 MiB): a million tasklets
 *       would need 1 to 8 TiB of address space and their page tables; this is exactly what tasklets are
 *       meant to avoid.</li>
 * </ul>
 *
 * <h2>States, and who owns the stack in each</h2>
 * <ul>
 *   <li>{@code RUNNABLE}: in the run queue; its stack is suspended (rsp saved in its {@code Stack}) and only
 *       the scheduler touches it, by switching to it.</li>
 *   <li>{@code RUNNING}: on the CPU; it owns its stack, which may grow (move) at any call.</li>
 *   <li>{@code PARKED}: waiting for an unpark (a channel, a monitor, a join), maybe with a deadline; its stack is
 *       suspended, read only by the collector and the deadlock report.</li>
 *   <li>{@code SLEEPING}: waiting for its deadline only.</li>
 *   <li>{@code DEAD}: finished. Its stack goes back to the stack pool (or to the collector) once the next
 *       tasklet runs, since the dying tasklet still stands on it while it switches away.</li>
 * </ul>
 * When no tasklet is runnable, the scheduler waits for the earliest deadline; when there is none either,
 * nothing can ever wake anyone: it prints a deadlock report (every tasklet, what it waits on, its Java stack)
 * and ends the guest with a failing status.
 *
 * <h2>Preemption</h2>
 * Every tick (100 Hz) the timer handler asks for preemption; the interrupt dispatcher, on its way out, writes
 * {@code Stacks.PREEMPT_POISON} into the limit word instead of the interrupted value. The compiler polls the limit
 * at every loop head ({@code cmp rsp, [kiln_stack_limit]}), so a loop without calls is preempted too (Go before
 * 1.14 had no such poll and could starve). {@code Stacks.growFromPrologue} sees the poison, re-arms the limit,
 * reads on the system stack which methods the tasklet's frames belong to, and, if none is kernel code or a class
 * initializer, calls {@code Scheduler.preempt}, which yields if someone else can run. (Kernel code may hold frame
 * addresses, and the preempting call may grow and so move the stack.) The grower stands in the reserve under the
 * limit when the poll came close to it, so it grows the stack first if need be: called from the reserve, the
 * handler's own prologue would grow from below the limit and write under the stack's base.
 * <i>Rejected</i>: switching inside the interrupt handler (asynchronous preemption): any instruction could be
 * interrupted, with values in registers the baseline never saves across a call and the collector cannot see;
 * it needs stack maps at every instruction. <i>Rejected</i>: a flag polled only at the prologue: loops without
 * calls would never yield. On the hosted target SIGALRM from an interval timer is the tick (kiln.kernel.cpu.
 * HostedSignals): the same dispatcher, the same poisoned limit.
 *
 * <h2>The switch</h2>
 * {@code Intrinsics.switchStacks}: 9 instructions that push a resume point and rbp, store rsp, load the other
 * stack's rsp, pop its rbp and return into its resume point. The baseline compiler keeps nothing in registers
 * across a call, so that is the whole context; the scheduler decides everything else in Java.
 */
package kiln.kernel.sched;
