package dev.kiln.maven;

/** A goal parameter has a value the goal cannot use; the message names the element, the property and the fix. */
final class InvalidParameterException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidParameterException(String message) {
        super(message);
    }
}
