// The build failed because the guest failed, and both the build log and the serial log show why.
def log = new File(basedir, 'build.log').text
assert log.contains('kiln:boot-test failed: guest exited with status')
def serial = new File(basedir, 'target/kiln/main-throws.serial.log').getText('UTF-8')
for (text in [log, serial]) {
    assert text.contains('java.lang.IllegalStateException: boom')
    assert text.contains('MainThrows.explode')
    assert text.contains('MainThrows.prepare')
    assert text.contains('MainThrows.main')
}
