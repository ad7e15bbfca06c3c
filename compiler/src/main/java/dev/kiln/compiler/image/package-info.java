/**
 * The image: the data the compiled code refers to, laid out once code generation is done — Class objects with
 * vtables and itables, string literals, statics, the method table with its handler and line tables, resources and
 * time zones ({@link dev.kiln.compiler.image.ImageData}, docs/abi.md "Tables") — and the build report
 * ({@link dev.kiln.compiler.image.BuildReport}). It is the last phase: it reads the finished {@code Program} and
 * the backends' method-table rows, and nothing reads it but the compiler's door, which puts its sections into the
 * object module.
 */
package dev.kiln.compiler.image;
