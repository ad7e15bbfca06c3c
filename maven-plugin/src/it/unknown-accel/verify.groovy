def log = new File(basedir, 'build.log').text
assert log.contains("kiln:boot-test: <accel> (kiln.accel) is 'kvmm', which is not an accelerator; valid values: tcg, kvm, auto")
