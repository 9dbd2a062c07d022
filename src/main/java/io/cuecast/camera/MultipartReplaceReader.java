package io.cuecast.camera;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads the parts of a {@code multipart/x-mixed-replace} stream, the way IP cameras serve MJPEG.
 * Cameras are loose about the format, so this accepts parts with or without {@code Content-Length},
 * LF or CRLF line ends, blank lines between parts, and a boundary declared with or without its
 * leading dashes. Anything else is a {@link MalformedPartException} that says what was found where.
 * Not thread-safe: one reader thread per stream.
 */
final class MultipartReplaceReader {
    private static final int MAX_LINE_BYTES = 8192;
    private static final int MAX_HEADERS = 64;
    private static final String CLOSED_BY_SERVER = "the server ended the stream with a closing boundary";
    private final InputStream in;
    private final String boundaryCore;
    private final int maxPartBytes;
    /** The delimiter line as this stream writes it, learnt from its first delimiter. */
    private String delimiter;
    private boolean atPartStart;
    private boolean closedByServer;
    private long partsRead;

    /** One part's body and its declared type (null when the part had no Content-Type). */
    record Part(String contentType, byte[] body) {
    }

    /** The stream does not follow the multipart format; the message says how. */
    static final class MalformedPartException extends IOException {
        MalformedPartException(String message) {
            super(message);
        }
    }

    MultipartReplaceReader(InputStream in, String boundary, int maxPartBytes) {
        this.in = in;
        this.boundaryCore = stripLeadingDashes(boundary);
        this.maxPartBytes = maxPartBytes;
        if (boundaryCore.isEmpty()) {
            throw new IllegalArgumentException("the multipart boundary '" + boundary + "' is empty");
        }
    }

    /**
     * The boundary a {@code multipart/...; boundary=...} Content-Type declares.
     *
     * @throws IllegalArgumentException when the type is not multipart or declares no boundary
     */
    static String boundaryOf(String contentType) {
        String[] fields = contentType == null ? new String[] {""} : contentType.split(";");
        if (!fields[0].trim().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            throw new IllegalArgumentException("Content-Type is '" + contentType
                    + "', not multipart/x-mixed-replace (is this an MJPEG stream?)");
        }
        for (int i = 1; i < fields.length; i++) {
            String field = fields[i].trim();
            int equals = field.indexOf('=');
            if (equals > 0 && field.substring(0, equals).trim().equalsIgnoreCase("boundary")) {
                String value = field.substring(equals + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                if (!stripLeadingDashes(value).isEmpty()) {
                    return value;
                }
            }
        }
        throw new IllegalArgumentException("Content-Type '" + contentType + "' declares no boundary");
    }

    /**
     * The next part.
     *
     * @throws MalformedPartException when the stream breaks the format
     * @throws EOFException           when the stream ends, or the server closes it with a final boundary
     */
    Part next() throws IOException {
        if (closedByServer) {
            throw new EOFException(CLOSED_BY_SERVER);
        }
        if (!atPartStart) {
            readDelimiterLine();
        }
        String contentType = null;
        long contentLength = -1;
        for (int count = 0; ; count++) {
            String line = readLine();
            if (line.isEmpty()) {
                break;
            }
            if (count == MAX_HEADERS) {
                throw malformed("more than " + MAX_HEADERS + " header lines");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw malformed("header line without a name and colon: '" + printable(line) + "'");
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Type")) {
                contentType = value;
            } else if (name.equalsIgnoreCase("Content-Length")) {
                contentLength = parseLength(value);
            }
        }
        byte[] body = contentLength >= 0 ? readExactly((int) contentLength) : readUntilDelimiter();
        partsRead++;
        return new Part(contentType, body);
    }

    private long parseLength(String value) throws MalformedPartException {
        long length;
        try {
            length = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw malformed("Content-Length '" + printable(value) + "' is not a number");
        }
        if (length < 0 || length > maxPartBytes) {
            throw malformed("Content-Length " + length + " is outside 0.." + maxPartBytes);
        }
        return length;
    }

    private byte[] readExactly(int length) throws IOException {
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new EOFException("the stream ended inside part " + (partsRead + 1) + " after " + body.length
                    + " of its " + length + " bytes");
        }
        atPartStart = false;
        return body;
    }

    /** Skips blank lines, then expects the delimiter (learning it from the stream's first one). */
    private void readDelimiterLine() throws IOException {
        String line;
        do {
            line = readLine().stripTrailing();
        } while (line.isEmpty());
        if (delimiter == null) {
            String core = stripLeadingDashes(line);
            if (!line.startsWith("--") || !(core.equals(boundaryCore) || core.equals(boundaryCore + "--"))) {
                throw malformed("the stream starts with '" + printable(line) + "', not the boundary '--"
                        + boundaryCore + "'");
            }
            delimiter = line.endsWith(boundaryCore + "--") ? line.substring(0, line.length() - 2) : line;
        }
        if (line.equals(delimiter + "--")) {
            throw new EOFException(CLOSED_BY_SERVER);
        }
        if (!line.equals(delimiter)) {
            throw malformed("expected the boundary '" + delimiter + "', got '" + printable(line) + "'");
        }
        atPartStart = true;
    }

    /**
     * The body of a part without Content-Length: everything up to the line break before the next
     * delimiter line, which is consumed too. A line that only starts like the delimiter is body.
     */
    private byte[] readUntilDelimiter() throws IOException {
        if (delimiter == null) {
            throw malformed("a part before any boundary");
        }
        byte[] marker = ("\n" + delimiter).getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
        int matched = 0;
        while (true) {
            int b = read(body);
            if (matched < marker.length) {
                if (b == marker[matched]) {
                    matched++;
                    continue;
                }
                body.write(marker, 0, matched);
                // The marker holds its line break only at the start, so a failed match can only restart here.
                matched = b == marker[0] ? 1 : 0;
                if (matched == 0) {
                    body.write(b);
                }
            } else {
                String tail = readDelimiterTail(b);
                if (tail.matches("(--)?[ \\t]*\\r?\n")) { // "--" closes the stream
                    closedByServer = tail.startsWith("--");
                    atPartStart = true;
                    byte[] bytes = body.toByteArray();
                    boolean endsWithCr = bytes.length > 0 && bytes[bytes.length - 1] == '\r';
                    return endsWithCr ? Arrays.copyOf(bytes, bytes.length - 1) : bytes;
                }
                body.write(marker, 0, marker.length);
                byte[] notTail = tail.getBytes(StandardCharsets.ISO_8859_1);
                body.write(notTail, 0, notTail.length - 1);
                matched = notTail[notTail.length - 1] == marker[0] ? 1 : 0;
                if (matched == 0) {
                    body.write(notTail[notTail.length - 1]);
                }
            }
            if (body.size() > maxPartBytes) {
                throw malformed("part " + (partsRead + 1) + " runs past " + maxPartBytes + " bytes without a boundary");
            }
        }
    }

    /**
     * What follows the delimiter on its line, from {@code first} on, up to and with the line break
     * or the first byte that shows it is not a delimiter's line.
     */
    private String readDelimiterTail(int first) throws IOException {
        StringBuilder tail = new StringBuilder();
        for (int b = first; ; b = read(null)) {
            tail.append((char) b);
            if (b == '\n' || !tail.toString().matches("-{1,2}|(--)?[ \\t]{0,64}\\r?")) {
                return tail.toString();
            }
        }
    }

    private int read(ByteArrayOutputStream body) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("the stream ended inside part " + (partsRead + 1) + " after "
                    + (body == null ? "its body" : body.size() + " bytes") + ", before its closing boundary");
        }
        return b;
    }

    /** A line without its CR LF or LF; headers and boundaries are ASCII. */
    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(80);
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException(partsRead == 0 && delimiter == null ? "the stream ended before its first part"
                        : "the stream ended after " + partsRead + " parts");
            }
            if (line.size() == MAX_LINE_BYTES) {
                throw malformed("a header or boundary line longer than " + MAX_LINE_BYTES + " bytes");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private MalformedPartException malformed(String what) {
        return new MalformedPartException("malformed multipart stream at part " + (partsRead + 1) + ": " + what);
    }

    private static String stripLeadingDashes(String boundary) {
        int start = 0;
        while (start < boundary.length() && boundary.charAt(start) == '-') {
            start++;
        }
        return boundary.substring(start);
    }

    /** At most 60 characters, with control bytes shown as '?', so a binary blob cannot flood a log line. */
    private static String printable(String text) {
        String cut = text.length() > 60 ? text.substring(0, 60) + "..." : text;
        return cut.replaceAll("[\\p{Cntrl}]", "?");
    }
}
