package io.cuecast.ops.deadletter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLetterStoreTest {
    private static final long MB = 1024 * 1024;
    private static final Instant T0 = Instant.parse("2026-11-25T20:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);

    private DeadLetterStore open() {
        return DeadLetterStore.open(dir, 16 * MB, clock);
    }

    private static DeadLetter.Failure failure(Throwable error) {
        return DeadLetter.Failure.of(error);
    }

    private static DeadLetter recordFrame(DeadLetterStore store, byte[] png) {
        return store.record("detection", "detection", "seda://frames", MessageBody.of("image/png", png),
                Map.of("CuecastFrameSequence", 41), failure(new IllegalStateException("roi out of bounds",
                        new ArithmeticException("inner"))));
    }

    @Test
    void aLetterIsOnDiskWithItsBodyAndSurvivesAReopen() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
        String id;
        try (DeadLetterStore store = open()) {
            id = recordFrame(store, png).id();
        }
        try (DeadLetterStore reopened = open()) {
            DeadLetter letter = reopened.get(id).orElseThrow();
            assertArrayEquals(png, letter.body().bytes());
            assertEquals("image/png", letter.body().contentType());
            assertEquals("detection", letter.route());
            assertEquals("seda://frames", letter.endpoint());
            assertEquals(41, ((Number) letter.headers().get("CuecastFrameSequence")).intValue());
            assertEquals(IllegalStateException.class.getName(), letter.failure().exceptionClass());
            assertEquals("roi out of bounds", letter.failure().message());
            assertTrue(letter.failure().stack().contains("caused by java.lang.ArithmeticException: inner"),
                    letter.failure().stack().toString());
            assertEquals(1, letter.attempts());
            assertEquals(DeadLetterStatus.PENDING, letter.status());
            assertEquals(T0, letter.time());
        }
    }

    @Test
    void theLatestVersionOfALetterWinsAfterAReopen() {
        String id;
        try (DeadLetterStore store = open()) {
            id = recordFrame(store, new byte[] {1}).id();
            clock.now = T0.plusSeconds(60);
            store.failedAgain(id, failure(new IllegalArgumentException("again")));
        }
        try (DeadLetterStore reopened = open()) {
            DeadLetter letter = reopened.get(id).orElseThrow();
            assertEquals(2, letter.attempts());
            assertEquals("again", letter.failure().message());
            assertEquals(T0.plusSeconds(60), letter.updated());
            assertEquals(T0, letter.time());
            assertEquals(1, reopened.list(DeadLetterFilter.ALL).size());
            reopened.markReplayed(id);
        }
        try (DeadLetterStore again = open()) {
            assertEquals(DeadLetterStatus.REPLAYED, again.get(id).orElseThrow().status());
        }
    }

    @Test
    void aTornLastLineIsCutOffAndTheLettersBeforeItKept() throws Exception {
        String kept;
        try (DeadLetterStore store = open()) {
            kept = recordFrame(store, new byte[] {1, 2, 3}).id();
        }
        Path file = dir.resolve(DeadLetterStore.FILE_NAME);
        long whole = Files.size(file);
        // What a crash in the middle of a write leaves: the start of a line and no newline.
        String torn = "{\"id\":\"torn\",\"time\":\"2026-11-";
        Files.writeString(file, torn, StandardOpenOption.APPEND);
        try (DeadLetterStore reopened = open()) {
            assertEquals(torn.length(), reopened.tornBytesDiscarded());
            assertEquals(whole, Files.size(file), "the torn bytes are truncated away");
            assertEquals(List.of(kept), ids(reopened.list(DeadLetterFilter.ALL)));
            String next = recordFrame(reopened, new byte[] {4}).id();
            assertEquals(List.of(kept, next), ids(reopened.list(DeadLetterFilter.ALL)));
        }
        try (DeadLetterStore third = open()) {
            assertEquals(0, third.tornBytesDiscarded());
            assertEquals(2, third.list(DeadLetterFilter.ALL).size());
        }
    }

    @Test
    void aCorruptCompleteLineIsSkippedAndCounted() throws Exception {
        try (DeadLetterStore store = open()) {
            recordFrame(store, new byte[] {1});
        }
        Files.writeString(dir.resolve(DeadLetterStore.FILE_NAME), "not json at all\n", StandardOpenOption.APPEND);
        try (DeadLetterStore store = open()) {
            recordFrame(store, new byte[] {2});
        }
        try (DeadLetterStore reopened = open()) {
            assertEquals(1, reopened.corruptLinesSkipped());
            assertEquals(2, reopened.list(DeadLetterFilter.ALL).size());
        }
    }

    @Test
    void filtersSelectByRouteCauseStatusSinceAndLimit() {
        try (DeadLetterStore store = open()) {
            DeadLetter first = recordFrame(store, new byte[] {1});
            clock.now = T0.plusSeconds(10);
            DeadLetter publish = store.record("publish", "detection", "direct://publish", MessageBody.EMPTY, Map.of(),
                    failure(new UnsupportedOperationException("no")));
            clock.now = T0.plusSeconds(20);
            DeadLetter third = recordFrame(store, new byte[] {3});
            store.markReplayed(third.id());

            assertEquals(List.of(first.id(), third.id()), ids(store.list(filter("route", "detection"))));
            assertEquals(List.of(publish.id()), ids(store.list(filter("cause", "UnsupportedOperationException"))));
            assertEquals(List.of(publish.id()),
                    ids(store.list(filter("cause", "java.lang.UnsupportedOperationException"))));
            assertEquals(List.of(), ids(store.list(filter("cause", "OperationException"))), "whole names only");
            assertEquals(List.of(third.id()), ids(store.list(filter("status", "replayed"))));
            assertEquals(List.of(publish.id(), third.id()), ids(store.list(filter("since", "2026-11-25T20:00:05Z"))));
            assertEquals(List.of(first.id()), ids(store.list(filter("limit", "1"))));
            DeadLetter listed = store.list(filter("route", "detection")).get(0);
            assertFalse(listed.body().hasBytes(), "a listing carries no bodies");
            assertEquals(1, listed.body().size());
        }
    }

    @Test
    void badFilterValuesAreRefusedWithTheReason() {
        assertEquals("status must be one of [pending, replayed, purged], not 'gone'",
                assertThrows(IllegalArgumentException.class, () -> filter("status", "gone")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> filter("since", "yesterday")).getMessage()
                .contains("ISO-8601"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> filter("limit", "lots")).getMessage()
                .contains("whole number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> filter("limit", "0")).getMessage()
                .contains("from 1 to 10000"));
    }

    @Test
    void aPurgedLetterIsMarkedThenDroppedAtCompaction() throws Exception {
        try (DeadLetterStore store = open()) {
            DeadLetter purged = recordFrame(store, new byte[] {1});
            DeadLetter kept = recordFrame(store, new byte[] {2});
            assertEquals(DeadLetterStatus.PURGED, store.purge(purged.id()).orElseThrow().status());
            assertEquals(List.of(purged.id()), ids(store.list(filter("status", "purged"))));
            // Enough changes to trigger a compaction: more than twice as many lines as letters.
            for (int i = 0; i < 70; i++) {
                store.failedAgain(kept.id(), failure(new IllegalStateException("again " + i)));
            }
            assertEquals(List.of(kept.id()), ids(store.list(DeadLetterFilter.ALL)));
            assertEquals(71, store.get(kept.id()).orElseThrow().attempts());
        }
        List<String> lines = Files.readAllLines(dir.resolve(DeadLetterStore.FILE_NAME), StandardCharsets.UTF_8);
        assertTrue(lines.size() < 10, "compacted to a few lines, was " + lines.size());
        try (DeadLetterStore reopened = open()) {
            assertEquals(71, reopened.list(DeadLetterFilter.ALL).get(0).attempts());
        }
    }

    @Test
    void aFullStoreRefusesANewLetterAndSaysSo() {
        try (DeadLetterStore store = DeadLetterStore.open(dir, 2000, clock)) {
            recordFrame(store, new byte[200]);
            DeadLetterStore.StoreFull full = assertThrows(DeadLetterStore.StoreFull.class,
                    () -> recordFrame(store, new byte[2000]));
            assertTrue(full.getMessage().contains("is full"), full.getMessage());
            assertEquals(1, store.list(DeadLetterFilter.ALL).size());
        }
    }

    @Test
    void aFullStoreCanBePurgedAndThenTakesLettersAgain() {
        try (DeadLetterStore store = DeadLetterStore.open(dir, 4000, clock)) {
            DeadLetter big = recordFrame(store, new byte[2000]);
            assertThrows(DeadLetterStore.StoreFull.class, () -> recordFrame(store, new byte[1000]));

            assertEquals(DeadLetterStatus.PURGED, store.purge(big.id()).orElseThrow().status());
            recordFrame(store, new byte[1000]);
            assertEquals(1, store.list(DeadLetterFilter.ALL).stream()
                    .filter(letter -> letter.status() == DeadLetterStatus.PENDING).count());
        }
    }

    @Test
    void aSecondStoreOnTheSameFolderIsRefused() {
        try (DeadLetterStore store = open()) {
            UncheckedIOException refused = assertThrows(UncheckedIOException.class, this::open);
            assertTrue(refused.getMessage().contains("another process"), refused.getMessage());
        }
    }

    @Test
    void unknownIdsAreEmpty() {
        try (DeadLetterStore store = open()) {
            assertTrue(store.get("nope").isEmpty());
            assertTrue(store.markReplayed("nope").isEmpty());
            assertTrue(store.purge("nope").isEmpty());
        }
    }

    private static DeadLetterFilter filter(String key, String value) {
        return DeadLetterFilter.parse(Map.of(key, value));
    }

    private static List<String> ids(List<DeadLetter> letters) {
        return letters.stream().map(DeadLetter::id).toList();
    }

    private static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
