package io.cuecast.gateway;

/**
 * One client's subscription to one stream. The registry keeps the object for as long as the
 * filter stays the same.
 *
 * @param filter      what the client wants of the stream
 * @param joinedAfter the stream's last sequence when the client subscribed: a message its group
 *                    held back (max_fps) from before then is not the client's to receive, since
 *                    the subscribe already brought it up to date
 */
record Subscription(StreamFilter filter, long joinedAfter) {
}
