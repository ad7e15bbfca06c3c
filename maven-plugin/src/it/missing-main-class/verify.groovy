def log = new File(basedir, 'build.log').text
assert log.contains('kiln:image: <mainClass> is not set. kiln:image needs <mainClass> (or -Dkiln.mainClass=...)')
