def log = new File(basedir, 'build.log').text
assert log.contains('kiln:test: no tests matching pattern "NoSuchTest#nothing" were executed! (Set -Dit.failIfNoSpecifiedTests=false to ignore this error.)')
assert !new File(basedir, 'target/kiln-test/tests.iso').exists()
