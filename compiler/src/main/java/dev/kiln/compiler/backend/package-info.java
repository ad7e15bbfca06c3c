/**
 * The backends: code generation for a finished {@code Program}, one fragment per method from the first
 * {@code MethodBackend} that takes it (docs/compiler.md "Analysis before code"). The baseline,
 * {@link dev.kiln.compiler.backend.MethodCompiler}, takes every method; {@code OptimizingTier} is the optimizing
 * tier's adapter, answering {@code dev.kiln.compiler.opt.Host} from the program and declining what the tier
 * cannot compile. What both must do the same way for the runtime is written once and shared, not copied: how a
 * call links ({@code CallLinking}, in the analysis), the prologue's stack check that is also the preemption point
 * and the throw of a LinkageError ({@code RuntimeConventions}), the devirtualizations the build report counts
 * ({@code Devirtualizations}).
 *
 * <h2>Its door</h2>
 * {@link dev.kiln.compiler.backend.CodeGeneration}: {@code generate()} the text section, then the rows of the
 * method table ({@code methodTable()}, with {@code MethodCompiler}'s handler and line rows) and the build
 * report's lines on the tiers ({@code tierReport()}) for the image.
 *
 * <p>It uses the analysis and the world; the image comes after it and it does not know the image.
 * <i>Rejected</i>: the baseline in a package of its own ({@code backend.baseline}): the shared conventions
 * ({@code RuntimeConventions}, {@code Devirtualizations}) would turn public for one class, and the backend's
 * door would stay the same.
 */
package dev.kiln.compiler.backend;
