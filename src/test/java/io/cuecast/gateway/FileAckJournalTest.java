package io.cuecast.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cuecast.gateway.auth.AuthSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Awaited acks kept in a real file: what a run left unsettled comes back at the next start as
 * undelivered messages, through a gateway that died without a word, and nothing settled does.
 */
class FileAckJournalTest {

    private static final AckJournal.Entry A5 = new AckJournal.Entry("a", "main", Stream.ALERT, 5);
    private static final AckJournal.Entry B5 = new AckJournal.Entry("b", "main", Stream.ALERT, 5);

    @TempDir
    Path dir;

    @Test
    void whatWasAwaitedAndNeverSettledComesBackAtTheNextStart() throws Exception {
        try (FileAckJournal journal = FileAckJournal.open(dir)) {
            journal.awaited(List.of(A5, B5), "{\"type\":\"alert\",\"sequence\":5}");
            journal.settled(List.of(A5));
        }

        try (FileAckJournal reopened = FileAckJournal.open(dir)) {
            List<Undelivered> unsettled = reopened.takeUnsettled();
            assertEquals(1, unsettled.size());
            Undelivered b = unsettled.get(0);
            assertEquals(List.of("b", "main", "alert", "5", "{\"type\":\"alert\",\"sequence\":5}", "SERVER_STOPPED"),
                    List.of(b.clientId(), b.table(), b.stream().wireName(), String.valueOf(b.sequence()), b.text(),
                            b.reason().name()));
            assertEquals(List.of(), reopened.takeUnsettled(), "taken once");
        }
        try (FileAckJournal third = FileAckJournal.open(dir)) {
            assertEquals(List.of(), third.takeUnsettled(), "a taken message is not handed on again at the next start");
        }
    }

    @Test
    void aClientLeavingWithNothingToSettleLeavesTheFileAlone() throws Exception {
        try (FileAckJournal journal = FileAckJournal.open(dir)) {
            journal.awaited(List.of(A5), "{}");
        }
        try (FileAckJournal restarted = FileAckJournal.open(dir)) {
            restarted.settled(List.of());
            restarted.settled(List.of(B5));
        }

        try (FileAckJournal reopened = FileAckJournal.open(dir)) {
            assertEquals(1, reopened.takeUnsettled().size(), "the last run's awaited ack is still on disk");
        }
    }

    @Test
    void theFileIsEmptiedWhenNothingIsAwaited() throws Exception {
        try (FileAckJournal journal = FileAckJournal.open(dir)) {
            journal.awaited(List.of(A5, B5), "{}");
            assertTrue(Files.size(dir.resolve(FileAckJournal.FILE_NAME)) > 0);
            journal.settled(List.of(A5, B5));
            assertEquals(0, Files.size(dir.resolve(FileAckJournal.FILE_NAME)));
        }
    }

    @Test
    void aLineTornByACrashIsSkippedAndTheRestRecovered() throws Exception {
        try (FileAckJournal journal = FileAckJournal.open(dir)) {
            journal.awaited(List.of(A5), "{}");
        }
        Files.writeString(dir.resolve(FileAckJournal.FILE_NAME), "{\"op\":\"awaited\",\"client_id\":\"b\",\"tab",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        try (FileAckJournal reopened = FileAckJournal.open(dir)) {
            assertEquals(List.of("a"), reopened.takeUnsettled().stream().map(Undelivered::clientId).toList());
        }
    }

    @Test
    void aGatewayThatDiesWithAlertsUnacknowledgedHandsThemToTheDeadLettersWhenItStartsAgain() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-11-25T17:45:56.123456Z"));
        AckSettings acks = new AckSettings(EnumSet.of(Stream.ALERT), Duration.ofSeconds(60), 3);
        List<Undelivered> deadLetters = new ArrayList<>();
        try (FileAckJournal journal = FileAckJournal.open(dir)) {
            Gateway first = new Gateway(GatewaySettings.defaults("v"), clock, AuthSettings.open(), FlushTimer.MANUAL,
                    acks, deadLetters::add, journal, OlderHistory.NONE);
            TestClient client = new TestClient(first, "c").subscribeTo("alert", null);
            first.publish(Stream.ALERT, Map.of("message", "first"));
            first.publish(Stream.ALERT, Map.of("message", "second"));
            client.request("{'type':'ack','data':{'stream':'alert','sequence':1}}");
            // The process dies here: no disconnect, no shutdown.
        }
        assertEquals(List.of(), deadLetters);

        try (FileAckJournal journal = FileAckJournal.open(dir)) {
            new Gateway(GatewaySettings.defaults("v"), clock, AuthSettings.open(), FlushTimer.MANUAL, acks,
                    deadLetters::add, journal, OlderHistory.NONE);
        }

        assertEquals(1, deadLetters.size(), deadLetters.toString());
        assertEquals(2, deadLetters.get(0).sequence());
        assertEquals(Undelivered.Reason.SERVER_STOPPED, deadLetters.get(0).reason());
        assertTrue(deadLetters.get(0).text().contains("\"second\""), deadLetters.get(0).text());
    }
}
