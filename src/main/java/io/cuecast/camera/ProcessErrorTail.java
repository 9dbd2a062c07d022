package io.cuecast.camera;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Drains a subprocess's error output on a thread of its own (a full pipe would stall the process)
 * and keeps its last lines, to say why the process failed.
 */
final class ProcessErrorTail {
    private static final int LINES_KEPT = 3;
    private final Deque<String> lines = new ArrayDeque<>();
    private final Thread drainer;

    ProcessErrorTail(InputStream errors, String threadName) {
        drainer = new Thread(() -> drain(errors), threadName);
        drainer.setDaemon(true);
        drainer.start();
    }

    private void drain(InputStream errors) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(errors, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    keep(line.strip());
                }
            }
        } catch (IOException closed) {
            // the process is gone; what was read is kept
        }
    }

    private synchronized void keep(String line) {
        if (lines.size() == LINES_KEPT) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    /** The last lines, joined, once the process's error output has ended (or after {@code waitMs}). */
    String lastLines(long waitMs) {
        try {
            drainer.join(waitMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            return lines.isEmpty() ? "(no error output)" : String.join(" / ", lines);
        }
    }
}
