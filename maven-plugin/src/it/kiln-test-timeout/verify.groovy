// The run was killed by the guest-wide timeout: the finished test is reported, the running one is named and
// reported as an error with what it had printed, and the build failed saying so.
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('kiln:test: the guest stopped while dev.kiln.it.HangingTest.hangs was running: guest did not exit within 15 s (kiln.timeout)')
assert log.contains('There are test failures.')

def suite = new XmlSlurper().parse(new File(basedir, 'target/failsafe-reports/TEST-dev.kiln.it.HangingTest.xml'))
assert suite.@tests.text() == '2' && suite.@errors.text() == '1' && suite.@failures.text() == '0'
def passes = suite.testcase.find { it.@name.text() == 'passes' }
assert passes.children().size() == 0 : 'passes finished before the hang and passed'
def hangs = suite.testcase.find { it.@name.text() == 'hangs' }
assert hangs.error.@message.text().contains('guest did not exit within 15 s')
assert hangs.'system-out'.text() == 'about to spin\n'

def summary = new XmlSlurper().parse(new File(basedir, 'target/failsafe-reports/failsafe-summary.xml'))
assert summary.@timeout.text() == 'true' && summary.@result.text() == '255'
assert summary.failureMessage.text().contains('HangingTest.hangs')
