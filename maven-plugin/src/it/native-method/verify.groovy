// kiln:image refused the program and said where: the class, the native method and the chain that reached it.
def log = new File(basedir, 'build.log').text
assert log.contains('kiln:image: dev.kiln.it.NativeChecksum cannot be compiled to machine code')
def problem = log.readLines().find { it.contains('native method dev.kiln.it.NativeChecksum.checksum(I)I') }
assert problem != null : 'no line of the build log names the native method NativeChecksum.checksum'
assert problem.contains('has no Kiln implementation') : "no reason given: $problem"
assert problem.contains('reached from dev.kiln.it.NativeChecksum.main') : "no call chain: $problem"
assert !new File(basedir, 'target/native-method.iso').exists()
