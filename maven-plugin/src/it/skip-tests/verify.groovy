assert new File(basedir, 'build.log').text.contains('kiln:boot-test skipped (skipTests)')
assert new File(basedir, 'build.log').text.contains('kiln:test skipped (skipTests)')
