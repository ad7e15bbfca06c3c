package dev.kiln.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Lifecycle methods at two levels, one instance per class, and nested classes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NestedLifecycleTest {
    private final List<String> events = new ArrayList<>();
    private static int classes;

    @BeforeAll
    void beforeAll() {
        classes++;
        events.add("beforeAll");
    }

    @AfterAll
    void afterAll() {
        System.out.println("events: " + events);
    }

    @BeforeEach
    void beforeEach() {
        events.add("beforeEach");
    }

    @Test
    void sharesOneInstance() {
        assertEquals("beforeAll", events.get(0));
        assertEquals(1, classes);
    }

    @Nested
    class WhenEmpty {
        private final List<String> items = new ArrayList<>();

        @BeforeEach
        void fill() {
            events.add("fill");
        }

        @Test
        void isEmpty() {
            assertEquals(0, items.size());
        }

        @Test
        void outerRanFirst() {
            assertEquals("fill", events.get(events.size() - 1));
            assertEquals("beforeEach", events.get(events.size() - 2));
        }

        @Nested
        class AfterAdding {
            @BeforeEach
            void add() {
                items.add("x");
            }

            @Test
            void hasOne() {
                assertEquals(1, items.size());
            }

            @Test
            void hasTwo() {
                assertEquals(2, items.size(), "only one item was added");
            }
        }
    }
}
