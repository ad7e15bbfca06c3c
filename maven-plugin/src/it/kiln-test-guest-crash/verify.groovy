// The kernel ended the guest when memory ran out where no OutOfMemoryError can be thrown (growing a thread's stack):
// the finished test is reported, the running one is named and reported as an error carrying the kernel's last
// words, and the build failed saying so.
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('kiln:test: the guest stopped while dev.kiln.it.MemoryHogTest.exhaustsMemory was running: guest exited with status')
assert log.contains('There are test failures.')

def suite = new XmlSlurper().parse(new File(basedir, 'target/failsafe-reports/TEST-dev.kiln.it.MemoryHogTest.xml'))
assert suite.@tests.text() == '2' && suite.@errors.text() == '1'
assert suite.testcase.find { it.@name.text() == 'smallAllocation' }.children().size() == 0
def hog = suite.testcase.find { it.@name.text() == 'exhaustsMemory' }
assert hog.error.@type.text() == 'dev.kiln.GuestStopped'
assert hog.error.text().contains("out of memory in the kernel's runtime code") : 'the report quotes what the kernel printed'
assert hog.'system-out'.text() == 'keeping every block\n'
def summary = new XmlSlurper().parse(new File(basedir, 'target/failsafe-reports/failsafe-summary.xml'))
assert summary.@timeout.text() == 'false' && summary.@result.text() == '255'
