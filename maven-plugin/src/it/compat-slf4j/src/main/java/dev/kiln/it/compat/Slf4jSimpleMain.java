package dev.kiln.it.compat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;

/**
 * The SLF4J facade with its simple binding, found through ServiceLoader (slf4j-simple's
 * META-INF/services/org.slf4j.spi.SLF4JServiceProvider): parameterized messages, levels, an exception with its
 * stack trace, named loggers and the fluent API.
 */
public class Slf4jSimpleMain {
    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.out");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
        System.setProperty("org.slf4j.simpleLogger.log.quiet", "warn");
        Logger log = LoggerFactory.getLogger(Slf4jSimpleMain.class);
        System.out.println("factory: " + LoggerFactory.getILoggerFactory().getClass().getName());
        System.out.println("logger: " + log.getName() + " debug " + log.isDebugEnabled() + " trace " + log.isTraceEnabled());
        log.info("Hello {} from slf4j, {} arguments", "Kiln", 2);
        log.debug("debug is {}", log.isDebugEnabled());
        log.trace("trace is hidden");
        log.info("three: {} {} {}", 1, 2.5, new int[] {3}.length);
        log.warn("a warning with an exception", new IllegalStateException("boom"));
        LoggerFactory.getLogger("named.logger").error("error from {}", "a named logger");
        Logger quiet = LoggerFactory.getLogger("quiet");
        quiet.info("not shown");
        quiet.warn("shown, the level of 'quiet' is warn");
        log.atLevel(Level.INFO).addArgument("fluent").addKeyValue("k", 42).log("the {} API");
        MDC.put("user", "ada");
        System.out.println("MDC: " + MDC.get("user"));
        log.error("escaped \\{} and {}", "this");
    }
}
