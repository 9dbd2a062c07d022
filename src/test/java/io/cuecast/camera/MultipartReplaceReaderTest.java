package io.cuecast.camera;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cuecast.camera.MultipartReplaceReader.MalformedPartException;
import io.cuecast.camera.MultipartReplaceReader.Part;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The multipart framing as cameras write it, strict and loose, and each way it can be broken. */
class MultipartReplaceReaderTest {

    private static MultipartReplaceReader reader(String boundary, String stream) {
        return new MultipartReplaceReader(new ByteArrayInputStream(stream.getBytes(StandardCharsets.ISO_8859_1)),
                boundary, 100);
    }

    private static String body(Part part) {
        return new String(part.body(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void readsPartsWithAndWithoutContentLength() throws IOException {
        MultipartReplaceReader parts = reader("frame", "--frame\r\nContent-Type: image/jpeg\r\nContent-Length: 5\r\n\r\n"
                + "ab\r\nc\r\n--frame\r\ncontent-type: image/jpeg\r\n\r\nno length\r\nhere\r\n--frame\r\n"
                + "Content-Length: 3\r\n\r\nend\r\n");
        Part first = parts.next();
        assertEquals("image/jpeg", first.contentType());
        assertEquals("ab\r\nc", body(first), "a length-delimited body may hold line breaks");
        Part second = parts.next();
        assertEquals("image/jpeg", second.contentType(), "header names are case-insensitive");
        assertEquals("no length\r\nhere", body(second), "without a length the body runs to the next boundary");
        assertEquals("end", body(parts.next()));
    }

    @Test
    void acceptsTheLooseFormsCamerasWrite() throws IOException {
        // LF line ends, blank lines between parts, a boundary declared with its dashes.
        MultipartReplaceReader dashes = reader("--myboundary",
                "\n--myboundary\nContent-Length: 2\n\nAB\n\n\n--myboundary\n\nCD\n--myboundary--\n");
        assertEquals("AB", body(dashes.next()));
        assertEquals("CD", body(dashes.next()));
        assertEquals("the server ended the stream with a closing boundary",
                assertThrows(EOFException.class, dashes::next).getMessage());
        // A boundary declared with dashes that the stream doubles, as strict MIME would write it.
        MultipartReplaceReader strict = reader("--b", "----b\r\n\r\nXY\r\n----b\r\n\r\nZ\r\n");
        assertEquals("XY", body(strict.next()));
    }

    @Test
    void aBodyMayHoldTextThatOnlyStartsLikeTheBoundary() throws IOException {
        MultipartReplaceReader parts = reader("frame", "--frame\r\n\r\nx\r\n--fram\r\n--framez\r\n--frame\r\n\r\ny\r\n--frame\r\n");
        assertEquals("x\r\n--fram\r\n--framez", body(parts.next()));
        assertEquals("y", body(parts.next()));
    }

    @Test
    void theClosingBoundaryAndTheStreamsEndAreTheEndWithTheirReason() throws IOException {
        MultipartReplaceReader closed = reader("b", "--b\r\n\r\nA\r\n--b--\r\n");
        closed.next();
        assertEquals("the server ended the stream with a closing boundary",
                assertThrows(EOFException.class, closed::next).getMessage());
        MultipartReplaceReader cut = reader("b", "--b\r\nContent-Length: 10\r\n\r\nABC");
        assertEquals("the stream ended inside part 1 after 3 of its 10 bytes",
                assertThrows(EOFException.class, cut::next).getMessage());
        assertEquals("the stream ended before its first part",
                assertThrows(EOFException.class, reader("b", "")::next).getMessage());
    }

    @Test
    void eachMalformedPartIsNamedWithWhatWasFound() {
        assertEquals("malformed multipart stream at part 1: the stream starts with '<html>', not the boundary '--b'",
                malformed("--b--\r\n", "<html>\r\n"));
        assertEquals("malformed multipart stream at part 1: header line without a name and colon: 'garbage'",
                malformed("--b\r\ngarbage\r\n\r\n", ""));
        assertEquals("malformed multipart stream at part 1: Content-Length 'many' is not a number",
                malformed("--b\r\nContent-Length: many\r\n\r\n", ""));
        assertEquals("malformed multipart stream at part 1: Content-Length 1000 is outside 0..100",
                malformed("--b\r\nContent-Length: 1000\r\n\r\n", ""));
        assertEquals("malformed multipart stream at part 2: expected the boundary '--b', got 'junk after the body'",
                malformed("--b\r\nContent-Length: 1\r\n\r\nA\r\njunk after the body\r\n", ""));
        assertEquals("malformed multipart stream at part 1: part 1 runs past 100 bytes without a boundary",
                malformed("--b\r\n\r\n" + "x".repeat(200), ""));
        assertEquals("malformed multipart stream at part 1: a header or boundary line longer than 8192 bytes",
                malformed("--b\r\n" + "y".repeat(9000), ""));
    }

    /** The error of reading two parts from {@code head + tail}, where the fault is. */
    private static String malformed(String head, String tail) {
        MultipartReplaceReader parts = reader("b", tail.isEmpty() ? head : tail + head);
        return assertThrows(MalformedPartException.class, () -> {
            parts.next();
            parts.next();
        }).getMessage();
    }

    @Test
    void theBoundaryComesFromTheContentType() {
        assertEquals("frame", MultipartReplaceReader.boundaryOf("multipart/x-mixed-replace; boundary=frame"));
        assertEquals("a b", MultipartReplaceReader.boundaryOf("Multipart/X-Mixed-Replace;charset=x; Boundary=\"a b\""));
        assertEquals("--myboundary", MultipartReplaceReader.boundaryOf("multipart/x-mixed-replace;boundary=--myboundary"));
        assertEquals("Content-Type is 'image/jpeg', not multipart/x-mixed-replace (is this an MJPEG stream?)",
                assertThrows(IllegalArgumentException.class, () -> MultipartReplaceReader.boundaryOf("image/jpeg"))
                        .getMessage());
        assertEquals("Content-Type is 'null', not multipart/x-mixed-replace (is this an MJPEG stream?)",
                assertThrows(IllegalArgumentException.class, () -> MultipartReplaceReader.boundaryOf(null)).getMessage());
        assertEquals("Content-Type 'multipart/x-mixed-replace; boundary=--' declares no boundary",
                assertThrows(IllegalArgumentException.class,
                        () -> MultipartReplaceReader.boundaryOf("multipart/x-mixed-replace; boundary=--")).getMessage());
    }

    @Test
    void aLongBodyIsReadWhole() throws IOException {
        byte[] jpegLike = new byte[90];
        for (int i = 0; i < jpegLike.length; i++) {
            jpegLike[i] = (byte) (i * 37); // every byte value a JPEG may hold, line breaks and dashes included
        }
        String stream = "--b\r\n\r\n" + new String(jpegLike, StandardCharsets.ISO_8859_1) + "\r\n--b\r\n";
        assertArrayEquals(jpegLike, reader("b", stream).next().body());
    }
}
