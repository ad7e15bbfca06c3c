evaluate(new File(itSources, 'compat.groovy'))
compareWithHotSpot(basedir, 'dev.kiln.it.compat.XzMain')
