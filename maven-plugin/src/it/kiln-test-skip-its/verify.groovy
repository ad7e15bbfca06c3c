assert new File(basedir, 'build.log').text.contains('kiln:test skipped (skipITs)')
assert !new File(basedir, 'target/failsafe-reports').exists()
assert !new File(basedir, 'target/kiln-test').exists()
