package io.sparkads.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte as given: for requests that {@code java.net.http}
 * refuses to send, such as a query string with {@code %ZZ}, a NUL in the path or a cut-off body.
 */
public final class RawHttp {
    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    public record Reply(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Sends one request on its own connection; {@code target} is written as is. */
    public Reply send(String method, String target, Map<String, String> headers, byte[] body) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            StringBuilder head = new StringBuilder();
            head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            head.append("Host: localhost:").append(port).append("\r\n");
            head.append("Connection: close\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            if (body != null && !headers.containsKey("Content-Length")) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                if (body != null) {
                    out.write(body);
                }
                out.flush();
                socket.shutdownOutput();
            } catch (IOException answeredEarly) {
                // The server may answer (e.g. 400) and close before reading the whole body.
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reply read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        String text = new String(all, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("No HTTP answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(
                        lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Reply(status, headers, body);
    }

    private static String dechunk(String chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = chunked.getBytes(StandardCharsets.UTF_8);
        int at = 0;
        while (at < bytes.length) {
            int lineEnd = indexOf(bytes, at);
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(bytes, at, lineEnd - at, StandardCharsets.US_ASCII);
            int semicolon = sizeText.indexOf(';');
            int size =
                    Integer.parseInt(
                            (semicolon < 0 ? sizeText : sizeText.substring(0, semicolon)).trim(),
                            16);
            if (size == 0) {
                break;
            }
            out.write(bytes, lineEnd + 2, Math.min(size, bytes.length - lineEnd - 2));
            at = lineEnd + 2 + size + 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
