package io.cuecast.ops.deadletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's parsing and failures; io.cuecast.it.DeadLetterCommandTest runs it against a real server. */
class DeadLetterCliTest {

    private static String refusal(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> DeadLetterCli.parse(List.of(args))).getMessage();
    }

    @Test
    void readsFiltersIdsAndTheServer() {
        DeadLetterCli.Command list = DeadLetterCli.parse(List.of("list", "--route", "detection", "--status", "pending",
                "--url", "http://cuecast.local:9000"));
        assertEquals(Map.of("route", "detection", "status", "pending"), list.filter());
        assertEquals("http://cuecast.local:9000", list.url().toString());
        assertEquals(List.of("a", "b"), DeadLetterCli.parse(List.of("replay", "a", "b", "--url", "http://h:1")).ids());
    }

    @Test
    void theDefaultServerIsLocalhostOnTheConfiguredPort(@TempDir Path config) throws Exception {
        Files.writeString(config.resolve("application.properties"), "camel.server.port = 9123\n");
        assertEquals("http://localhost:9123",
                DeadLetterCli.parse(List.of("list", "--config", config.toString())).url().toString());
        assertEquals("http://localhost:8080",
                DeadLetterCli.parse(List.of("list", "--config", config.resolve("none").toString())).url().toString());
    }

    @Test
    void badCommandLinesAreRefusedWithTheReason() {
        assertTrue(refusal().contains("a command is needed"));
        assertTrue(refusal("list-all").contains("unknown command 'list-all'"));
        assertTrue(refusal("list", "--colour", "red").contains("unknown option '--colour'"));
        assertTrue(refusal("list", "--route").contains("--route needs a value"));
        assertTrue(refusal("list", "abc").contains("list takes no IDs"));
        assertTrue(refusal("show").contains("exactly one ID"));
        assertTrue(refusal("replay").contains("either IDs or a filter"));
        assertTrue(refusal("purge", "abc", "--route", "publish").contains("either IDs or a filter"));
        assertTrue(refusal("list", "--status", "gone").contains("status must be one of"));
        assertTrue(refusal("list", "--since", "today").contains("ISO-8601"));
    }

    @Test
    void aBadCommandLineExitsWith2AndAnUnreachableServerWith3() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true);
        assertEquals(2, DeadLetterCli.run(List.of("explode"), System.out, errors));
        assertTrue(err.toString().contains("usage:"), err.toString());
        // Port 1 on loopback: nothing listens there.
        assertEquals(3, DeadLetterCli.run(List.of("list", "--url", "http://127.0.0.1:1"), System.out, errors));
        assertTrue(err.toString().contains("cannot reach Cuecast at http://127.0.0.1:1"), err.toString());
    }
}
