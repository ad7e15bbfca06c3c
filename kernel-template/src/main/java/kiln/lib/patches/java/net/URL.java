package kiln.lib.patches.java.net;

import java.net.URLStreamHandler;

/**
 * Replaces how the JDK's {@code java.net.URL} finds the handler of a scheme (see the compiler's JdkMethodPatches):
 * HotSpot's looks through a system property's packages, {@code ServiceLoader} providers and the JDK's own
 * handlers by class name, none of which a closed world has. Kiln's knows {@code resource:} (the image's packed
 * class path files, kiln.lib.net.ResourceUrlHandler) and parses the JDK's other built-in schemes without being
 * able to open them; a factory set with {@code URL.setURLStreamHandlerFactory} is not consulted.
 */
public final class URL {
    private URL() {
    }

    static URLStreamHandler getURLStreamHandler(String protocol) {
        return kiln.lib.net.UrlHandlers.forProtocol(protocol);
    }
}
