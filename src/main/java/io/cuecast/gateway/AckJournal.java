package io.cuecast.gateway;

import java.util.List;

/**
 * Where the gateway notes, durably, which messages await a client's ack, so that a kill -9 loses
 * none: what was still awaited when the server died is handed to the dead letters when it starts
 * again. The gateway notes a message as awaited before it is written to any client.
 */
public interface AckJournal {

    /** One message awaited from one client. */
    record Entry(String clientId, String table, Stream stream, long sequence) {
    }

    /** Keeps nothing: a restart forgets what was awaited. */
    AckJournal NONE = new AckJournal() {
        @Override
        public void awaited(List<Entry> entries, String text) {
        }

        @Override
        public void settled(List<Entry> entries) {
        }

        @Override
        public List<Undelivered> takeUnsettled() {
            return List.of();
        }
    };

    /** Notes that these clients' acks of this message (its text as sent) are awaited; durable on return. */
    void awaited(List<Entry> entries, String text);

    /** Notes that these are no longer awaited: acknowledged, or handed to the dead letters. */
    void settled(List<Entry> entries);

    /**
     * What a previous run still awaited when it stopped, as undelivered messages (reason
     * {@link Undelivered.Reason#SERVER_STOPPED}); each is forgotten once taken, so hand them on.
     */
    List<Undelivered> takeUnsettled();
}
