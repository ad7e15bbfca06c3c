// Shared by the compatibility suite (src/it/compat-*): each of those projects builds a real library from Maven
// Central into an image with a Main that calls it, and kiln:boot-test boots the image (the guest's output is in
// target/kiln/<artifactId>.serial.log). compareWithHotSpot(basedir, mainClass) then runs the same Main, from the
// same class files and jars, on the JVM running this build (HotSpot), and fails unless both printed the same lines.
// The expected output is made at test time, never stored: a golden file could go stale, or agree with a bug.
//
// The class path comes from target/hotspot.classpath, which the project's maven-dependency-plugin
// (build-classpath) writes. The figures for the README's compatibility table are collected in
// target/compat-figures.txt: the image's size and how long kiln:image took (from its log line).
compareWithHotSpot = { File basedir, String mainClass, List<String> arguments = [] ->
    def artifactId = basedir.name
    def classPathFile = new File(basedir, 'target/hotspot.classpath')
    assert classPathFile.isFile() : "no $classPathFile: the project must run maven-dependency-plugin:build-classpath"
    def classPath = [new File(basedir, 'target/classes').path, classPathFile.getText('UTF-8').trim()]
            .findAll { !it.isEmpty() }.join(File.pathSeparator)
    def java = new File(System.getProperty('java.home'), 'bin/java').path
    // The guest's standard output and standard error share the serial port, so HotSpot's are merged too.
    // Kiln's default charset is UTF-8 (file.encoding), whatever the build machine's locale: HotSpot gets the same.
    def builder = new ProcessBuilder([java, '-Dfile.encoding=UTF-8', '-Dstdout.encoding=UTF-8', '-Dstderr.encoding=UTF-8',
                                      '-cp', classPath, mainClass] + arguments)
            .directory(basedir).redirectErrorStream(true)
    builder.environment().keySet().removeAll(['JAVA_TOOL_OPTIONS', '_JAVA_OPTIONS', 'JDK_JAVA_OPTIONS']) // their notices
    def process = builder.start()
    process.outputStream.close()
    def hotSpotBytes = new ByteArrayOutputStream()
    def reader = Thread.start { hotSpotBytes << process.inputStream }
    assert process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) : "$mainClass did not end on HotSpot in 120 s"
    reader.join()
    def hotSpot = hotSpotBytes.toString('UTF-8')
    assert process.exitValue() == 0 : "$mainClass exited with status ${process.exitValue()} on HotSpot:\n$hotSpot"

    def serialLog = new File(basedir, "target/kiln/${artifactId}.serial.log")
    assert serialLog.isFile() : "no serial log at $serialLog: kiln:boot-test did not boot the image"
    def guest = serialLog.getText('UTF-8').replace('\r\n', '\n')
    def expected = hotSpot.replace('\r\n', '\n').readLines()
    def actual = guest.readLines()
    // A comparison of two empty outputs would prove nothing: every Main prints what it computed.
    assert expected.size() >= 10 : "$mainClass printed only ${expected.size()} lines on HotSpot:\n$hotSpot"
    def first = (0..<Math.max(expected.size(), actual.size())).find { expected[it] != actual[it] }
    if (first != null) {
        def around = { List<String> lines -> lines.subList(Math.max(0, first - 2), Math.min(lines.size(), first + 3))
                .withIndex(Math.max(0, first - 2)).collect { line, i -> "  ${i + 1}: $line" }.join('\n') }
        assert false : "the guest's output differs from HotSpot's at line ${first + 1}" +
                " (HotSpot printed ${expected.size()} lines, the guest ${actual.size()}; serial log: $serialLog)\n" +
                "HotSpot:\n${around(expected)}\nguest:\n${around(actual)}"
    }

    def image = new File(basedir, "target/${artifactId}.iso")
    def buildLog = new File(basedir, 'build.log').getText('UTF-8')
    def imageTime = (buildLog =~ /kiln:image built the kernel and \d+ images? in (\d+) ms/)
    new File(basedir, 'target/compat-figures.txt').text = "image: ${image.length()} bytes\n" +
            "kiln:image: ${imageTime ? imageTime[0][1] + ' ms' : 'not logged'}\n" +
            "lines compared: ${expected.size()}\n"
    println "[compat] $artifactId: ${expected.size()} lines identical on HotSpot and in the guest;" +
            " image ${image.length()} bytes"
}
