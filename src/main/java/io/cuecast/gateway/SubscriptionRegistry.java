package io.cuecast.gateway;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The single source of truth for which connected client is subscribed to which stream. Fan-out,
 * status replies and monitoring all read it; nothing else keeps a copy.
 *
 * <p>Thread-safe. The whole table is an immutable snapshot replaced on every change (changes are
 * rare, reads happen on every publish), so readers never lock and always see one consistent
 * state: removing a client takes it off every stream at once.
 *
 * <p>Only registered clients can subscribe. That way a subscribe that races with the client's
 * disconnect cannot leave a subscription behind for a closed socket.
 */
public final class SubscriptionRegistry {

    /** Both indexes are built together in one change, so they cannot drift apart. */
    private record Table(Map<ClientSession, Set<Stream>> streamsByClient,
                         Map<Stream, Set<ClientSession>> subscribersByStream) {

        static Table empty() {
            Map<Stream, Set<ClientSession>> byStream = new EnumMap<>(Stream.class);
            for (Stream stream : Stream.values()) {
                byStream.put(stream, Set.of());
            }
            return new Table(Map.of(), Collections.unmodifiableMap(byStream));
        }

        /** This table with the client's streams replaced; {@code streams} null removes the client. */
        Table with(ClientSession client, Set<Stream> streams) {
            Set<Stream> before = streamsByClient.getOrDefault(client, Set.of());
            Set<Stream> after = streams == null ? Set.of() : streams;

            Map<ClientSession, Set<Stream>> byClient = new HashMap<>(streamsByClient);
            if (streams == null) {
                byClient.remove(client);
            } else {
                byClient.put(client, Collections.unmodifiableSet(EnumSet.copyOf(streams)));
            }

            Map<Stream, Set<ClientSession>> byStream = new EnumMap<>(subscribersByStream);
            for (Stream stream : Stream.values()) {
                boolean was = before.contains(stream);
                boolean is = after.contains(stream);
                if (was != is) {
                    Set<ClientSession> subscribers = new LinkedHashSet<>(byStream.get(stream));
                    if (is) {
                        subscribers.add(client);
                    } else {
                        subscribers.remove(client);
                    }
                    byStream.put(stream, Collections.unmodifiableSet(subscribers));
                }
            }
            return new Table(Collections.unmodifiableMap(byClient),
                    Collections.unmodifiableMap(byStream));
        }
    }

    private final Object changeLock = new Object();
    private volatile Table table = Table.empty();

    /** Admits a client with no subscriptions; false if it was already registered. */
    public boolean register(ClientSession client) {
        synchronized (changeLock) {
            if (table.streamsByClient().containsKey(client)) {
                return false;
            }
            table = table.with(client, EnumSet.noneOf(Stream.class));
            return true;
        }
    }

    /** Removes the client and all its subscriptions in one step. Removing an unknown client does nothing. */
    public void remove(ClientSession client) {
        synchronized (changeLock) {
            if (table.streamsByClient().containsKey(client)) {
                table = table.with(client, null);
            }
        }
    }

    /**
     * Subscribes a registered client to the given streams.
     *
     * @return the streams that were newly added, in request order without repeats; empty if the
     *         client is not registered (it has disconnected)
     */
    public List<Stream> subscribe(ClientSession client, Collection<Stream> streams) {
        synchronized (changeLock) {
            Set<Stream> current = table.streamsByClient().get(client);
            if (current == null) {
                return List.of();
            }
            Set<Stream> added = new LinkedHashSet<>(streams);
            added.removeAll(current);
            if (!added.isEmpty()) {
                Set<Stream> updated = EnumSet.noneOf(Stream.class);
                updated.addAll(current);
                updated.addAll(added);
                table = table.with(client, updated);
            }
            return List.copyOf(added);
        }
    }

    /** @return the streams that were actually removed, in request order without repeats */
    public List<Stream> unsubscribe(ClientSession client, Collection<Stream> streams) {
        synchronized (changeLock) {
            Set<Stream> current = table.streamsByClient().get(client);
            if (current == null) {
                return List.of();
            }
            Set<Stream> removed = new LinkedHashSet<>(streams);
            removed.retainAll(current);
            if (!removed.isEmpty()) {
                Set<Stream> updated = EnumSet.noneOf(Stream.class);
                updated.addAll(current);
                updated.removeAll(removed);
                table = table.with(client, updated);
            }
            return List.copyOf(removed);
        }
    }

    /** The stream's subscribers at this instant, as an immutable snapshot in subscription order. */
    public Set<ClientSession> subscribersOf(Stream stream) {
        return table.subscribersByStream().get(stream);
    }

    /** The client's streams, immutable; empty for an unknown client. */
    public Set<Stream> streamsOf(ClientSession client) {
        return table.streamsByClient().getOrDefault(client, Set.of());
    }

    /** How many clients subscribe to each stream, every stream present; read from one snapshot. */
    public Map<Stream, Integer> subscriberCounts() {
        Table snapshot = table;
        Map<Stream, Integer> counts = new EnumMap<>(Stream.class);
        snapshot.subscribersByStream().forEach((stream, subscribers) -> counts.put(stream, subscribers.size()));
        return Collections.unmodifiableMap(counts);
    }

    public boolean isRegistered(ClientSession client) {
        return table.streamsByClient().containsKey(client);
    }

    public int clientCount() {
        return table.streamsByClient().size();
    }
}
