package dev.kiln.qemu;

import dev.kiln.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client of the QEMU Machine Protocol (QEMU's docs/interop/qmp-spec: one JSON object per line over a
 * socket) on the unix socket that {@code -qmp unix:PATH,server=on,wait=off} opens: reads the greeting,
 * negotiates with {@code qmp_capabilities}, then runs commands one at a time, skipping the asynchronous
 * events in between. Typing on the guest's keyboard is {@code send-key} with QEMU's key codes (qcodes,
 * qapi/ui.json {@code QKeyCode}); each call presses its keys together and releases them after QEMU's
 * default hold time of 100 ms, so keys typed in a row arrive at the guest in order, about ten a second.
 */
public final class QmpClient implements AutoCloseable {
    /** How long QEMU may take to create its socket after it was started. */
    private static final Duration CONNECT_LIMIT = Duration.ofSeconds(10);
    private static final Duration CONNECT_RETRY = Duration.ofMillis(20);

    private final SocketChannel channel;
    private final BufferedReader in;
    private final OutputStream out;

    private QmpClient(SocketChannel channel) {
        this.channel = channel;
        this.in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
        this.out = Channels.newOutputStream(channel);
    }

    /** Connects to the socket of {@code qemu} as soon as QEMU has created it, and enters command mode. */
    static QmpClient connect(Path socket, QemuProcess qemu) throws QemuException {
        long deadline = System.nanoTime() + CONNECT_LIMIT.toNanos();
        while (true) {
            if (Files.exists(socket)) {
                SocketChannel channel = null;
                try {
                    channel = SocketChannel.open(StandardProtocolFamily.UNIX);
                    channel.connect(UnixDomainSocketAddress.of(socket));
                    QmpClient client = new QmpClient(channel);
                    client.readMessage(); // the greeting: {"QMP": {"version": ..., "capabilities": [...]}}
                    client.execute("qmp_capabilities", Map.of());
                    return client;
                } catch (IOException e) {
                    closeQuietly(channel); // QEMU has bound the socket but not listened yet: try again
                }
            }
            if (!qemu.isAlive() || System.nanoTime() > deadline) {
                throw new QemuException("QEMU's QMP socket " + socket + " did not answer within "
                        + CONNECT_LIMIT.toSeconds() + " s" + (qemu.isAlive() ? "" : " (QEMU exited)"));
            }
            try {
                Thread.sleep(CONNECT_RETRY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new QemuException("interrupted while connecting to QEMU's QMP socket", e);
            }
        }
    }

    /**
     * Runs {@code command} with {@code arguments} (JSON-able values, see {@link Json#write}) and answers its
     * {@code "return"} value.
     *
     * @throws QemuException if QEMU answers with an error (its class and description are in the message) or
     *                       the connection fails
     */
    public Object execute(String command, Map<String, ?> arguments) throws QemuException {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("execute", command);
        if (!arguments.isEmpty()) {
            request.put("arguments", arguments);
        }
        try {
            out.write((Json.write(request) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (true) {
                Map<?, ?> reply = readMessage();
                if (reply.containsKey("return")) {
                    return reply.get("return");
                }
                if (reply.get("error") instanceof Map<?, ?> error) {
                    throw new QemuException("QMP command " + command + " failed: " + error.get("class") + ": "
                            + error.get("desc"));
                }
                // {"event": ...}: asynchronous, not the reply
            }
        } catch (IOException e) {
            throw new QemuException("QMP command " + command + ": connection to QEMU failed: " + e, e);
        }
    }

    /** Presses {@code qcodes} together ({@code "ctrl", "d"}) and releases them. */
    public void sendKey(String... qcodes) throws QemuException {
        List<Map<String, String>> keys = new ArrayList<>();
        for (String qcode : qcodes) {
            keys.add(Map.of("type", "qcode", "data", qcode));
        }
        execute("send-key", Map.of("keys", keys));
    }

    /**
     * Types {@code text} on a US keyboard, one key (with Shift if needed) per char: letters, digits, ASCII
     * punctuation, space, {@code '\n'} (Enter), {@code '\t'} and {@code '\b'} (Backspace).
     *
     * @throws IllegalArgumentException for a char that no key types, before any key is sent
     */
    public void type(String text) throws QemuException {
        List<String[]> strokes = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            strokes.add(keysFor(text.charAt(i)));
        }
        for (String[] stroke : strokes) {
            sendKey(stroke);
        }
    }

    /** Runs a human monitor command ({@code "info status"}) and answers its output. */
    public String humanMonitorCommand(String commandLine) throws QemuException {
        return String.valueOf(execute("human-monitor-command", Map.of("command-line", commandLine)));
    }

    /** US layout: the unshifted char of each punctuation key, then the shifted one, then its qcode. */
    private static final String[][] PUNCTUATION = {
        {"-", "_", "minus"}, {"=", "+", "equal"}, {"[", "{", "bracket_left"}, {"]", "}", "bracket_right"},
        {";", ":", "semicolon"}, {"'", "\"", "apostrophe"}, {"`", "~", "grave_accent"}, {"\\", "|", "backslash"},
        {",", "<", "comma"}, {".", ">", "dot"}, {"/", "?", "slash"},
    };
    /** The shifted chars of the digit keys 0..9. */
    private static final String SHIFTED_DIGITS = ")!@#$%^&*(";

    static String[] keysFor(char c) {
        if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
            return new String[] {String.valueOf(c)};
        }
        if (c >= 'A' && c <= 'Z') {
            return new String[] {"shift", String.valueOf(Character.toLowerCase(c))};
        }
        int digit = SHIFTED_DIGITS.indexOf(c);
        if (digit >= 0) {
            return new String[] {"shift", String.valueOf(digit)};
        }
        for (String[] key : PUNCTUATION) {
            if (key[0].charAt(0) == c) {
                return new String[] {key[2]};
            }
            if (key[1].charAt(0) == c) {
                return new String[] {"shift", key[2]};
            }
        }
        switch (c) {
            case ' ': return new String[] {"spc"};
            case '\n': return new String[] {"ret"};
            case '\t': return new String[] {"tab"};
            case '\b': return new String[] {"backspace"};
            default:
                throw new IllegalArgumentException("no key of a US keyboard types U+"
                        + String.format("%04X", (int) c) + " ('" + c + "'); send it over the serial port instead");
        }
    }

    private Map<?, ?> readMessage() throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new IOException("QEMU closed the QMP connection");
        }
        try {
            if (Json.parse(line) instanceof Map<?, ?> message) {
                return message;
            }
        } catch (IllegalArgumentException e) {
            throw new IOException("QEMU sent what is not QMP: " + e.getMessage(), e);
        }
        throw new IOException("QEMU sent what is not a QMP message: " + line);
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // Closing a socket to a QEMU that has exited: nothing to release.
        }
    }
}
