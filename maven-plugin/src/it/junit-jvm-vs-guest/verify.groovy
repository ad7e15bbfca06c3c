// Surefire ran the tests on the JVM (target/surefire-reports), kiln:test ran them in the guest
// (target/failsafe-reports). Both sets of reports must name the same tests with the same outcomes and messages,
// and give the same counts; only times (and the JVM frames of stack traces) may differ.
import groovy.xml.XmlSlurper

def outcomes(File directory) {
    assert directory.isDirectory() : "no reports in $directory"
    def tests = [:]
    def totals = [tests: 0, failures: 0, errors: 0, skipped: 0]
    directory.listFiles().findAll { it.name ==~ /TEST-.*\.xml/ }.each { file ->
        def suite = new XmlSlurper().parse(file)
        totals.keySet().each { totals[it] += suite."@$it".text() as int }
        suite.testcase.each { testcase ->
            def outcome = testcase.failure.size() ? 'failure' : testcase.error.size() ? 'error'
                    : testcase.skipped.size() ? 'skipped' : 'passed'
            def detail = testcase.failure.size() ? testcase.failure.@message.text()
                    : testcase.error.size() ? testcase.error.@type.text() + ': ' + testcase.error.@message.text()
                    : testcase.skipped.size() ? (testcase.skipped.@message.text() ?: testcase.skipped.@type.text()) : ''
            def key = "${testcase.@classname}#${testcase.@name}"
            assert !tests.containsKey(key) : "$key is reported twice in $directory"
            tests[key] = [outcome: outcome, detail: detail, out: testcase.'system-out'.text()]
        }
    }
    [tests: tests, totals: totals]
}

def jvm = outcomes(new File(basedir, 'target/surefire-reports'))
def guest = outcomes(new File(basedir, 'target/failsafe-reports'))

assert jvm.tests.keySet() == guest.tests.keySet() : "only on the JVM: ${jvm.tests.keySet() - guest.tests.keySet()};" +
        " only in the guest: ${guest.tests.keySet() - jvm.tests.keySet()}"
jvm.tests.each { key, expected ->
    def actual = guest.tests[key]
    assert actual.outcome == expected.outcome : "$key: ${expected.outcome} on the JVM, ${actual.outcome} in the guest"
    assert actual.detail == expected.detail : "$key: '${expected.detail}' on the JVM, '${actual.detail}' in the guest"
    assert actual.out == expected.out : "$key printed '${expected.out}' on the JVM, '${actual.out}' in the guest"
}
assert jvm.totals == guest.totals : "counts on the JVM ${jvm.totals}, in the guest ${guest.totals}"
// The sample has every kind of outcome, so the comparison above is not vacuous.
assert jvm.totals == [tests: 38, failures: 5, errors: 3, skipped: 4]
assert guest.tests.findAll { it.key.contains('$WhenEmpty$AfterAdding#') }.size() == 2
assert guest.tests.keySet().any { it.endsWith('#repeated(RepetitionInfo)[3]') }
assert guest.tests.keySet().any { it.endsWith('#colours(Colour)[3]') }

def summary = new XmlSlurper().parse(new File(basedir, 'target/failsafe-reports/failsafe-summary.xml'))
assert summary.@result.text() == '255'
assert [summary.completed.text(), summary.errors.text(), summary.failures.text(), summary.skipped.text()] == ['38', '3', '5', '4']
// A failed @BeforeAll or @AfterAll is a nameless test case of its class, as Surefire writes it.
assert guest.tests['dev.kiln.it.BrokenSetupTest#'].detail == 'java.lang.IllegalStateException: no server'
assert guest.tests['dev.kiln.it.BrokenTeardownTest#'].detail == 'java.lang.IllegalStateException: cannot disconnect'

// The failure fails the build with Failsafe's message and the report path; the console has Surefire's summary.
def log = new File(basedir, 'build.log').text
def reports = new File(basedir, 'target/failsafe-reports').canonicalPath
assert log.contains('There are test failures.')
assert log.contains("See ${reports} for the individual test results.") || log.contains("See ${new File(basedir, 'target/failsafe-reports')} for the individual test results.")
assert log.contains('[ERROR] Tests run: 38, Failures: 5, Errors: 3, Skipped: 4')
assert log.contains('BrokenSetupTest.connect:10 IllegalState no server')
assert log.contains('CalculatorTest.multiplies:39 6 * 7 ==> expected: <42> but was: <43>')
// The stack traces come from the guest: Kiln's generated call table sits where the JVM has reflection.
def calculator = new File(basedir, 'target/failsafe-reports/TEST-dev.kiln.it.CalculatorTest.xml').getText('UTF-8')
assert calculator.contains('at dev.kiln.it.Kiln$TestCalls.call')
assert calculator.contains('at dev.kiln.it.CalculatorTest.multiplies(CalculatorTest.java:39)')
