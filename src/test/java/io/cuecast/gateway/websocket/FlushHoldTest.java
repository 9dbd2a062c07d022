package io.cuecast.gateway.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

/** The flush hold in a real Netty pipeline: what reaches the socket, and when. */
class FlushHoldTest {
    private final FlushHold hold = new FlushHold();
    private final EmbeddedChannel channel = new EmbeddedChannel(hold);

    @Test
    void writesLeaveAtOnceWhileNothingElseWaits() {
        hold.hold(false);
        channel.writeAndFlush("first");

        assertEquals("first", channel.readOutbound());
    }

    @Test
    void heldWritesLeaveTogetherWithTheFirstWriteThatFlushes() {
        hold.hold(true);
        channel.writeAndFlush("one");
        channel.writeAndFlush("two");

        assertTrue(channel.outboundMessages().isEmpty(), "nothing flushed while more waits");

        hold.hold(false);
        channel.writeAndFlush("three");

        assertEquals(List.of("one", "two", "three"), List.copyOf(channel.outboundMessages()));
    }

    @Test
    void otherWritersAreHeldTooAndLeaveInOrder() {
        hold.hold(true);
        channel.writeAndFlush("message");
        channel.writeAndFlush("ping from Vert.x");
        hold.hold(false);
        channel.writeAndFlush("last message");

        assertEquals(List.of("message", "ping from Vert.x", "last message"), List.copyOf(channel.outboundMessages()));
    }
}
