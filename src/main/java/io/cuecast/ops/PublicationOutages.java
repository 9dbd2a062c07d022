package io.cuecast.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outages of each stream's publication path (one circuit breaker per stream in
 * routes/publish.camel.yaml): a {@code PUBLISH_FAILING} alert when a stream starts failing and a
 * {@code PUBLISH_FAILING_RESTORED} one when it works again. The alert stream's own outage is logged
 * and never alerted: its alert would go out on the failing stream and fail again, in a loop.
 *
 * <p>When one outage ends the others often end with it (the broker is back), and a stream can come
 * back before the alert stream's breaker closes: that breaker then refuses its end. Such an end is
 * held, handed out again with the alert stream's own end, and meanwhile offered again every breaker
 * period ({@link #heldEndToRetry}), so that it reaches the clients even when no other alert follows.
 * Thread-safe.
 */
public final class PublicationOutages {
    public static final String CODE = "PUBLISH_FAILING";
    private static final Logger LOG = LoggerFactory.getLogger(PublicationOutages.class);
    private final String alertStream;
    private final Map<String, OutageAlerts> byStream = new ConcurrentHashMap<>();
    private final Queue<Alert> heldEnds = new ConcurrentLinkedQueue<>();

    /** @param alertStream the wire name of the stream alerts go out on */
    public PublicationOutages(String alertStream) {
        this.alertStream = alertStream;
    }

    /**
     * The alert for the first failure of an outage of {@code stream}, else null.
     *
     * @param message the message that was not published: an outage's end refused on the alert stream is held
     */
    public Alert failed(String stream, Throwable cause, Object message) {
        if (stream.equals(alertStream) && message instanceof Alert refused && refused.code().equals(CODE + OutageAlerts.RESTORED)) {
            heldEnds.add(refused);
        }
        Alert alert = outage(stream).failed(cause);
        if (alert == null) {
            return null;
        }
        if (stream.equals(alertStream)) {
            LOG.error("The {} stream cannot be published ({}); its messages go to the dead letters until it works again",
                    stream, String.valueOf(cause));
            return null;
        }
        LOG.warn("The {} stream cannot be published: {}", stream, String.valueOf(cause));
        return alert;
    }

    /**
     * The end-of-outage alerts to send now that a message of {@code stream} was published: its own
     * when this ends its outage, and, when it is the alert stream, the ends held while that was down.
     */
    public List<Alert> restored(String stream) {
        Alert alert = outage(stream).restored();
        if (stream.equals(alertStream)) {
            if (alert == null) {
                return List.of();
            }
            LOG.info("The {} stream is published again", stream);
            List<Alert> toSend = new ArrayList<>(List.of(alert));
            for (Alert end = heldEnds.poll(); end != null; end = heldEnds.poll()) {
                toSend.add(end);
            }
            return toSend;
        }
        return alert == null ? List.of() : List.of(alert);
    }

    /** An outage's end the alert stream refused, to offer it again now; null when none waits. */
    public Alert heldEndToRetry() {
        return heldEnds.poll();
    }

    /** What the caller of a message that was not published gets, an operator's REST request say. */
    public static NotPublished notPublished(String stream, Throwable cause) {
        return new NotPublished("not published on the " + stream + " stream (" + (cause == null ? "unknown cause"
                : cause.getClass().getSimpleName() + ": " + cause.getMessage()) + "); it was kept in the dead letters");
    }

    /**
     * The answer of a publication that fell back, {@code {"error": "..."}} in JSON. Like a published
     * message's answer it has a {@code sequence()}, null: the routes that record what was published
     * ({@code ${body.sequence}} in state-update and game-event) then see that nothing was, instead of
     * failing, which dead-lettered the frame a second time and, for an event, lost its frame's state.
     */
    public record NotPublished(String error) {
        public Long sequence() {
            return null;
        }
    }

    public boolean isDown(String stream) {
        return outage(stream).isDown();
    }

    private OutageAlerts outage(String stream) {
        return byStream.computeIfAbsent(stream, name -> new OutageAlerts("the " + name + " stream's publication", CODE));
    }
}
