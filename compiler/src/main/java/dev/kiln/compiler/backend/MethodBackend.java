package dev.kiln.compiler.backend;

import dev.kiln.compiler.analysis.Program;
import dev.kiln.compiler.asm.Assembler;
import dev.kiln.compiler.world.ClassInfo;

/**
 * A code generator for one method of a finished {@link Program}: the baseline ({@link MethodCompiler}) and the
 * optimizing tier ({@link OptimizingTier}) are the two. Each generates the method's code as one fragment under the
 * method's symbol, which code generation appends to the text section, and answers its frame size, handlers and lines for the method
 * table; everything it refers to it asks the program for, so no backend can reach what the analysis did not.
 * A backend may decline a method (null): the next one compiles it, and the baseline takes every method.
 */
@FunctionalInterface
interface MethodBackend {
    /**
     * {@code method} compiled into {@code fragment}, an assembler of its own (offsets in the answer are the
     * fragment's), or null: declined, and the fragment is dropped.
     */
    MethodCompiler.Compiled compile(Assembler fragment, ClassInfo.Method method);
}
