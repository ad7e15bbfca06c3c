// Exactly the files the library's GraalVM resource configuration, the app's <resources> glob and the app's own
// src/main/resources select are in the image; the excluded and the unlisted ones are not.
def serial = new File(basedir, 'app/target/kiln/app.serial.log').getText('UTF-8')
for (line in ['library messages.txt: messages from the library',
              'library data/a.txt: data a',
              'library data/b.secret: absent',
              'library glob/g.txt: selected by a glob',
              'library unlisted.txt: absent',
              'library /extra/deep/opt.txt: packed by the resources option',
              "app own.txt: the application's own"]) {
    assert serial.contains(line) : line
}
assert new File(basedir, 'build.log').text.contains('kiln:boot-test passed')
