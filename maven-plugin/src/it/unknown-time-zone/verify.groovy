def log = new File(basedir, 'build.log').text
assert log.contains("time zone 'paris' (CompilerOptions.timeZones: <timeZones> in the plugin, -Dkiln.timeZones) is not a region of the build JDK's tzdb")
assert log.contains('did you mean Europe/Paris?')
assert log.contains("default time zone 'America/NewYork' (CompilerOptions.defaultTimeZone: <defaultTimeZone> in the plugin, -Dkiln.defaultTimeZone) is not a region of the build JDK's tzdb")
assert !new File(basedir, 'target/unknown-time-zone.iso').exists()
