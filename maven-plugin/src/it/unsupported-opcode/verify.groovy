// kiln:image refused the program and said where: class, method, bytecode offset and opcode.
def log = new File(basedir, 'build.log').text
assert log.contains('kiln:image: dev.kiln.it.FloatRemainder cannot be compiled to machine code')
def problem = log.readLines().find { it.contains('FloatRemainder.tenths') && it.contains('unsupported opcode FREM') }
assert problem != null : 'no line of the build log names FloatRemainder.tenths and the FREM opcode'
// javap -c: 0 iload_0, 1 i2f, 2 ldc 1.5f, 4 fmul, 5 fconst_1, 6 frem
assert problem.contains('FloatRemainder.tenths(I)I at bytecode offset 6') : "wrong place or offset: $problem"
assert !new File(basedir, 'target/unsupported-opcode.iso').exists()
