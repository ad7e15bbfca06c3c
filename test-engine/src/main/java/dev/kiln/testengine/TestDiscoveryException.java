package dev.kiln.testengine;

/** A test the build-time engine cannot run; the message names the class and method, the construct and the fix. */
public final class TestDiscoveryException extends Exception {
    private static final long serialVersionUID = 1L;

    public TestDiscoveryException(String message) {
        super(message);
    }
}
