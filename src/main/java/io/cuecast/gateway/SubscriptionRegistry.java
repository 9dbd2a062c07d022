package io.cuecast.gateway;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * The single source of truth for which connected client is subscribed to which stream, on which
 * tables, and with which filter. Fan-out, status replies and monitoring all read it; nothing else keeps a copy.
 *
 * <p>Thread-safe. The whole table is an immutable snapshot replaced on every change (changes are
 * rare, reads happen on every publish), so readers never lock and always see one consistent
 * state: removing a client takes it off every stream at once. Each stream's subscribers are also
 * kept as {@link FilterGroup}s, one per distinct filter and set of tables, for the fan-out; a group's timing is
 * carried over from snapshot to snapshot while it has members, so its throttle keeps its time.
 *
 * <p>Only registered clients can subscribe. That way a subscribe that races with the client's
 * disconnect cannot leave a subscription behind for a closed socket.
 */
public final class SubscriptionRegistry {

    /** The indexes are built together in one change, so they cannot drift apart. */
    private record Table(Map<ClientSession, Map<Stream, Subscription>> byClient,
                         Map<Stream, Map<ClientSession, Subscription>> byStream,
                         Map<Stream, List<FilterGroup>> groups) {

        static Table empty() {
            Map<Stream, Map<ClientSession, Subscription>> byStream = new EnumMap<>(Stream.class);
            Map<Stream, List<FilterGroup>> groups = new EnumMap<>(Stream.class);
            for (Stream stream : Stream.values()) {
                byStream.put(stream, Map.of());
                groups.put(stream, List.of());
            }
            return new Table(Map.of(), Collections.unmodifiableMap(byStream), Collections.unmodifiableMap(groups));
        }

        /** This table with the client's subscriptions replaced; {@code subscriptions} null removes the client. */
        Table with(ClientSession client, Map<Stream, Subscription> subscriptions) {
            Map<Stream, Subscription> before = byClient.getOrDefault(client, Map.of());
            Map<Stream, Subscription> after = subscriptions == null ? Map.of() : subscriptions;

            Map<ClientSession, Map<Stream, Subscription>> clients = new HashMap<>(byClient);
            if (subscriptions == null) {
                clients.remove(client);
            } else {
                Map<Stream, Subscription> copy = new EnumMap<>(Stream.class);
                copy.putAll(subscriptions);
                clients.put(client, Collections.unmodifiableMap(copy));
            }

            Map<Stream, Map<ClientSession, Subscription>> streams = new EnumMap<>(byStream);
            Map<Stream, List<FilterGroup>> grouped = new EnumMap<>(groups);
            for (Stream stream : Stream.values()) {
                Subscription was = before.get(stream);
                Subscription is = after.get(stream);
                if (was != is) {
                    Map<ClientSession, Subscription> subscribers = new LinkedHashMap<>(streams.get(stream));
                    if (is == null) {
                        subscribers.remove(client);
                    } else {
                        subscribers.put(client, is);
                    }
                    streams.put(stream, Collections.unmodifiableMap(subscribers));
                    grouped.put(stream, regroup(groups.get(stream), subscribers));
                }
            }
            return new Table(Collections.unmodifiableMap(clients), Collections.unmodifiableMap(streams),
                    Collections.unmodifiableMap(grouped));
        }

        /**
         * The subscribers by filter and tables, in order of first subscription; a group that stays
         * keeps its timing.
         */
        private static List<FilterGroup> regroup(List<FilterGroup> before, Map<ClientSession, Subscription> subscribers) {
            Map<GroupKey, List<FilterGroup.Member>> members = new LinkedHashMap<>();
            subscribers.forEach((client, subscription) -> members
                    .computeIfAbsent(GroupKey.of(subscription), key -> new ArrayList<>())
                    .add(new FilterGroup.Member(client, subscription)));
            Map<GroupKey, FilterGroup> previous = new HashMap<>();
            before.forEach(group -> previous.put(new GroupKey(group.filter(), group.tables()), group));
            List<FilterGroup> after = new ArrayList<>();
            members.forEach((key, list) -> {
                FilterGroup existing = previous.get(key);
                after.add(existing == null ? FilterGroup.of(key.filter(), key.tables(), list) : existing.withMembers(list));
            });
            return List.copyOf(after);
        }
    }

    /** What makes subscribers one group: the same filter on the same tables. */
    private record GroupKey(StreamFilter filter, Set<String> tables) {
        static GroupKey of(Subscription subscription) {
            return new GroupKey(subscription.filter(), Set.copyOf(subscription.tables()));
        }
    }

    private final Object changeLock = new Object();
    private volatile Table table = Table.empty();

    /** Admits a client with no subscriptions; false if it was already registered. */
    public boolean register(ClientSession client) {
        synchronized (changeLock) {
            if (table.byClient().containsKey(client)) {
                return false;
            }
            table = table.with(client, Map.of());
            return true;
        }
    }

    /** Removes the client and all its subscriptions in one step. Removing an unknown client does nothing. */
    public void remove(ClientSession client) {
        synchronized (changeLock) {
            if (table.byClient().containsKey(client)) {
                table = table.with(client, null);
            }
        }
    }

    /** Subscribes to the tables without filters; see {@link #subscribe(ClientSession, Collection, Map, Collection, ToLongFunction)}. */
    public List<Stream> subscribe(ClientSession client, Collection<Stream> streams, Collection<String> tables) {
        return subscribe(client, streams, Map.of(), tables, stream -> 0);
    }

    /**
     * Subscribes a registered client to the given streams on the given tables. Tables add up: a
     * stream already subscribed on other tables keeps them. Every stream named gets the filter given
     * for it, or none: the latest subscribe decides, also for a stream already subscribed.
     *
     * @param lastSequence each table's stream's last sequence now, which a new or changed
     *                     subscription remembers (see {@link Subscription#joinedAfter()})
     * @return the streams that were newly added, in request order without repeats; empty if the
     *         client is not registered (it has disconnected)
     */
    List<Stream> subscribe(ClientSession client, Collection<Stream> streams, Map<Stream, StreamFilter> filters,
                           Collection<String> tables, ToLongFunction<TableStream> lastSequence) {
        synchronized (changeLock) {
            Map<Stream, Subscription> current = table.byClient().get(client);
            if (current == null) {
                return List.of();
            }
            Map<Stream, Subscription> updated = new EnumMap<>(Stream.class);
            updated.putAll(current);
            Set<Stream> added = new LinkedHashSet<>();
            for (Stream stream : streams) {
                StreamFilter filter = filters.getOrDefault(stream, StreamFilter.NONE);
                Subscription existing = current.get(stream);
                if (existing == null) {
                    added.add(stream);
                }
                boolean sameFilter = existing != null && existing.filter().equals(filter);
                Map<String, Long> joined = new LinkedHashMap<>(sameFilter ? existing.joinedAfter() : Map.of());
                if (existing != null && !sameFilter) {
                    // A new filter is a new subscription on every table it had.
                    existing.tables().forEach(old -> joined.put(old, lastSequence.applyAsLong(new TableStream(old, stream))));
                }
                tables.forEach(requested -> joined.computeIfAbsent(requested,
                        newTable -> lastSequence.applyAsLong(new TableStream(newTable, stream))));
                if (!sameFilter || !joined.equals(existing.joinedAfter())) {
                    updated.put(stream, new Subscription(filter, joined));
                }
            }
            table = table.with(client, updated);
            return List.copyOf(added);
        }
    }

    /**
     * Takes the client off the given tables of the given streams; a stream left with no table is
     * removed.
     *
     * @param tables the tables to leave; empty leaves the streams on every table
     * @return the streams that were removed altogether, in request order without repeats
     */
    public List<Stream> unsubscribe(ClientSession client, Collection<Stream> streams, Collection<String> tables) {
        synchronized (changeLock) {
            Map<Stream, Subscription> current = table.byClient().get(client);
            if (current == null) {
                return List.of();
            }
            Map<Stream, Subscription> updated = new EnumMap<>(Stream.class);
            updated.putAll(current);
            Set<Stream> removed = new LinkedHashSet<>();
            for (Stream stream : streams) {
                Subscription existing = current.get(stream);
                if (existing == null) {
                    continue;
                }
                Map<String, Long> kept = new LinkedHashMap<>(existing.joinedAfter());
                if (tables.isEmpty()) {
                    kept.clear();
                } else {
                    kept.keySet().removeAll(tables);
                }
                if (kept.isEmpty()) {
                    updated.remove(stream);
                    removed.add(stream);
                } else if (kept.size() < existing.joinedAfter().size()) {
                    updated.put(stream, new Subscription(existing.filter(), kept));
                }
            }
            if (!updated.equals(current)) {
                table = table.with(client, updated);
            }
            return List.copyOf(removed);
        }
    }

    /** The stream's subscribers by filter at this instant, as an immutable snapshot. */
    List<FilterGroup> groupsOf(Stream stream) {
        return table.groups().get(stream);
    }

    /** The stream's subscribers at this instant, as an immutable snapshot in subscription order. */
    public Set<ClientSession> subscribersOf(Stream stream) {
        return table.byStream().get(stream).keySet();
    }

    /** The client's streams, immutable; empty for an unknown client. */
    public Set<Stream> streamsOf(ClientSession client) {
        return table.byClient().getOrDefault(client, Map.of()).keySet();
    }

    /** The client's streams and, for each, the tables it is subscribed to them on; empty for an unknown client. */
    public Map<Stream, Set<String>> tablesOf(ClientSession client) {
        Map<Stream, Set<String>> tables = new EnumMap<>(Stream.class);
        table.byClient().getOrDefault(client, Map.of())
                .forEach((stream, subscription) -> tables.put(stream, subscription.tables()));
        return Collections.unmodifiableMap(tables);
    }

    /** Every table's stream the client receives, immutable; empty for an unknown client. */
    Set<TableStream> tableStreamsOf(ClientSession client) {
        Set<TableStream> subscribed = new LinkedHashSet<>();
        table.byClient().getOrDefault(client, Map.of()).forEach((stream, subscription) ->
                subscription.tables().forEach(table -> subscribed.add(new TableStream(table, stream))));
        return Collections.unmodifiableSet(subscribed);
    }

    /** The client's filtered streams and their filters; streams without a filter are left out. */
    public Map<Stream, StreamFilter> filtersOf(ClientSession client) {
        Map<Stream, StreamFilter> filters = new EnumMap<>(Stream.class);
        table.byClient().getOrDefault(client, Map.of()).forEach((stream, subscription) -> {
            if (!subscription.filter().equals(StreamFilter.NONE)) {
                filters.put(stream, subscription.filter());
            }
        });
        return Collections.unmodifiableMap(filters);
    }

    /** How many clients subscribe to each stream, every stream present; read from one snapshot. */
    public Map<Stream, Integer> subscriberCounts() {
        Table snapshot = table;
        Map<Stream, Integer> counts = new EnumMap<>(Stream.class);
        snapshot.byStream().forEach((stream, subscribers) -> counts.put(stream, subscribers.size()));
        return Collections.unmodifiableMap(counts);
    }

    public boolean isRegistered(ClientSession client) {
        return table.byClient().containsKey(client);
    }

    public int clientCount() {
        return table.byClient().size();
    }
}
