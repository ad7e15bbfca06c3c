// -Dkiln.timeout=5 (test.properties) reached kiln:boot-test, and QEMU was killed after 5 seconds.
def log = new File(basedir, 'build.log').text
assert log.contains('kiln:boot-test failed: guest did not exit within 5 s (kiln.timeout)')
assert log.contains('looping forever')
assert new File(basedir, 'target/kiln/infinite-loop.serial.log').getText('UTF-8').contains('looping forever')
