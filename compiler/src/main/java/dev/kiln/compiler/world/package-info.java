/**
 * The world: the classes of the closed world as the compiler sees them, loaded on demand from the class path and
 * the JDK's run-time image ({@link dev.kiln.compiler.world.ClassFileLoader}), resolved (JVMS §5.4.3; the rules a
 * reference must pass in {@link dev.kiln.compiler.world.Linkage}) and laid out: fields, vtables and the Class
 * objects' contents of docs/abi.md "Objects", "Class objects". It is the first phase and the one the others ask
 * (docs/compiler.md "Analysis before code", "Packages"); nothing in it knows that an analysis or a backend exists.
 *
 * <h2>Its door</h2>
 * <ul>
 *   <li>{@link dev.kiln.compiler.world.World}: find, require, resolve, dispatch, lay out; the hand-off of each
 *       class to the verifier. It alone links and lays out a class.</li>
 *   <li>{@link dev.kiln.compiler.world.ClassInfo} with its {@code Method} and {@code Field}: one class, its link
 *       state (superclass, interfaces, component) and layout, read by the other phases through read-only
 *       accessors.</li>
 *   <li>The vocabulary every phase shares, here because it depends on the world only:
 *       {@link dev.kiln.compiler.world.KernelAbi} (every kernel-template class and member the compiler names),
 *       {@link dev.kiln.compiler.world.Symbols} (link-time symbol names),
 *       {@link dev.kiln.compiler.world.BytecodeOffsets} (the bytecode offsets ASM's tree drops, for messages) and
 *       {@link dev.kiln.compiler.world.UnsafeOffsets} (build-time answers to {@code Unsafe}'s layout
 *       questions).</li>
 * </ul>
 * Inside, not part of the door: Kiln's rewrites of JDK bytecode, applied as a class is read ({@code
 * JdkMethodPatches} and the three rewrites by class name that {@code World} keeps in one table).
 *
 * <p>It uses only the module's API types ({@code ClassPath}) and {@code dev.kiln.compiler.verify}, whose
 * checks see the world through {@code ClassHierarchy}.
 */
package dev.kiln.compiler.world;
