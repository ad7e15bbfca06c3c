// Only CalculatorTest#add* (less the test tagged slow) and OtherTest ran.
import groovy.xml.XmlSlurper

def reports = new File(basedir, 'target/failsafe-reports')
def ran = reports.listFiles().findAll { it.name.startsWith('TEST-') }.collectMany { file ->
    new XmlSlurper().parse(file).testcase.collect { "${it.@classname}#${it.@name}".toString() }
}.sort()
assert ran == ['dev.kiln.it.CalculatorTest#addsTwo', 'dev.kiln.it.OtherTest#runs']
assert new File(basedir, 'build.log').text.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
