package io.cuecast.ops.deadletter;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead letters that survive a restart: an append-only JSON-lines file, {@value #FILE_NAME}, one
 * complete letter per line, synced to disk ({@code fsync}) before a write returns. A change (a failed
 * replay, a replay, a purge) appends the letter's new version; the last line of an id wins.
 *
 * <p>Only a summary of each letter is kept in memory (no body), with where its latest line is; a
 * body is read from the file when asked for. The file is rewritten without superseded versions and
 * purged letters when it holds more than twice as many lines as letters, and before it would grow past
 * its size cap. If it is still full after that, a new letter is refused with {@link StoreFull}.
 *
 * <p>On opening, a last line without its newline (a write cut short by a crash or a full disk) is cut
 * off, and a complete line that is not a letter is skipped and logged; both are counted.
 * A lock file keeps a second process from using the same folder. Thread-safe.
 */
public final class DeadLetterStore implements AutoCloseable {
    public static final String FILE_NAME = "dead-letters.jsonl";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterStore.class);
    private static final int COMPACT_MIN_LINES = 64;

    /** The store is at its size cap even after dropping superseded versions and purged letters. */
    public static final class StoreFull extends IllegalStateException {
        StoreFull(String message) {
            super(message);
        }
    }

    /** Where a letter's latest version is in the file, and its summary. */
    private record Entry(DeadLetter summary, long offset, int length) {
    }

    private final Path dir;
    private final Path file;
    private final long maxBytes;
    private final Clock clock;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private FileChannel channel;
    private final Map<String, Entry> index = new LinkedHashMap<>();
    private long lines;
    private int tornBytes;
    private int corruptLines;
    private volatile Consumer<DeadLetter> onFailure = letter -> { };

    private DeadLetterStore(Path dir, long maxBytes, Clock clock) throws IOException {
        this.dir = dir;
        this.file = dir.resolve(FILE_NAME);
        this.maxBytes = maxBytes;
        this.clock = clock;
        Files.createDirectories(dir);
        this.lockChannel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        this.lock = tryLock(lockChannel);
        if (lock == null) {
            lockChannel.close();
            throw new IOException("another process is using the dead-letter store in '" + dir + "'");
        }
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        load();
        syncDirectory();
    }

    /** Null when another process, or another store in this JVM, holds the folder. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /**
     * Opens (creating if need be) the store in {@code dir}.
     *
     * @param maxBytes the file's size cap
     * @throws UncheckedIOException if the folder cannot be used, or another process holds it
     */
    public static DeadLetterStore open(Path dir, long maxBytes, Clock clock) {
        try {
            return new DeadLetterStore(dir, maxBytes, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the dead-letter store in '" + dir + "': " + e.getMessage(), e);
        }
    }

    /** Called with every letter recorded or failed again (for metrics); keep it quick. */
    public void onFailure(Consumer<DeadLetter> listener) {
        this.onFailure = listener;
    }

    /**
     * Stores a new pending letter, on disk before this returns.
     *
     * @throws StoreFull when the file is at its cap
     */
    public DeadLetter record(String route, String replayRoute, String endpoint, MessageBody body,
                             Map<String, Object> headers, DeadLetter.Failure failure) {
        Instant now = clock.instant();
        DeadLetter letter = new DeadLetter(UUID.randomUUID().toString(), now, now, route, replayRoute, endpoint,
                body, headers, failure, 1, DeadLetterStatus.PENDING);
        synchronized (this) {
            append(letter);
        }
        onFailure.accept(letter);
        return letter;
    }

    /** The letter failed once more (a failed replay): attempts + 1, the new cause, pending again. */
    public Optional<DeadLetter> failedAgain(String id, DeadLetter.Failure failure) {
        Optional<DeadLetter> updated = change(id, letter -> letter.failedAgain(failure, clock.instant()));
        updated.ifPresent(onFailure);
        return updated;
    }

    public Optional<DeadLetter> markReplayed(String id) {
        return change(id, letter -> letter.withStatus(DeadLetterStatus.REPLAYED, clock.instant()));
    }

    /**
     * Marks it purged; its line goes at the next compaction. The purged version is written without
     * its body, which nobody may replay any more, so that a full store can still be purged to make room.
     */
    public Optional<DeadLetter> purge(String id) {
        return change(id, letter -> letter.withStatus(DeadLetterStatus.PURGED, clock.instant()).withoutBody());
    }

    /** The whole letter, body included, read from the file. */
    public synchronized Optional<DeadLetter> get(String id) {
        Entry entry = index.get(id);
        return entry == null ? Optional.empty() : Optional.of(read(entry));
    }

    /** Summaries (no body bytes) of the matching letters, oldest first, at most the filter's limit. */
    public synchronized List<DeadLetter> list(DeadLetterFilter filter) {
        List<DeadLetter> matching = new ArrayList<>();
        for (Entry entry : index.values()) {
            if (matching.size() >= filter.limit()) {
                break;
            }
            if (filter.matches(entry.summary())) {
                matching.add(entry.summary());
            }
        }
        return matching;
    }

    public synchronized long count(DeadLetterStatus status) {
        return index.values().stream().filter(e -> e.summary().status() == status).count();
    }

    /** Bytes of a last line cut short that were cut off when the store was opened. */
    public synchronized int tornBytesDiscarded() {
        return tornBytes;
    }

    /** Complete lines that were not letters, skipped when the store was opened or compacted. */
    public synchronized int corruptLinesSkipped() {
        return corruptLines;
    }

    /** The store's folder, which its lock keeps to this process. */
    public Path directory() {
        return dir;
    }

    public Path file() {
        return file;
    }

    private synchronized Optional<DeadLetter> change(String id, UnaryOperator<DeadLetter> how) {
        Entry entry = index.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        DeadLetter changed = how.apply(read(entry));
        append(changed);
        return Optional.of(changed);
    }

    private void append(DeadLetter letter) {
        byte[] line = (DeadLetterJson.toLine(letter) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            if (channel.size() + line.length > maxBytes) {
                // A letter being purged is dropped with the others, so that purging makes room.
                compact(letter.status() == DeadLetterStatus.PURGED ? letter.id() : null);
                if (channel.size() + line.length > maxBytes) {
                    throw new StoreFull("the dead-letter store '" + file + "' is full (" + channel.size() + " of "
                            + maxBytes + " bytes); letter of route '" + letter.route() + "' (" + line.length
                            + " bytes) not stored: purge some");
                }
            }
            long offset = channel.size();
            writeFully(channel, ByteBuffer.wrap(line), offset);
            channel.force(false);
            index.put(letter.id(), new Entry(letter.withoutBody(), offset, line.length - 1));
            lines++;
            if (lines > 2L * index.size() + COMPACT_MIN_LINES) {
                compact(null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the dead-letter store '" + file + "'", e);
        }
    }

    private DeadLetter read(Entry entry) {
        ByteBuffer buffer = ByteBuffer.allocate(entry.length());
        try {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, entry.offset() + buffer.position()) < 0) {
                    throw new IOException("the file ends inside a letter");
                }
            }
            return DeadLetterJson.fromLine(new String(buffer.array(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dead letter " + entry.summary().id() + " from '" + file + "'", e);
        }
    }

    /** Reads every line, keeping the last version of each letter, and cuts off a torn last line. */
    private void load() throws IOException {
        long offset = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                byte[] bytes = line.toByteArray();
                line.reset();
                index(bytes, offset);
                offset += bytes.length + 1;
            }
            if (line.size() > 0) {
                tornBytes = line.size();
                LOG.warn("Dead-letter store '{}': the last line was cut short ({} bytes, no newline), probably by a "
                        + "crash while writing; it is discarded", file, tornBytes);
            }
        }
        if (tornBytes > 0) {
            channel.truncate(offset);
            channel.force(true);
        }
        LOG.info("Dead-letter store '{}': {} letters ({} pending)", file, index.size(), count(DeadLetterStatus.PENDING));
    }

    private void index(byte[] bytes, long offset) {
        if (bytes.length == 0) {
            return;
        }
        lines++;
        try {
            DeadLetter letter = DeadLetterJson.fromLine(new String(bytes, StandardCharsets.UTF_8));
            // A later version replaces the earlier in place, so the index stays in order of first failure.
            index.put(letter.id(), new Entry(letter.withoutBody(), offset, bytes.length));
        } catch (IOException e) {
            corruptLines++;
            LOG.warn("Dead-letter store '{}': skipping line at byte {}: {}", file, offset, e.getMessage());
        }
    }

    /**
     * Rewrites the file with the latest version of every letter not purged (nor {@code purging}, when
     * not null), then swaps it in atomically.
     */
    private void compact(String purging) throws IOException {
        Path temporary = dir.resolve(FILE_NAME + ".compacting");
        Map<String, Entry> kept = new LinkedHashMap<>();
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            long offset = 0;
            for (Entry entry : index.values()) {
                if (entry.summary().status() == DeadLetterStatus.PURGED || entry.summary().id().equals(purging)) {
                    continue;
                }
                ByteBuffer line = ByteBuffer.allocate(entry.length() + 1);
                line.limit(entry.length());
                while (line.hasRemaining()) {
                    if (channel.read(line, entry.offset() + line.position()) < 0) {
                        throw new IOException("the file ends inside letter " + entry.summary().id());
                    }
                }
                line.limit(line.capacity());
                line.put((byte) '\n');
                line.flip();
                writeFully(out, line, offset);
                kept.put(entry.summary().id(), new Entry(entry.summary(), offset, entry.length()));
                offset += entry.length() + 1;
            }
            out.force(true);
        }
        channel.close();
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory();
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        LOG.info("Dead-letter store '{}' compacted: {} lines down to {}", file, lines, kept.size());
        index.clear();
        index.putAll(kept);
        lines = kept.size();
    }

    private static void writeFully(FileChannel out, ByteBuffer bytes, long offset) throws IOException {
        long at = offset;
        while (bytes.hasRemaining()) {
            at += out.write(bytes, at);
        }
    }

    /** A new or renamed file is durable only once its folder's entry is. */
    private void syncDirectory() {
        try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException e) {
            LOG.debug("Cannot sync the folder '{}' (not supported here): {}", dir, e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            LOG.warn("Closing the dead-letter store '{}' failed", file, e);
        }
    }
}
