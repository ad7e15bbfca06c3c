package kiln.lib.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;

/**
 * The handler of the JDK's other built-in schemes ({@code http}, {@code https}, {@code file}, {@code jar},
 * {@code ftp}, {@code mailto}, {@code jrt}) in a Kiln image: such URLs parse, print and compare as on HotSpot
 * (the JDK's generic {@code URLStreamHandler} parsing), but the image has no network stack and no file system, so
 * opening one throws an {@code IOException} that says so. <i>Rejected</i>: the JDK's own handlers (they bring
 * in the network stack and the file system's natives) and refusing the URLs altogether ({@code new URL("https://...")}
 * in a library's constant would stop a program that never opens it).
 */
final class UnconnectedUrlHandler extends URLStreamHandler {
    private final int defaultPort;

    UnconnectedUrlHandler(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    @Override
    protected URLConnection openConnection(URL url) throws IOException {
        throw new IOException("cannot open " + url + ": a Kiln image has no network stack or file system; its"
                + " class path files are packed as resource: URLs (Class.getResource)");
    }

    @Override
    protected int getDefaultPort() {
        return defaultPort;
    }

    /** Host names compared as written: resolving them would need the network. */
    @Override
    protected boolean hostsEqual(URL a, URL b) {
        return a.getHost() == null ? b.getHost() == null : a.getHost().equalsIgnoreCase(b.getHost());
    }

    @Override
    protected InetAddress getHostAddress(URL url) {
        return null;
    }
}
