package io.cuecast.gateway;

import static io.cuecast.gateway.InboundMessageGuard.FrameKind.BINARY;
import static io.cuecast.gateway.InboundMessageGuard.FrameKind.CONTINUATION;
import static io.cuecast.gateway.InboundMessageGuard.FrameKind.TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cuecast.gateway.InboundMessageGuard.Verdict;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InboundMessageGuardTest {
    private final InboundMessageGuard guard = new InboundMessageGuard(16);

    private static ByteBuffer bytes(int... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length);
        for (int value : values) {
            buffer.put((byte) value);
        }
        return buffer.flip();
    }

    private static ByteBuffer utf8(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void acceptsValidTextUpToTheLimit() {
        assertEquals(Verdict.ACCEPT, guard.onFrame(TEXT, utf8("0123456789abcdef"), true));
    }

    @Test
    void refusesTheFrameThatTakesAMessagePastTheLimit() {
        assertEquals(Verdict.ACCEPT, guard.onFrame(TEXT, utf8("0123456789"), false));
        assertEquals(Verdict.TOO_LARGE, guard.onFrame(CONTINUATION, utf8("abcdefg"), false));
        assertEquals(17, guard.messageBytes());
    }

    @Test
    void countsEachMessageAfresh() {
        assertEquals(Verdict.ACCEPT, guard.onFrame(TEXT, utf8("0123456789"), true));
        assertEquals(Verdict.ACCEPT, guard.onFrame(BINARY, ByteBuffer.allocate(16), true));
        assertEquals(Verdict.ACCEPT, guard.onFrame(TEXT, utf8("0123456789"), true));
    }

    @Test
    void acceptsACodePointSplitAcrossFragments() {
        byte[] euro = "€😀".getBytes(StandardCharsets.UTF_8);
        assertEquals(Verdict.ACCEPT, guard.onFrame(TEXT, ByteBuffer.wrap(euro, 0, 1), false));
        assertEquals(Verdict.ACCEPT, guard.onFrame(CONTINUATION, ByteBuffer.wrap(euro, 1, 3), false));
        assertEquals(Verdict.ACCEPT, guard.onFrame(CONTINUATION, ByteBuffer.wrap(euro, 4, 3), true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"C0AF", "ED A0 80", "F5 80 80 80", "80", "E282"})
    void refusesInvalidUtf8(String hex) {
        String[] parts = hex.contains(" ") ? hex.split(" ") : hex.split("(?<=\\G..)");
        int[] values = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Integer.parseInt(parts[i], 16);
        }
        assertEquals(Verdict.INVALID_UTF8, guard.onFrame(TEXT, bytes(values), true));
    }

    @Test
    void refusesACodePointLeftUnfinishedByTheLastFragment() {
        assertEquals(Verdict.ACCEPT, guard.onFrame(TEXT, utf8("ab"), false));
        assertEquals(Verdict.INVALID_UTF8, guard.onFrame(CONTINUATION, bytes(0xE2, 0x82), true));
    }

    @Test
    void leavesBinaryPayloadsAlone() {
        assertEquals(Verdict.ACCEPT, guard.onFrame(BINARY, bytes(0xC0, 0xAF, 0xFF), true));
        assertEquals(Verdict.ACCEPT, guard.onFrame(CONTINUATION, bytes(0xFF), true));
    }

    @Test
    void doesNotConsumeTheCallersBuffer() {
        ByteBuffer payload = utf8("abc");
        guard.onFrame(TEXT, payload, true);
        assertEquals(3, payload.remaining());
    }

    @Test
    void refusesANonPositiveLimit() {
        assertThrows(IllegalArgumentException.class, () -> new InboundMessageGuard(0));
    }
}
