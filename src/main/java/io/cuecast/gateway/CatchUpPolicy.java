package io.cuecast.gateway;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides what a subscribe replays from history. The caller holds the locks of the requested
 * streams from this decision until the messages are queued, so no live message can slip in
 * between (a gap) or be replayed as well (a duplicate).
 */
final class CatchUpPolicy {

    private final StreamHistory history;
    private final Set<Stream> latestValueStreams;

    CatchUpPolicy(StreamHistory history, Set<Stream> latestValueStreams) {
        this.history = history;
        this.latestValueStreams = Set.copyOf(latestValueStreams);
    }

    /**
     * Changes nothing, so a rejected request leaves the client as it was.
     *
     * @param alreadySubscribed the client's streams before this request; they get nothing, since
     *                          the client is receiving them live
     * @throws RequestRejected if a resume position is beyond the stream's last sequence, or names a
     *                         stream the client is already subscribed to
     */
    CatchUp plan(SubscriptionRequest request, Set<Stream> alreadySubscribed) {
        Map<Stream, Boolean> recovered = new LinkedHashMap<>();
        Map<Stream, List<EncodedMessage>> messages = new LinkedHashMap<>();
        for (Stream stream : new LinkedHashSet<>(request.streams())) {
            Long resumeAfter = request.resume().get(stream);
            if (resumeAfter != null) {
                rejectUnresumable(stream, resumeAfter, alreadySubscribed);
                List<EncodedMessage> missed = history.messagesAfter(stream, resumeAfter).orElse(null);
                recovered.put(stream, missed != null);
                if (missed != null) {
                    messages.put(stream, missed);
                } else {
                    history.latest(stream).ifPresent(latest -> messages.put(stream, List.of(latest)));
                }
            } else if (latestValueStreams.contains(stream) && !alreadySubscribed.contains(stream)) {
                history.latest(stream).ifPresent(latest -> messages.put(stream, List.of(latest)));
            }
        }
        return new CatchUp(recovered, messages);
    }

    private void rejectUnresumable(Stream stream, long resumeAfter, Set<Stream> alreadySubscribed) {
        String name = stream.wireName();
        if (alreadySubscribed.contains(stream)) {
            throw new RequestRejected(ErrorCode.INVALID_SUBSCRIBE_FORMAT, "data.resume names '" + name
                    + "', which this connection already receives; resume only when subscribing."
                    + " No subscription was changed.");
        }
        long last = history.lastSequence(stream);
        if (resumeAfter > last) {
            throw new RequestRejected(ErrorCode.INVALID_SUBSCRIBE_FORMAT, "data.resume." + name + " is "
                    + resumeAfter + ", but the last '" + name + "' message is " + last
                    + " (the server may have restarted: check the epoch). No subscription was changed.");
        }
    }
}
