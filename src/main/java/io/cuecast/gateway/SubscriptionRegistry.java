package io.cuecast.gateway;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.ToLongFunction;

/**
 * The single source of truth for which connected client is subscribed to which stream, on which
 * tables, and with which filter. Fan-out, status replies and monitoring all read it; nothing else
 * keeps a copy.
 *
 * <p>Thread-safe. Changes are serialized; readers never lock. Each client's subscriptions are one
 * immutable map, replaced on every change. Each stream's subscribers are kept as an immutable list
 * of {@link FilterGroup}s, one per distinct filter and set of tables, for the fan-out; a change
 * replaces only the groups it touches (copying their member lists, never the whole registry), so
 * subscribing the ten-thousandth client costs about what the first did. A group's timing is carried
 * over while it has members, so its throttle keeps its time. A reader may see a client that is
 * leaving on one stream after it has left another; the channel of a client that has left drops
 * what it is given, so that does no harm.
 *
 * <p>Only registered clients can subscribe. That way a subscribe that races with the client's
 * disconnect cannot leave a subscription behind for a closed socket.
 */
public final class SubscriptionRegistry {

    private final Object changeLock = new Object();
    private final Map<ClientSession, Map<Stream, Subscription>> byClient = new ConcurrentHashMap<>();
    /** By stream ordinal, each stream's groups: an immutable list, replaced whole on a change. */
    private final AtomicReferenceArray<List<FilterGroup>> groups = new AtomicReferenceArray<>(Stream.values().length);

    public SubscriptionRegistry() {
        for (Stream stream : Stream.values()) {
            groups.set(stream.ordinal(), List.of());
        }
    }

    /** Replaces the client's subscriptions, moving it between groups where they changed. Call under the change lock. */
    private void change(ClientSession client, Map<Stream, Subscription> before, Map<Stream, Subscription> after) {
        for (Stream stream : Stream.values()) {
            Subscription was = before.get(stream);
            Subscription is = after.get(stream);
            if (was != is) {
                regroup(stream, client, was, is);
            }
        }
    }

    /**
     * The stream's groups with the client moved from its old subscription's group (if any) to its
     * new one's (if any): members keep the order they joined in, groups the order they formed in.
     */
    private void regroup(Stream stream, ClientSession client, Subscription was, Subscription is) {
        List<FilterGroup> updated = new ArrayList<>(groups.get(stream.ordinal()));
        if (was != null) {
            int index = indexOf(updated, GroupKey.of(was));
            FilterGroup group = updated.get(index);
            List<FilterGroup.Member> members = new ArrayList<>(group.members());
            members.removeIf(member -> member.session() == client);
            if (members.isEmpty()) {
                updated.remove(index);
            } else {
                updated.set(index, group.withMembers(members));
            }
        }
        if (is != null) {
            GroupKey key = GroupKey.of(is);
            int index = indexOf(updated, key);
            FilterGroup.Member member = new FilterGroup.Member(client, is);
            if (index < 0) {
                updated.add(FilterGroup.of(key.filter(), is.tables(), List.of(member)));
            } else {
                List<FilterGroup.Member> members = new ArrayList<>(updated.get(index).members());
                members.add(member);
                updated.set(index, updated.get(index).withMembers(members));
            }
        }
        groups.set(stream.ordinal(), List.copyOf(updated));
    }

    private static int indexOf(List<FilterGroup> groups, GroupKey key) {
        for (int i = 0; i < groups.size(); i++) {
            if (key.equals(new GroupKey(groups.get(i).filter(), groups.get(i).tables()))) {
                return i;
            }
        }
        return -1;
    }

    /** What makes subscribers one group: the same filter on the same tables. */
    private record GroupKey(StreamFilter filter, Set<String> tables) {
        static GroupKey of(Subscription subscription) {
            return new GroupKey(subscription.filter(), Set.copyOf(subscription.tables()));
        }
    }

    /** Admits a client with no subscriptions; false if it was already registered. */
    public boolean register(ClientSession client) {
        synchronized (changeLock) {
            return byClient.putIfAbsent(client, Map.of()) == null;
        }
    }

    /** Removes the client and all its subscriptions in one step. Removing an unknown client does nothing. */
    public void remove(ClientSession client) {
        synchronized (changeLock) {
            Map<Stream, Subscription> before = byClient.remove(client);
            if (before != null) {
                change(client, before, Map.of());
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
        return edit(client, (current, updated) -> {
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
            return added;
        });
    }

    /**
     * Takes the client off the given tables of the given streams; a stream left with no table is
     * removed.
     *
     * @param tables the tables to leave; empty leaves the streams on every table
     * @return the streams that were removed altogether, in request order without repeats
     */
    public List<Stream> unsubscribe(ClientSession client, Collection<Stream> streams, Collection<String> tables) {
        return edit(client, (current, updated) -> {
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
            return removed;
        });
    }

    /** Works out a client's new subscriptions from its current ones. */
    private interface Edit {
        /** Fills {@code updated} (a copy of {@code current}) and returns the streams it added or removed. */
        Set<Stream> apply(Map<Stream, Subscription> current, EnumMap<Stream, Subscription> updated);
    }

    /**
     * Replaces the client's subscriptions with an edited copy, so that readers never see a map being
     * changed; nothing happens to a client that is not registered (it has disconnected).
     */
    private List<Stream> edit(ClientSession client, Edit edit) {
        synchronized (changeLock) {
            Map<Stream, Subscription> current = byClient.get(client);
            if (current == null) {
                return List.of();
            }
            EnumMap<Stream, Subscription> updated = new EnumMap<>(Stream.class);
            updated.putAll(current);
            Set<Stream> changed = edit.apply(current, updated);
            Map<Stream, Subscription> copy = Collections.unmodifiableMap(updated);
            byClient.put(client, copy);
            change(client, current, copy);
            return List.copyOf(changed);
        }
    }

    /** The stream's subscribers by filter at this instant, as an immutable snapshot. */
    List<FilterGroup> groupsOf(Stream stream) {
        return groups.get(stream.ordinal());
    }

    /** The stream's subscribers at this instant, as an immutable snapshot in subscription order of their groups. */
    public Set<ClientSession> subscribersOf(Stream stream) {
        Set<ClientSession> subscribers = new LinkedHashSet<>();
        groupsOf(stream).forEach(group -> group.members().forEach(member -> subscribers.add(member.session())));
        return Collections.unmodifiableSet(subscribers);
    }

    /** Whether anyone subscribes to the stream, without listing them. */
    public boolean hasSubscribers(Stream stream) {
        return !groupsOf(stream).isEmpty();
    }

    /** The client's streams, immutable; empty for an unknown client. */
    public Set<Stream> streamsOf(ClientSession client) {
        return byClient.getOrDefault(client, Map.of()).keySet();
    }

    /** The client's streams and, for each, the tables it is subscribed to them on; empty for an unknown client. */
    public Map<Stream, Set<String>> tablesOf(ClientSession client) {
        Map<Stream, Set<String>> tables = new EnumMap<>(Stream.class);
        byClient.getOrDefault(client, Map.of())
                .forEach((stream, subscription) -> tables.put(stream, subscription.tables()));
        return Collections.unmodifiableMap(tables);
    }

    /** Every table's stream the client receives, immutable; empty for an unknown client. */
    Set<TableStream> tableStreamsOf(ClientSession client) {
        Set<TableStream> subscribed = new LinkedHashSet<>();
        byClient.getOrDefault(client, Map.of()).forEach((stream, subscription) ->
                subscription.tables().forEach(table -> subscribed.add(new TableStream(table, stream))));
        return Collections.unmodifiableSet(subscribed);
    }

    /** The client's filtered streams and their filters; streams without a filter are left out. */
    public Map<Stream, StreamFilter> filtersOf(ClientSession client) {
        Map<Stream, StreamFilter> filters = new EnumMap<>(Stream.class);
        byClient.getOrDefault(client, Map.of()).forEach((stream, subscription) -> {
            if (!subscription.filter().equals(StreamFilter.NONE)) {
                filters.put(stream, subscription.filter());
            }
        });
        return Collections.unmodifiableMap(filters);
    }

    /** How many clients subscribe to each stream, every stream present. */
    public Map<Stream, Integer> subscriberCounts() {
        Map<Stream, Integer> counts = new EnumMap<>(Stream.class);
        for (Stream stream : Stream.values()) {
            counts.put(stream, groupsOf(stream).stream().mapToInt(group -> group.members().size()).sum());
        }
        return Collections.unmodifiableMap(counts);
    }

    /** By table, how many clients are subscribed to at least one of its streams; tables nobody watches are absent. */
    Map<String, Integer> subscriberCountsByTable() {
        Map<String, Integer> counts = new HashMap<>();
        for (Map<Stream, Subscription> subscriptions : byClient.values()) {
            Set<String> watched = new HashSet<>();
            subscriptions.values().forEach(subscription -> watched.addAll(subscription.tables()));
            watched.forEach(table -> counts.merge(table, 1, Integer::sum));
        }
        return counts;
    }

    public boolean isRegistered(ClientSession client) {
        return byClient.containsKey(client);
    }

    public int clientCount() {
        return byClient.size();
    }
}
