package io.cuecast.gateway;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Hands one stream message to its recipients: one task per writer (a Vert.x event loop), covering
 * all of that writer's clients, instead of one hand-over per client. Whether a client takes the
 * message or skips it for a full queue is decided in that task, by the thread that owns the
 * client's socket, so the publishing thread's work does not grow with the clients and it returns
 * before the writes are done.
 */
final class WriterHandover {
    private final DeliveryCounter deliveries;

    WriterHandover(DeliveryCounter deliveries) {
        this.deliveries = deliveries;
    }

    /** Offers the message to each recipient on its writer; the outcomes go to the stream's totals. */
    void handOut(Stream stream, List<ClientSession> recipients, EncodedMessage message, Instant now) {
        for (Batch batch : byWriter(recipients)) {
            batch.writer.execute(() -> {
                DeliveryCounter.Tally tally = deliveries.tally(stream);
                for (ClientSession session : batch.sessions) {
                    tally.count(session.offer(message, now), message.bytes());
                }
                tally.addToTotals();
            });
        }
    }

    private record Batch(Executor writer, List<ClientSession> sessions) {
    }

    /** A handful of writers at most (one per event loop), so a linear search beats a map. */
    private static List<Batch> byWriter(List<ClientSession> recipients) {
        List<Batch> batches = new ArrayList<>(2);
        for (ClientSession session : recipients) {
            Executor writer = session.channel().writer();
            Batch batch = null;
            for (Batch existing : batches) {
                if (existing.writer == writer) {
                    batch = existing;
                    break;
                }
            }
            if (batch == null) {
                batch = new Batch(writer, new ArrayList<>());
                batches.add(batch);
            }
            batch.sessions.add(session);
        }
        return batches;
    }
}
