package io.cuecast.gateway;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One client's subscription to one stream, on some tables. The registry keeps the object for as
 * long as the filter and the tables stay the same.
 *
 * @param filter      what the client wants of the stream
 * @param joinedAfter per table subscribed, in subscription order: that table's last sequence on
 *                    the stream when the client subscribed to it. A message its group held back
 *                    (max_fps) from before then is not the client's to receive, since the subscribe
 *                    already brought it up to date
 */
record Subscription(StreamFilter filter, Map<String, Long> joinedAfter) {

    Subscription {
        if (joinedAfter.isEmpty()) {
            throw new IllegalArgumentException("a subscription covers at least one table");
        }
        joinedAfter = Collections.unmodifiableMap(new LinkedHashMap<>(joinedAfter));
    }

    Set<String> tables() {
        return joinedAfter.keySet();
    }

    long joinedAfter(String table) {
        return joinedAfter.getOrDefault(table, 0L);
    }
}
