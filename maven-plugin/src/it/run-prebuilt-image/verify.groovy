def log = new File(basedir, 'build.log').text
// The forked lifecycle ran (kiln:run is @Execute(phase = PACKAGE)) ...
assert log.contains('maven-jar-plugin')
// ... and the serial output reached the console.
assert log.readLines().contains('Hello from the Kiln boot sector')
assert log.contains('The guest exited with status 0')
