evaluate(new File(itSources, 'boot-sector.groovy'))
bootSectorImage(new File(basedir, 'target/boot-test-guest-fails.iso'), 'Kiln boot sector says goodbye', 3)
