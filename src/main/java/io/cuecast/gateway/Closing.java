package io.cuecast.gateway;

import java.time.Duration;

/**
 * Why the gateway closes a connection itself: a WebSocket close code and a reason for humans
 * (kept well under the 123 bytes a close frame allows).
 */
record Closing(int code, String reason) {

    /** 4000-4999 is for applications; 408 echoes HTTP's Request Timeout. */
    static final int IDLE_TIMEOUT = 4408;
    /** Centrifugo's code for the same thing, so clients that know it need nothing new. */
    static final int SLOW_CONSUMER = 3008;
    /** RFC 6455: a message too big to process. */
    static final int MESSAGE_TOO_BIG = 1009;
    /** RFC 6455: data inconsistent with the message type, such as bad UTF-8 in a text message. */
    static final int INVALID_PAYLOAD = 1007;
    /** HTTP's 401: no token, or one that does not authenticate. */
    static final int UNAUTHORIZED = 4401;
    /** A close frame's reason may hold 123 UTF-8 bytes; cut longer ones at a character boundary. */
    private static final int MAX_REASON_BYTES = 123;

    static Closing idleTimeout(Duration timeout) {
        return new Closing(IDLE_TIMEOUT, "idle timeout: nothing received for " + timeout.toSeconds() + " s");
    }

    static Closing messageTooBig(long bytes, int limit) {
        return new Closing(MESSAGE_TOO_BIG, "message too big: " + bytes + " bytes or more, the limit is " + limit);
    }

    static Closing invalidUtf8() {
        return new Closing(INVALID_PAYLOAD, "invalid UTF-8 in a text message");
    }

    static Closing unauthorized(String reason) {
        String cut = reason;
        while (Utf8.length(cut) > MAX_REASON_BYTES) {
            cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
        }
        return new Closing(UNAUTHORIZED, cut);
    }

    static Closing slowConsumer(Duration timeout) {
        return new Closing(SLOW_CONSUMER, "slow consumer: not keeping up for " + timeout.toSeconds() + " s");
    }
}
