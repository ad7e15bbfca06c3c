def log = new File(basedir, 'build.log').text
assert log.contains("kiln:boot-test: <firmware> (kiln.firmware) contains 'ueif', which is not a firmware; did you mean uefi? Valid values: bios, uefi")
