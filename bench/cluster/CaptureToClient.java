import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Capture-to-client latency of the state stream: for each state message a client receives, now
 * minus the frame's captured_at_us. Server and client share this machine's clock.
 * Usage: java bench/cluster/CaptureToClient.java ws://127.0.0.1:PORT/api/v1/ws/state SAMPLES WARMUP
 */
public class CaptureToClient {
    private static final Pattern CAPTURED = Pattern.compile("\"captured_at_us\":(\\d+)");

    public static void main(String[] args) throws Exception {
        int samples = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(1);
        HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(args[0]), new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();
            private int seen;

            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    long now = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
                    Matcher m = CAPTURED.matcher(text);
                    if (text.indexOf("\"type\":\"state\"") >= 0 && m.find() && ++seen > warmup) {
                        micros.add(now - Long.parseLong(m.group(1)));
                        if (micros.size() == samples) {
                            done.countDown();
                        }
                    }
                    text.setLength(0);
                }
                socket.request(1);
                return CompletableFuture.completedFuture(null);
            }
        }).join();
        if (!done.await(300, TimeUnit.SECONDS)) {
            System.err.println("only " + micros.size() + " samples");
        }
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        System.out.printf("n=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms%n", sorted.size(),
                at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1000.0);
        System.exit(0);
    }

    private static double at(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(quantile * sorted.size()))) / 1000.0;
    }
}
