package dev.kiln.testengine.samples;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Input of the engine's tests: {@code @Order} decides, unordered methods come last. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class OrderedSample {
    @Test
    void unordered() {
    }

    @Test
    @Order(2)
    void second() {
    }

    @Test
    @Order(1)
    void first() {
    }
}
