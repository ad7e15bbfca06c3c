package kiln.lib.net;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.Objects;
import kiln.runtime.ResourceTable;

/**
 * The {@code resource:} URLs of the class path files packed into the image (docs/compiler.md "Resources"): what
 * {@code Class.getResource} and {@code ClassLoader.getResource(s)} answer, where HotSpot answers {@code file:}
 * and {@code jar:} URLs into the class path. {@code resource:/config/app.properties} names the packed file
 * {@code config/app.properties}: the path is the file's path in the class path, after one '/', so that
 * {@code getPath}, {@code toURI} and relative URLs ({@code new URL(url, "other.properties")}) work as they do for
 * {@code file:} URLs. The scheme is GraalVM Native Image's for the same purpose, so code written for one runs
 * on the other. {@code openStream} reads the bytes in place ({@code ResourceTable}); a URL of a path that was not
 * packed opens with {@code FileNotFoundException}, as a {@code file:} URL of a missing file does.
 * <p><i>Rejected</i>: {@code file:} URLs of the build machine's paths (they would name files the guest does not
 * have, and an image would depend on where it was built); a {@code jar:} URL of a made-up archive (libraries
 * that see one try to open the archive).
 */
public final class ResourceUrlHandler extends URLStreamHandler {
    public static final String PROTOCOL = "resource";
    static final ResourceUrlHandler INSTANCE = new ResourceUrlHandler();

    private ResourceUrlHandler() {
    }

    /** The URL of the packed file at {@code path} ('/'-separated, no leading '/'), or null if none was packed. */
    public static URL of(String path) {
        if (!ResourceTable.contains(path)) {
            return null;
        }
        try {
            return new URL(PROTOCOL, "", -1, "/" + path, INSTANCE); // no host: "", as parsing gives
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e); // "resource" and a path: always well formed
        }
    }

    @Override
    protected URLConnection openConnection(URL url) {
        return new ResourceConnection(url);
    }

    /** No host: two URLs of this scheme name the same file when their paths are equal. */
    @Override
    protected boolean hostsEqual(URL a, URL b) {
        return Objects.equals(a.getHost(), b.getHost());
    }

    /** No host to resolve (the JDK's would ask the network for a name). */
    @Override
    protected InetAddress getHostAddress(URL url) {
        return null;
    }

    /** A connection to a packed file: nothing to connect, a stream over the image's read-only data. */
    private static final class ResourceConnection extends URLConnection {
        ResourceConnection(URL url) {
            super(url);
        }

        @Override
        public void connect() throws IOException {
            if (!connected) {
                if (!ResourceTable.contains(packedPath())) {
                    throw new FileNotFoundException(url.toString() + " (not a class path file packed into this image)");
                }
                connected = true;
            }
        }

        @Override
        public InputStream getInputStream() throws IOException {
            connect();
            return ResourceTable.open(packedPath());
        }

        @Override
        public long getContentLengthLong() {
            return ResourceTable.contains(packedPath()) ? ResourceTable.length(packedPath()) : -1;
        }

        private String packedPath() {
            String path = url.getPath();
            return path.startsWith("/") ? path.substring(1) : path;
        }
    }
}
