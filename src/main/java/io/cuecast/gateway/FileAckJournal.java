package io.cuecast.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link AckJournal} in an append-only file of JSON lines, forced to disk on every write: one
 * line per awaited ack, one per settled one. A write covers a whole publish (every client the
 * message goes to) so it costs one fsync, and acks are only asked for on rare streams (alerts).
 * When nothing is awaited any more the file is emptied, so it stays as small as what is pending.
 * A line torn by a crash is skipped: at worst the one message being noted when the server died
 * is not recovered, and that message had not been written to any client yet.
 *
 * <p>Thread-safe. The folder must be the server's own (the dead-letter folder, whose lock keeps
 * a second process out).
 */
public final class FileAckJournal implements AckJournal, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FileAckJournal.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String FILE_NAME = "pending-acks.jsonl";

    private final Path file;
    private final FileChannel channel;
    /** What this run awaits: what the file would give back if read now. */
    private final Set<Entry> awaited = new HashSet<>();
    private List<Undelivered> fromLastRun;

    private FileAckJournal(Path file) throws IOException {
        this.file = file;
        this.fromLastRun = readUnsettled(file);
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    /** @throws UncheckedIOException if the folder cannot be created or the file opened */
    public static FileAckJournal open(Path dir) {
        try {
            Files.createDirectories(dir);
            return new FileAckJournal(dir.resolve(FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the ack journal in " + dir, e);
        }
    }

    @Override
    public synchronized void awaited(List<Entry> entries, String text) {
        StringBuilder lines = new StringBuilder();
        for (Entry entry : entries) {
            ObjectNode line = line("awaited", entry);
            line.put("text", text);
            lines.append(line).append('\n');
            awaited.add(entry);
        }
        append(lines);
    }

    @Override
    public synchronized void settled(List<Entry> entries) {
        StringBuilder lines = new StringBuilder();
        for (Entry entry : entries) {
            if (awaited.remove(entry)) {
                lines.append(line("settled", entry)).append('\n');
            }
        }
        if (lines.isEmpty()) {
            // Most clients leave owing nothing: that must cost no disk sync, which every disconnect
            // in a reconnect storm would otherwise queue for (bench/RESULTS.md).
            return;
        }
        if (awaited.isEmpty()) {
            truncate();
        } else {
            append(lines);
        }
    }

    @Override
    public synchronized List<Undelivered> takeUnsettled() {
        List<Undelivered> taken = fromLastRun;
        fromLastRun = List.of();
        if (awaited.isEmpty()) {
            truncate();
        }
        return taken;
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    private static ObjectNode line(String op, Entry entry) {
        ObjectNode line = JSON.createObjectNode();
        line.put("op", op);
        line.put("client_id", entry.clientId());
        line.put("table_id", entry.table());
        line.put("stream", entry.stream().wireName());
        line.put("sequence", entry.sequence());
        return line;
    }

    private void append(CharSequence lines) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        } catch (IOException e) {
            // The messages still go out and their acks are still tracked in memory; only a crash
            // before they settle would lose them, so say so loudly rather than stop the stream.
            LOG.error("Could not write the ack journal {}: a crash now would lose track of awaited acks", file, e);
        }
    }

    private void truncate() {
        try {
            channel.truncate(0);
            channel.force(false);
        } catch (IOException e) {
            LOG.warn("Could not empty the ack journal {}; it is emptied at the next chance", file, e);
        }
    }

    /** The previous run's awaited entries that were never settled, oldest first. */
    private static List<Undelivered> readUnsettled(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        Map<Entry, String> unsettled = new LinkedHashMap<>();
        for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode line;
            Entry entry;
            try {
                line = JSON.readTree(text);
                entry = new Entry(line.get("client_id").asText(), line.get("table_id").asText(),
                        Stream.fromWireName(line.get("stream").asText()).orElseThrow(), line.get("sequence").asLong());
            } catch (IOException | RuntimeException torn) {
                LOG.warn("Skipping an unreadable line of the ack journal {} (torn by a crash?)", file);
                continue;
            }
            if ("awaited".equals(line.path("op").asText())) {
                unsettled.put(entry, line.path("text").asText());
            } else {
                unsettled.remove(entry);
            }
        }
        List<Undelivered> undelivered = new ArrayList<>();
        unsettled.forEach((entry, text) -> undelivered.add(new Undelivered(entry.clientId(), entry.table(),
                entry.stream(), entry.sequence(), text, 1, Undelivered.Reason.SERVER_STOPPED)));
        return List.copyOf(undelivered);
    }
}
