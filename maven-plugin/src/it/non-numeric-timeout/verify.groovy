def log = new File(basedir, 'build.log').text
assert log.contains("kiln:image: <timeout> (kiln.timeout) is 'abc', which is not a whole number; it is the number of seconds the guest may run before QEMU is killed: write a number such as 60 (the default)")
assert !new File(basedir, 'target/non-numeric-timeout.iso').exists()
