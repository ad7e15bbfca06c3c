evaluate(new File(itSources, 'boot-sector.groovy'))
bootSectorImage(new File(basedir, 'target/run-prebuilt-image.iso'), 'Hello from the Kiln boot sector', 0)
