def log = new File(basedir, 'build.log').text
assert log.contains('kiln:boot-test failed: guest exited with status 3.')
assert log.contains('    | Kiln boot sector says goodbye')
def serialLog = new File(basedir, 'target/kiln/boot-test-guest-fails.serial.log')
assert log.contains(serialLog.path)
assert serialLog.getText('US-ASCII') == 'Kiln boot sector says goodbye\n'
