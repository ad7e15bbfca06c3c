package dev.kiln.testengine.samples;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Not a test of the engine but its input: Jupiter-annotated methods that the engine's tests discover and run.
 * Its name does not match Surefire's includes, so Surefire never runs it on its own. Every lifecycle call is
 * printed, so a test can check the order.
 */
@Tag("lifecycle")
public class LifecycleSample {
    @BeforeAll
    static void beforeAll() {
        System.out.println("beforeAll");
    }

    @AfterAll
    static void afterAll() {
        System.out.println("afterAll");
    }

    @BeforeEach
    void beforeEach() {
        System.out.println("beforeEach");
    }

    @AfterEach
    void afterEach() {
        System.out.println("afterEach");
    }

    @Test
    @DisplayName("passes, with a display name")
    void passes() {
        System.out.println("passes");
    }

    @Test
    @Tag("slow")
    void failsWithAnAssertion() {
        assertEquals(1, 2, "one is not two");
    }

    @Test
    void throwsAnError() {
        throw new IllegalStateException("broken");
    }

    @Test
    void assumptionFails() {
        assumeTrue(false, "not here");
    }

    @Test
    @Disabled
    void disabledWithoutReason() {
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MILLISECONDS)
    void tooSlow() throws InterruptedException {
        long end = System.nanoTime() + 20_000_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    @Nested
    class Inner {
        @BeforeEach
        void innerBeforeEach() {
            System.out.println("innerBeforeEach");
        }

        @AfterEach
        void innerAfterEach() {
            throw new IllegalArgumentException("after each fails too");
        }

        @Test
        void failsTwice() {
            System.out.println("failsTwice");
            throw new UnsupportedOperationException("first");
        }
    }
}
