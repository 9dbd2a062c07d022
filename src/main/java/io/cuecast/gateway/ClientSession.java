package io.cuecast.gateway;

import io.cuecast.gateway.auth.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: who it is, its channel, and its traffic counters. It deliberately holds
 * no subscriptions: those live only in the {@link SubscriptionRegistry}.
 *
 * <p>Counters are updated from I/O and pipeline threads at once and read without locking, so a
 * set of readings may be a few messages apart from each other.
 */
public final class ClientSession {

    private static final Logger LOG = LoggerFactory.getLogger(ClientSession.class);

    /** What happened to one stream message offered to this client. */
    enum Delivery { DELIVERED, DROPPED_QUEUE_FULL, FAILED }

    private final String clientId;
    private final String connectionKey;
    private final String remoteAddress;
    private final Instant connectedAt;
    private final ClientChannel channel;
    private final RateLimiter rateLimiter;
    private final Liveness liveness;

    private final LongAdder messagesReceived = new LongAdder();
    private final LongAdder bytesReceived = new LongAdder();
    private final LongAdder messagesSent = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder messagesDropped = new LongAdder();
    /** What send() wrote (replies, catch-up): rare, so counting it keeps a stream-message counter off the publish path. */
    private final LongAdder controlMessagesSent = new LongAdder();
    private final LinkHealth link;
    private volatile Duration lastPingLatency;
    /** Null until the client authenticates (at once under open access). */
    private volatile Principal principal;
    /** Video frames handed to the channel and not yet written out: the latest-only rule reads it. */
    private final AtomicInteger framesInFlight = new AtomicInteger();

    ClientSession(String clientId, String connectionKey, String remoteAddress, Instant connectedAt,
                  ClientChannel channel, RateLimiter rateLimiter) {
        this.clientId = clientId;
        this.connectionKey = connectionKey;
        this.remoteAddress = remoteAddress;
        this.connectedAt = connectedAt;
        this.channel = channel;
        this.rateLimiter = rateLimiter;
        this.liveness = new Liveness(connectedAt);
        this.link = new LinkHealth(connectedAt);
    }

    /** The UUID the gateway gave this client, sent in the welcome message. */
    public String clientId() {
        return clientId;
    }

    /** The adapter's own key for the connection. */
    public String connectionKey() {
        return connectionKey;
    }

    public String remoteAddress() {
        return remoteAddress;
    }

    public Instant connectedAt() {
        return connectedAt;
    }

    public ClientChannel channel() {
        return channel;
    }

    /** Text messages received from the client, including those rejected with an error. */
    public long messagesReceived() {
        return messagesReceived.sum();
    }

    public long bytesReceived() {
        return bytesReceived.sum();
    }

    /** Messages handed to the channel: stream messages and control replies. */
    public long messagesSent() {
        return messagesSent.sum();
    }

    public long bytesSent() {
        return bytesSent.sum();
    }

    /**
     * Stream messages this client did not get: its queue was full, a video frame was still being
     * written when the next came, or its channel failed.
     */
    public long messagesDropped() {
        return messagesDropped.sum();
    }

    /** The latest latency measured: from a client ping's timestamp, or half the round trip of a server ping. */
    public Optional<Duration> lastPingLatency() {
        return Optional.ofNullable(lastPingLatency);
    }

    /** The original system's 0.3-1.0 score, from {@link #lastPingLatency()}. */
    public double qualityScore() {
        return LinkQuality.score(lastPingLatency());
    }

    /** Who the client is and what it may read; empty until it has authenticated. */
    public Optional<Principal> principal() {
        return Optional.ofNullable(principal);
    }

    void authenticated(Principal principal) {
        this.principal = principal;
    }

    /** Latency, jitter, recent loss and the quality level they give. */
    public LinkHealth.Report link() {
        return link.report(streamMessagesOffered(), messagesDropped.sum());
    }

    RateLimiter rateLimiter() {
        return rateLimiter;
    }

    Liveness liveness() {
        return liveness;
    }

    void recordReceived(int bytes) {
        messagesReceived.increment();
        bytesReceived.add(bytes);
    }

    void recordPingLatency(Duration latency) {
        lastPingLatency = latency;
        link.latency(latency);
    }

    /** About once a second: what the recent loss is counted against. */
    void noteTraffic(Instant now) {
        link.traffic(now, streamMessagesOffered(), messagesDropped.sum());
    }

    /** Stream messages meant for this client: those sent, and those dropped. */
    private long streamMessagesOffered() {
        return messagesSent.sum() - controlMessagesSent.sum() + messagesDropped.sum();
    }

    /**
     * Sends a stream message unless the client's queue is full, in which case it is skipped; see
     * {@link #skip}. Either way the client's time behind is judged; see {@link #noteWhetherBehind}.
     */
    Delivery offer(EncodedMessage message, Instant now) {
        if (channel.isWriteQueueFull()) {
            return skip(now);
        }
        noteWhetherBehind(now);
        if (!write(message)) {
            messagesDropped.increment();
            return Delivery.FAILED;
        }
        return Delivery.DELIVERED;
    }

    /**
     * Whether the client could take a camera frame now: its previous frame has been written out
     * and its queue is not full. Frames are never queued behind each other, so a slow client gets
     * the newest frame when it is ready, not a backlog.
     */
    boolean readyForFrame() {
        return framesInFlight.get() == 0 && !channel.isWriteQueueFull();
    }

    /**
     * Sends a binary frame message. A camera frame ({@code latestOnly}) is skipped while the
     * previous one is still being written; an operator's frame only when the queue is full.
     * A skipped frame counts as a drop; a client whose socket stays stalled on a frame for the
     * slow-consumer timeout is closed like any other that does not keep up.
     */
    Delivery offerFrame(byte[] message, boolean latestOnly, Instant now) {
        if (channel.isWriteQueueFull() || (latestOnly && framesInFlight.get() > 0)) {
            return skip(now);
        }
        noteWhetherBehind(now);
        framesInFlight.incrementAndGet();
        try {
            channel.sendBinary(message, framesInFlight::decrementAndGet);
        } catch (RuntimeException e) {
            framesInFlight.decrementAndGet();
            LOG.warn("Sending a frame to client {} ({}) failed", clientId, remoteAddress, e);
            messagesDropped.increment();
            return Delivery.FAILED;
        }
        messagesSent.increment();
        bytesSent.add(message.length);
        return Delivery.DELIVERED;
    }

    /**
     * Starts (or goes on with) a spell behind while the client's socket is stalled, and ends it
     * otherwise. Only the client's own stall counts: a queue that is full, or a frame not yet
     * written, while the socket takes everything it is given means the server is behind with its
     * writes, and holding that against the client would cut off healthy clients of a loaded server.
     * Called at every message offered and by the sweep, which sees a client drain (or stall) while
     * nothing is published.
     */
    void noteWhetherBehind(Instant now) {
        if (channel.isStalled()) {
            liveness.fellBehind(now);
        } else {
            liveness.caughtUp();
        }
    }

    /** Counts a stream message or frame this client was due but could not take, and judges its time behind. */
    Delivery skip(Instant now) {
        noteWhetherBehind(now);
        messagesDropped.increment();
        return Delivery.DROPPED_QUEUE_FULL;
    }

    /** Sends a control reply. Replies are few and rate-limited, so they are never skipped. */
    void send(EncodedMessage message) {
        if (write(message)) {
            controlMessagesSent.increment();
        }
    }

    /** A failing channel is logged and reported, never thrown: one client must not stop others. */
    private boolean write(EncodedMessage message) {
        try {
            channel.sendText(message.utf8());
        } catch (RuntimeException e) {
            LOG.warn("Sending to client {} ({}) failed", clientId, remoteAddress, e);
            return false;
        }
        messagesSent.increment();
        bytesSent.add(message.bytes());
        return true;
    }
}
