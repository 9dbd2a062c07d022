package io.cuecast.gateway.websocket;

import io.cuecast.gateway.Gateway;
import io.cuecast.gateway.InboundMessageGuard;
import io.cuecast.gateway.InboundMessageGuard.FrameKind;
import io.cuecast.gateway.InboundMessageGuard.Verdict;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;

/**
 * Puts an {@link InboundMessageGuard} on a socket's incoming frames, so that an oversized message
 * is cut off at the frame that crosses the limit (Vert.x would buffer up to 256 KiB first), and bad
 * UTF-8 is seen at all (Vert.x decodes text leniently, into U+FFFD).
 *
 * <p>Vert.x hands a frame to its message assembler before this handler, so the message a bad last
 * frame completes may already be on its way to the route, U+FFFD and all. It is handled like any
 * other text (an error reply, at worst) before the close; every earlier message was checked whole.
 */
final class InboundFrames {

    private InboundFrames() {
    }

    static void guard(ServerWebSocket socket, String connectionKey, Gateway gateway) {
        InboundMessageGuard guard = new InboundMessageGuard(gateway.maxMessageBytes());
        socket.frameHandler(frame -> {
            FrameKind kind = kindOf(frame);
            if (kind == null) {
                return;
            }
            Verdict verdict = guard.onFrame(kind, frame.binaryData().getByteBuf().nioBuffer(), frame.isFinal());
            if (verdict != Verdict.ACCEPT) {
                gateway.refuse(connectionKey, verdict, guard.messageBytes());
            }
        });
    }

    /** Null for control frames, which Vert.x answers itself and which carry no message. */
    private static FrameKind kindOf(WebSocketFrame frame) {
        if (frame.isText()) {
            return FrameKind.TEXT;
        }
        if (frame.isBinary()) {
            return FrameKind.BINARY;
        }
        return frame.isContinuation() ? FrameKind.CONTINUATION : null;
    }
}
