package kiln.lib.net;

import java.net.URLStreamHandler;
import java.util.Objects;

/** The URL schemes a Kiln image knows (kiln.lib.patches.java.net.URL). */
public final class UrlHandlers {
    private UrlHandlers() {
    }

    /** The handler for {@code protocol} (lower case), or null if HotSpot has no built-in one either. */
    public static URLStreamHandler forProtocol(String protocol) {
        return switch (Objects.requireNonNull(protocol)) {
            case ResourceUrlHandler.PROTOCOL -> ResourceUrlHandler.INSTANCE;
            case "http" -> new UnconnectedUrlHandler(80);
            case "https" -> new UnconnectedUrlHandler(443);
            case "ftp" -> new UnconnectedUrlHandler(21);
            case "file", "jar", "mailto", "jrt" -> new UnconnectedUrlHandler(-1);
            default -> null;
        };
    }
}
