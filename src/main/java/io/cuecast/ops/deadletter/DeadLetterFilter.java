package io.cuecast.ops.deadletter;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/**
 * Which dead letters a listing, a bulk replay or a purge is about. Every part is optional; a letter
 * must match all that are given.
 *
 * @param route  the failing route's id
 * @param cause  the exception class, fully qualified or simple ({@code CvException})
 * @param status pending, replayed or purged
 * @param since  first dead-lettered at or after this instant
 * @param limit  at most this many, oldest first
 */
public record DeadLetterFilter(String route, String cause, DeadLetterStatus status, Instant since, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 10_000;
    public static final Set<String> PARAMETERS = Set.of("route", "cause", "status", "since", "limit");
    public static final DeadLetterFilter ALL = new DeadLetterFilter(null, null, null, null, MAX_LIMIT);

    public DeadLetterFilter {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT + ", not " + limit);
        }
    }

    /**
     * A filter from request parameters (absent or blank ones are not filtered on).
     *
     * @throws IllegalArgumentException saying which parameter is wrong and what it must be
     */
    public static DeadLetterFilter parse(Map<String, String> parameters) {
        String status = value(parameters, "status");
        String since = value(parameters, "since");
        String limit = value(parameters, "limit");
        return new DeadLetterFilter(value(parameters, "route"), value(parameters, "cause"),
                status == null ? null : DeadLetterStatus.fromWireName(status),
                since == null ? null : instant(since),
                limit == null ? DEFAULT_LIMIT : number(limit));
    }

    /** Whether any part other than the limit is set: a purge without one would empty the store. */
    public boolean selectsSomething() {
        return route != null || cause != null || status != null || since != null;
    }

    public boolean matches(DeadLetter letter) {
        return (route == null || route.equals(letter.route()))
                && (cause == null || isCause(letter.failure().exceptionClass()))
                && (status == null || status == letter.status())
                && (since == null || !letter.time().isBefore(since));
    }

    private boolean isCause(String exceptionClass) {
        return exceptionClass.equals(cause) || exceptionClass.endsWith("." + cause)
                || exceptionClass.endsWith("$" + cause);
    }

    private static String value(Map<String, String> parameters, String key) {
        String value = parameters.get(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Instant instant(String since) {
        try {
            return Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("since must be an ISO-8601 instant such as 2026-11-25T18:00:00Z, not '"
                    + since + "'");
        }
    }

    private static int number(String limit) {
        try {
            return Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("limit must be a whole number from 1 to " + MAX_LIMIT + ", not '"
                    + limit + "'");
        }
    }
}
