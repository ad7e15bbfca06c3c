evaluate(new File(itSources, 'boot-sector.groovy'))
bootSectorImage(new File(basedir, 'target/boot-test-missing-output.iso'), 'Kiln boot sector', 0)
