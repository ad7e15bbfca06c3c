/**
 * The analysis: the closed world grown from its roots to its fixed point by rapid type analysis, every reached
 * method verified and lowered before anything looks at its code, then frozen into one immutable
 * {@link dev.kiln.compiler.analysis.Program} — the methods to compile, the instantiated classes, Class objects,
 * statics, literals, initialization routines — before any code is generated (docs/compiler.md "Analysis before
 * code", where the choice of RTA and the rejected alternatives are).
 *
 * <h2>Its door</h2>
 * <ul>
 *   <li>{@link dev.kiln.compiler.analysis.Reachability#analyze}: the one way in, from the world, the entry points
 *       and the options.</li>
 *   <li>{@link dev.kiln.compiler.analysis.Program}: everything a backend or the image may ask; a reference the
 *       analysis did not reach is an internal error there, never a silent addition.</li>
 *   <li>{@link dev.kiln.compiler.analysis.CallLinking}: how a call is made, one decision the analysis and both
 *       backends share (including which calls are inline intrinsics, not calls).</li>
 *   <li>{@link dev.kiln.compiler.analysis.Diagnostics}: the build's problems and warnings, which the backends add
 *       to; the build fails once, with all of them.</li>
 * </ul>
 * Inside: the worklist's helpers — {@code MethodReferences} (what a method's code will refer to), the lowerings
 * ({@code IndyLowering}, {@code VarHandleLowering} with {@code VarHandleAccessCode} and {@code
 * KnownValueInterpreter}, {@code ConstantArrayLowering}), reflection ({@code ReflectionRegistry}, {@code
 * ReflectionMetadata}, {@code ReflectionConfiguration}, {@code ProxyClassGenerator}) and what runs on the finished
 * world ({@code InterruptHandlerRules}, {@code ResourceSelection}, {@code TimeZoneDatabase}, public only for the
 * options' default zone).
 *
 * <p>It uses the world and the module's API types only: no backend and no image layout, so what is reachable
 * cannot depend on which tier compiles a method.
 */
package dev.kiln.compiler.analysis;
