package dev.kiln.linker;

/** The modules cannot be linked: an undefined or duplicate symbol, or a relocation whose value does not fit. */
public final class LinkException extends Exception {
    private static final long serialVersionUID = 1L;

    public LinkException(String message) {
        super(message);
    }
}
