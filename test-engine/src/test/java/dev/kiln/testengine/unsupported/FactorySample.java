package dev.kiln.testengine.unsupported;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;

/** Input of the engine's tests: dynamic tests, which the build-time engine rejects with a clear message. */
public class FactorySample {
    @TestFactory
    List<DynamicTest> dynamic() {
        return List.of();
    }
}
