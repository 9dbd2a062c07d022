package io.cuecast.bench;

import io.cuecast.gateway.ClientChannel;
import io.cuecast.gateway.Gateway;
import io.cuecast.gateway.GatewaySettings;
import io.cuecast.gateway.Publication;
import io.cuecast.gateway.Stream;
import io.cuecast.state.StateMessages;
import io.cuecast.state.TableState;
import io.cuecast.state.TrackedBall;
import io.cuecast.table.PoolBall;
import io.cuecast.table.TableSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Publishing one 16-ball state message to N subscribers: serialize once, then hand the same text to
 * every subscriber's channel; with a shared filter, also parse, check and cut it once for the group. The channels are in memory, so this is the gateway's own cost, with
 * no sockets, threads or network in it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GatewayFanoutBenchmark {
    private static final String SUBSCRIBE_TO_STATE = "{\"type\":\"subscribe\",\"data\":{\"streams\":[\"state\"]%s}}";
    /** What every subscriber asks of the stream, all the same, so they form one filter group. */
    private static final Map<String, String> FILTERS = Map.of(
            "none", "",
            "moving-balls", ",\"filters\":{\"state\":{\"conditions\":{\"balls\":{\"where\":{\"speed\":{\"gt\":20}}}}}}");

    @Param({"1", "100", "1000"})
    public int subscribers;

    /** none: the path every unfiltered client takes; moving-balls: one group cut once for all. */
    @Param({"none", "moving-balls"})
    public String filter;

    private Gateway gateway;
    private Map<String, Object> state;

    @Setup
    public void connectSubscribers() {
        gateway = new Gateway(GatewaySettings.defaults("bench"));
        for (int i = 0; i < subscribers; i++) {
            String key = "client-" + i;
            gateway.connect(key, new InMemoryChannel(), "10.0." + i / 256 + "." + i % 256);
            gateway.receive(key, String.format(SUBSCRIBE_TO_STATE, FILTERS.get(filter)));
        }
        int subscribed = gateway.subscriptions().subscribersOf(Stream.STATE).size();
        if (subscribed != subscribers) {
            throw new IllegalStateException(subscribed + " of " + subscribers + " clients subscribed to state");
        }
        state = StateMessages.toWire(fullRack());
    }

    @Benchmark
    public Publication publish() {
        return gateway.publish(Stream.STATE, state);
    }

    /** Sixteen balls spread over a 9-foot table, some rolling: every field of the wire format filled. */
    private static TableState fullRack() {
        TableSpec table = TableSpec.POOL_9FT;
        Random random = new Random(42);
        List<TrackedBall> balls = new ArrayList<>();
        for (PoolBall ball : PoolBall.values()) {
            double x = 40 + random.nextDouble() * (table.lengthMm() - 80);
            double y = 40 + random.nextDouble() * (table.widthMm() - 80);
            boolean rolling = random.nextInt(4) == 0;
            balls.add(new TrackedBall(ball.number() + 1, ball.type(), ball.number(), x, y,
                    100 + x * 0.42, 93 + y * 0.42,
                    rolling ? random.nextGaussian() * 800 : 0, rolling ? random.nextGaussian() * 800 : 0,
                    rolling ? -150 : 0, rolling ? -260 : 0, rolling, false,
                    0.8 + random.nextDouble() * 0.2, 0, 0));
        }
        return new TableState(12_345, 1_795_630_930_001_204L, table, true, balls);
    }

    /** Keeps a reference to the last text sent, so the send cannot be optimised away; never full. */
    private static final class InMemoryChannel implements ClientChannel {
        private byte[] last;

        @Override
        public void sendText(byte[] utf8) {
            last = utf8;
        }

        @Override
        public void sendBinary(byte[] message, Runnable whenWritten) {
            whenWritten.run();
        }

        @Override
        public boolean isWriteQueueFull() {
            return false;
        }

        @Override
        public boolean isStalled() {
            return false;
        }

        @Override
        public void close(int code, String reason) {
            throw new IllegalStateException("the benchmark never closes a client, but the gateway closed one: " + code);
        }
    }
}
