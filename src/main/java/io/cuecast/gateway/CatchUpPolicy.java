package io.cuecast.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what a subscribe replays from history. The caller holds the locks of the requested
 * streams from this decision until the messages are queued, so no live message can slip in
 * between (a gap) or be replayed as well (a duplicate).
 *
 * <p>A resume older than this gateway's memory is first read from {@link OlderHistory}, before
 * the locks are taken, since that read may wait on a broker: {@link #readOlder} up to the last
 * sequence this gateway then had, and {@link #plan} joins it to what memory holds after that.
 */
final class CatchUpPolicy {

    private final StreamHistory history;
    private final OlderHistory older;
    private final Set<Stream> latestValueStreams;

    CatchUpPolicy(StreamHistory history, OlderHistory older, Set<Stream> latestValueStreams) {
        this.history = history;
        this.older = older;
        this.latestValueStreams = Set.copyOf(latestValueStreams);
    }

    /**
     * Messages read from the older history for a resume.
     *
     * @param through the last sequence read: memory supplies the rest
     */
    record OlderMessages(long through, List<EncodedMessage> messages) {
    }

    /**
     * Without any lock: for each resume position that this gateway's memory no longer covers, the
     * messages after it up to the stream's last sequence now, from the older history.
     */
    Map<TableStream, OlderMessages> readOlder(SubscriptionRequest request) {
        Map<TableStream, OlderMessages> read = new LinkedHashMap<>();
        request.resume().forEach((stream, resume) -> resume.after().forEach((table, after) -> {
            TableStream target = new TableStream(table, stream);
            long through = history.lastSequence(target);
            if (after < through && history.messagesAfter(target, after).isEmpty()) {
                older.messagesBetween(table, stream, after, through).ifPresent(texts -> read.put(target,
                        new OlderMessages(through, texts.stream().map(EncodedMessage::of).toList())));
            }
        }));
        return read;
    }

    /**
     * Changes nothing, so a rejected request leaves the client as it was.
     *
     * @param alreadySubscribed the client's tables' streams before this request; they get nothing,
     *                          since the client is receiving them live
     * @throws RequestRejected if a resume position is beyond the stream's last sequence, or names a
     *                         stream the client is already subscribed to
     */
    CatchUp plan(SubscriptionRequest request, Set<TableStream> alreadySubscribed,
                 Map<TableStream, OlderMessages> olderRead) {
        Map<TableStream, Boolean> recovered = new LinkedHashMap<>();
        Map<TableStream, List<EncodedMessage>> messages = new LinkedHashMap<>();
        for (Stream stream : new LinkedHashSet<>(request.streams())) {
            SubscriptionRequest.Resume resume = request.resume().get(stream);
            for (String table : request.tables()) {
                TableStream target = new TableStream(table, stream);
                Long resumeAfter = resume == null ? null : resume.after().get(table);
                if (resumeAfter != null) {
                    rejectUnresumable(target, resumeAfter, alreadySubscribed);
                    List<EncodedMessage> missed = missedMessages(target, resumeAfter, olderRead.get(target)).orElse(null);
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

    private Optional<List<EncodedMessage>> missedMessages(TableStream target, long after, OlderMessages olderRead) {
        Optional<List<EncodedMessage>> inMemory = history.messagesAfter(target, after);
        if (inMemory.isPresent() || olderRead == null) {
            return inMemory;
        }
        return history.messagesAfter(target, olderRead.through()).map(newer -> {
            List<EncodedMessage> missed = new ArrayList<>(olderRead.messages());
            missed.addAll(newer);
            return missed;
        });
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
