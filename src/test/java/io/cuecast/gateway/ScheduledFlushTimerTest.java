package io.cuecast.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import io.cuecast.it.Await;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The production flush timer on a real thread and the real clock: it runs the flush when asked, and when the flush says. */
class ScheduledFlushTimerTest {

    private final Clock clock = Clock.systemUTC();

    @Test
    void runsTheFlushAtTheTimeAskedAndAgainWhenTheFlushAsks() throws Exception {
        List<Instant> runs = new CopyOnWriteArrayList<>();
        CountDownLatch twice = new CountDownLatch(2);
        Instant start = clock.instant();
        try (ScheduledFlushTimer timer = new ScheduledFlushTimer(clock)) {
            timer.drive(() -> {
                runs.add(clock.instant());
                twice.countDown();
                // The first flush leaves something due 30 ms later; the second leaves nothing.
                return runs.size() == 1 ? Optional.of(clock.instant().plusMillis(30)) : Optional.empty();
            });
            timer.wakeAt(start.plusMillis(20));

            assertTrue(twice.await(5, TimeUnit.SECONDS), "ran " + runs.size() + " times");
        }
        assertTrue(!runs.get(0).isBefore(start.plusMillis(20)), "not before the time asked");
        assertTrue(Duration.between(runs.get(0), runs.get(1)).toMillis() >= 30, runs.toString());
    }

    @Test
    void aWakeUpAskedForBeforeTheGatewayExistsIsKept() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        try (ScheduledFlushTimer timer = new ScheduledFlushTimer(clock)) {
            timer.wakeAt(clock.instant());
            timer.drive(() -> {
                ran.countDown();
                return Optional.empty();
            });
            assertTrue(ran.await(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void drivesAGatewaysConflationOnItsOwn() throws Exception {
        try (ScheduledFlushTimer timer = new ScheduledFlushTimer(clock)) {
            Gateway gateway = new Gateway(GatewaySettings.defaults("v"), clock, timer);
            timer.drive(gateway::flushDue);
            TestClient client = new TestClient(gateway, "c");
            client.send("{'type':'subscribe','data':{'streams':['state'],'filters':{'state':{'max_fps':20}}}}");

            gateway.publish(Stream.STATE, Map.of("n", 1));
            gateway.publish(Stream.STATE, Map.of("n", 2));   // held: within 50 ms of the first

            Await.until(() -> client.ofType("state").size(), count -> count >= 2, Duration.ofSeconds(5),
                    "the held message to be flushed");
            assertEquals(List.of(1, 2), client.ofType("state").stream().map(m -> m.at("/data/n").asInt()).toList());
        }
    }
}
