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
     * @param alreadySubscribed the client's tables' streams before this request; they get nothing,
     *                          since the client is receiving them live
     * @throws RequestRejected if a resume position is beyond the stream's last sequence, or names a
     *                         stream the client is already subscribed to
     */
    CatchUp plan(SubscriptionRequest request, Set<TableStream> alreadySubscribed) {
        Map<TableStream, Boolean> recovered = new LinkedHashMap<>();
        Map<TableStream, List<EncodedMessage>> messages = new LinkedHashMap<>();
        for (Stream stream : new LinkedHashSet<>(request.streams())) {
            SubscriptionRequest.Resume resume = request.resume().get(stream);
            for (String table : request.tables()) {
                TableStream target = new TableStream(table, stream);
                Long resumeAfter = resume == null ? null : resume.after().get(table);
                if (resumeAfter != null) {
                    rejectUnresumable(target, resumeAfter, alreadySubscribed);
                    List<EncodedMessage> missed = history.messagesAfter(target, resumeAfter).orElse(null);
                    recovered.put(target, missed != null);
                    if (missed != null) {
                        messages.put(target, missed);
                    } else {
                        history.latest(target).ifPresent(latest -> messages.put(target, List.of(latest)));
                    }
                } else if (latestValueStreams.contains(stream) && !alreadySubscribed.contains(target)) {
                    history.latest(target).ifPresent(latest -> messages.put(target, List.of(latest)));
                }
            }
        }
        return new CatchUp(recovered, messages);
    }

    private void rejectUnresumable(TableStream target, long resumeAfter, Set<TableStream> alreadySubscribed) {
        String name = target.stream().wireName();
        if (alreadySubscribed.contains(target)) {
            throw new RequestRejected(ErrorCode.INVALID_SUBSCRIBE_FORMAT, "data.resume names '" + name
                    + "' of table " + target.table() + ", which this connection already receives; resume only when "
                    + "subscribing. No subscription was changed.");
        }
        long last = history.lastSequence(target);
        if (resumeAfter > last) {
            throw new RequestRejected(ErrorCode.INVALID_SUBSCRIBE_FORMAT, "data.resume." + name + " is "
                    + resumeAfter + ", but the last '" + name + "' message of table " + target.table() + " is " + last
                    + " (the server may have restarted: check the epoch). No subscription was changed.");
        }
    }
}
