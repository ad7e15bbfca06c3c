// Every test ran and was reported on its own: the two that hung timed out with Jupiter's message, the two that
// faulted failed with the exceptions the kernel raised for the faults, and the tests after them passed. The
// whole-run timeout (kiln.timeout) never fired.
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] Tests run: 6, Failures: 0, Errors: 4, Skipped: 0')
assert !log.contains('the guest stopped while')

def suite = new XmlSlurper().parse(new File(basedir, 'target/failsafe-reports/TEST-dev.kiln.it.IsolationTest.xml'))
def cases = suite.testcase.collectEntries { [(it.@name.text()): it] }
assert cases.keySet() == ['spinsPastItsTimeout', 'passesWhileTheSpinnerIsPreempted', 'sleepsPastTheTestTimeout',
                          'dereferencesNull', 'dividesByZero', 'sleepsAndWakesBesideTheSpinner'] as Set

def spins = cases['spinsPastItsTimeout']
assert spins.error.@type.text() == 'java.util.concurrent.TimeoutException'
assert spins.error.@message.text() == 'spinsPastItsTimeout() timed out after 2 seconds'
assert spins.'system-out'.text() == 'spinning\n'
def sleeps = cases['sleepsPastTheTestTimeout']
assert sleeps.error.@type.text() == 'java.util.concurrent.TimeoutException'
assert sleeps.error.@message.text() == 'sleepsPastTheTestTimeout() timed out after 3 seconds'
assert cases['dereferencesNull'].error.@type.text() == 'java.lang.NullPointerException'
assert cases['dividesByZero'].error.@type.text() == 'java.lang.ArithmeticException'
assert cases['dividesByZero'].error.text().contains('at dev.kiln.it.IsolationTest.dividesByZero(IsolationTest.java:')
for (name in ['passesWhileTheSpinnerIsPreempted', 'sleepsAndWakesBesideTheSpinner']) {
    assert cases[name].children().size() == 0 : "$name passed"
}

def summary = new XmlSlurper().parse(new File(basedir, 'target/failsafe-reports/failsafe-summary.xml'))
assert summary.@timeout.text() == 'false'
assert [summary.completed.text(), summary.errors.text(), summary.failures.text()] == ['6', '4', '0']
