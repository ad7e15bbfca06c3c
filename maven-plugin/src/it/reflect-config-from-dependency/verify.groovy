// The library's reflect-config.json (in its jar) and the app's <reflection> list both reached the compiler.
def serial = new File(basedir, 'app/target/kiln/app.serial.log').getText('UTF-8')
assert serial.contains("HELLO FROM A LIBRARY'S METADATA")
assert serial.contains('settings fields: [retries, verbose]')
assert new File(basedir, 'build.log').text.contains('kiln:boot-test passed')
