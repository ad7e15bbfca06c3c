/**
 * Kiln's object format: what the assembler and compiler produce and the linker consumes. It is deliberately
 * smaller than ELF's relocatable format: sections, global symbols, and five relocation kinds.
 */
package dev.kiln.compiler.object;
