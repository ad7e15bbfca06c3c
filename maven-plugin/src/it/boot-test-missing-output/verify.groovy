def log = new File(basedir, 'build.log').text
assert log.contains('kiln:boot-test failed: the guest exited with status 0, but its serial output lacks this'
        + ' <expectedOutput>: "Hello from Kiln". Serial log: ')
assert log.contains('    | Kiln boot sector')
