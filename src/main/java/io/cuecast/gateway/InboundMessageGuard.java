package io.cuecast.gateway;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks one connection's incoming WebSocket frames as they arrive, before any message is put
 * together: a message may not grow past the size limit, and a text message must be valid UTF-8
 * (RFC 6455, 8.1). Transports decode text leniently (bad bytes become U+FFFD), so this is the
 * only place bad UTF-8 can still be seen. Fragments are followed across continuation frames, and
 * a code point split between two fragments is fine.
 *
 * <p>Not thread-safe: feed it one connection's frames in order, as its event loop delivers them.
 */
public final class InboundMessageGuard {

    /** What to do with the connection after a frame. */
    public enum Verdict {
        ACCEPT,
        /** Close with 1009: the message passed the size limit. */
        TOO_LARGE,
        /** Close with 1007: a text message is not valid UTF-8. */
        INVALID_UTF8
    }

    /** The data frame kinds; control frames (ping, pong, close) are not messages and never come here. */
    public enum FrameKind { TEXT, BINARY, CONTINUATION }

    private static final int MAX_INCOMPLETE_SEQUENCE = 3;

    private final int maxMessageBytes;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    /** Decoded text is thrown away: only whether decoding succeeds matters. */
    private final CharBuffer scratch = CharBuffer.allocate(1024);
    /** The start of a code point cut off at the end of the last fragment. */
    private final ByteBuffer carried = ByteBuffer.allocate(MAX_INCOMPLETE_SEQUENCE);
    private long messageBytes;
    private boolean inText;

    public InboundMessageGuard(int maxMessageBytes) {
        if (maxMessageBytes < 1) {
            throw new IllegalArgumentException("maxMessageBytes must be at least 1, was " + maxMessageBytes);
        }
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * @param payload the frame's payload; read, not kept
     * @param last    whether this frame ends its message
     */
    public Verdict onFrame(FrameKind kind, ByteBuffer payload, boolean last) {
        if (kind != FrameKind.CONTINUATION) {
            startMessage(kind == FrameKind.TEXT);
        }
        messageBytes += payload.remaining();
        if (messageBytes > maxMessageBytes) {
            return Verdict.TOO_LARGE;
        }
        if (inText && !isValidUtf8(payload.duplicate(), last)) {
            return Verdict.INVALID_UTF8;
        }
        return Verdict.ACCEPT;
    }

    /** The size of the message so far, in bytes: for a refusal's reason. */
    public long messageBytes() {
        return messageBytes;
    }

    private void startMessage(boolean text) {
        messageBytes = 0;
        inText = text;
        utf8.reset();
        carried.clear();
    }

    private boolean isValidUtf8(ByteBuffer fragment, boolean last) {
        ByteBuffer input = withCarriedBytes(fragment);
        while (true) {
            scratch.clear();
            CoderResult result = utf8.decode(input, scratch, last);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                break;
            }
        }
        if (last) {
            scratch.clear();
            return !utf8.flush(scratch).isError() && !input.hasRemaining();
        }
        carried.clear();
        carried.put(input);
        return true;
    }

    /** Glues the previous fragment's unfinished code point to this one; copies only in that case. */
    private ByteBuffer withCarriedBytes(ByteBuffer fragment) {
        carried.flip();
        if (!carried.hasRemaining()) {
            return fragment;
        }
        ByteBuffer joined = ByteBuffer.allocate(carried.remaining() + fragment.remaining());
        joined.put(carried).put(fragment).flip();
        return joined;
    }
}
