def log = new File(basedir, 'build.log').text
assert log.contains('kiln:image skipped (kiln.skip)')
assert log.contains('kiln:boot-test skipped (kiln.skip)')
assert !new File(basedir, 'target/skip.iso').exists()
assert log.contains('kiln:test skipped (kiln.skip)')
assert !new File(basedir, 'target/failsafe-reports').exists()
