/**
 * The Maven goals {@code kiln:image}, {@code kiln:run}, {@code kiln:boot-test} and {@code kiln:test}.
 *
 * <p>Like Jib's Maven plugin, the Mojos only map parameters and errors: each one checks its parameters
 * ({@link dev.kiln.maven.GoalParameters}), calls one engine entry point ({@code dev.kiln.toolchain.KilnBuild},
 * {@code dev.kiln.qemu.Qemu} or {@code dev.kiln.testengine.KilnTestRun}) and turns the engine's typed
 * exceptions into build errors that name the XML element or {@code -D} property to change. Every piece of logic that could be shared with the {@code kiln}
 * CLI lives in the engine modules, not here.
 *
 * <p>Misspelled configuration is an error, not silently ignored: {@link dev.kiln.maven.ConfigurationCheck}
 * compares the {@code <configuration>} elements and {@code -Dkiln.*} properties a build gives with the
 * parameters the plugin descriptor declares.
 */
package dev.kiln.maven;
