package io.cuecast.ops.deadletter;

import java.util.Objects;

/**
 * A message body as bytes, with the content type that says how to turn it back into what the route
 * expects (see {@code ExchangeBodies}).
 *
 * @param contentType e.g. {@code image/png} for a camera frame, {@code application/json}; null when empty
 * @param bytes       the content; null in a summary, which only knows the size
 * @param size        the content's length in bytes
 */
public record MessageBody(String contentType, byte[] bytes, int size) {

    public static final MessageBody EMPTY = new MessageBody(null, new byte[0], 0);

    public static MessageBody of(String contentType, byte[] bytes) {
        Objects.requireNonNull(contentType, "contentType");
        return new MessageBody(contentType, bytes.clone(), bytes.length);
    }

    static MessageBody summaryOf(MessageBody body) {
        return new MessageBody(body.contentType, null, body.size);
    }

    public boolean isEmpty() {
        return size == 0 && contentType == null;
    }

    /** Whether the bytes are here; a summary from a listing has only the size. */
    public boolean hasBytes() {
        return bytes != null;
    }
}
