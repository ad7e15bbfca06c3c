package dev.kiln.it.resourcelib;

import java.io.IOException;
import java.io.InputStream;

/** Reads files of its own jar through Class.getResourceAsStream, as libraries read their bundled data. */
public final class ResourceLib {
    private ResourceLib() {
    }

    /** The file's text (trimmed), or "absent" when the class path has no such file (or the image did not pack it). */
    public static String read(String name) throws IOException {
        try (InputStream in = ResourceLib.class.getResourceAsStream(name)) {
            return in == null ? "absent" : new String(in.readAllBytes()).trim();
        }
    }
}
