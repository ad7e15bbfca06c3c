def log = new File(basedir, 'build.log').text
assert log.contains('<timout> is not a parameter of kiln-maven-plugin; did you mean <timeout>?')
// Read-only parameters are not offered as suggestions.
assert log.contains('Known parameters: accel, args, defaultTimeZone, excludedGroups, expectedOutput, failIfNoSpecifiedTests, firmware, formats, groups, linkAtBuildTime, mainClass, memory, optimize, outputTimestamp, qemu, reflectAll, reflection, reportsDirectory, resources, skip, skipITs, skipTests, test, testFailureIgnore, testTimeout, timeZones, timeout')
assert log.contains('-Dkiln.acel is not a property of kiln-maven-plugin; did you mean -Dkiln.accel?')
assert log.contains('<memroy> is not a parameter of kiln-maven-plugin; did you mean <memory>?')
assert log.contains('<testTimeOut> is not a parameter of kiln-maven-plugin; did you mean <testTimeout>?')
assert log.contains('-Dkiln.test.timout is not a property of kiln-maven-plugin; did you mean -Dkiln.test.timeout?')
