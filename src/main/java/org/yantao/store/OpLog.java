package org.yantao.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only file of journal entries in front of the database, for a node that is alone with
 * its own embedded database. Making a batch durable costs one {@code write} to the file, where an
 * H2 commit costs some 30 KB of allocation and 26 KB of pages written whatever it holds; a
 * background thread copies the entries into the database once a second, in one transaction, and
 * deletes the segments it has copied. At start the segments left by a killed process are copied
 * in before anything reads the database. While the node runs, nothing reads ops back from the
 * database (a document, once loaded, stays in the node's memory), so the copy may lag behind.
 *
 * <p>As durable as the database it stands in for: {@code write} hands the bytes to the operating
 * system, which keeps them if the process dies, just as H2 with {@code WRITE_DELAY=0} does (neither
 * forces them to the disk). Not for a cluster: there a member that takes a document over reads its
 * stored ops from the shared database, and a dead member's file would keep them from it.
 */
final class OpLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OpLog.class);
  private static final String SUFFIX = ".oplog";
  /** A new segment once this one is larger, so that copied ones can be deleted. */
  private static final long SEGMENT_BYTES = 8L << 20;
  private static final long COPY_EVERY_MS = 1000;
  private static final int COPY_AT_MOST = 20_000;
  private static final int REPLAY_BATCH = 5_000;
  private static final long MAX_RETRY_PAUSE_MS = 5000;

  /** Entries written to a segment, waiting to be copied; a null segment asks the copier to finish. */
  private record Written(List<JournalEntry> entries, Long segment) {}

  private final Path dir;
  private final DataSource dataSource;
  private final OpLogRecords.Writer records = new OpLogRecords.Writer();
  private final LinkedBlockingQueue<Written> toCopy = new LinkedBlockingQueue<>();
  private final Thread copier;
  private final long segmentLimit;
  private long segment;
  private FileChannel channel;
  private long segmentBytes;

  private OpLog(Path dir, DataSource dataSource, long segmentLimit, long firstSegment) throws IOException {
    this.dir = dir;
    this.dataSource = dataSource;
    this.segmentLimit = segmentLimit;
    this.segment = firstSegment;
    this.channel = openSegment(firstSegment);
    this.copier = new Thread(this::copyLoop, "yantao-oplog-copier");
    copier.setDaemon(true);
    copier.start();
  }

  /** Copies into the database whatever a previous process left in {@code dir}, then opens a new segment. */
  static OpLog open(Path dir, DataSource dataSource) throws IOException, SQLException {
    return open(dir, dataSource, SEGMENT_BYTES);
  }

  /** @param segmentLimit bytes after which a new segment starts */
  static OpLog open(Path dir, DataSource dataSource, long segmentLimit) throws IOException, SQLException {
    Files.createDirectories(dir);
    List<Path> left = segments(dir);
    long next = 1;
    for (Path file : left) {
      OpLogRecords.Read read = OpLogRecords.read(Files.readAllBytes(file));
      if (read.tornBytes() > 0) {
        LOG.warn("Op log {} ends in {} bytes of a record that was never acknowledged; ignored", file, read.tornBytes());
      }
      for (int from = 0; from < read.entries().size(); from += REPLAY_BATCH) {
        JournalRows.write(dataSource, read.entries().subList(from, Math.min(read.entries().size(), from + REPLAY_BATCH)), true);
      }
      LOG.info("Copied {} entries from op log {} into the database", read.entries().size(), file);
      next = Math.max(next, number(file) + 1);
    }
    for (Path file : left) {
      Files.delete(file);
    }
    return new OpLog(dir, dataSource, segmentLimit, next);
  }

  /**
   * Makes a batch durable: when this returns, the entries are in the file. Called by the journal's
   * one thread. A failed write starts a new segment, so that the part of a record it may have left
   * is only ever at the end of a segment, and the caller writes the whole batch again.
   */
  void write(List<JournalEntry> batch) throws IOException {
    records.clear();
    for (JournalEntry entry : batch) {
      records.add(entry);
    }
    ByteBuffer bytes = records.bytes();
    int length = bytes.remaining();
    try {
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
    } catch (IOException e) {
      startSegment();
      throw e;
    }
    toCopy.add(new Written(List.copyOf(batch), segment));
    segmentBytes += length;
    if (segmentBytes >= segmentLimit) {
      startSegment();
    }
  }

  /** Copies everything into the database and deletes the log. Call after the last {@link #write}. */
  @Override
  public void close() {
    toCopy.add(new Written(List.of(), null));
    try {
      copier.join(TimeUnit.SECONDS.toMillis(60));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      channel.close();
    } catch (IOException e) {
      LOG.warn("Cannot close op log segment {}", segment, e);
    }
    if (!copier.isAlive()) {
      deleteSegmentsBefore(Long.MAX_VALUE);
    }
  }

  private void startSegment() throws IOException {
    channel.close();
    segment++;
    channel = openSegment(segment);
    segmentBytes = 0;
  }

  private FileChannel openSegment(long number) throws IOException {
    return FileChannel.open(segmentPath(dir, number), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  }

  /** Segment {@code number}'s file; names sort in the order the segments were written. */
  static Path segmentPath(Path dir, long number) {
    return dir.resolve(String.format("%012d%s", number, SUFFIX));
  }

  private void copyLoop() {
    List<JournalEntry> pending = new ArrayList<>();
    while (true) {
      Written first;
      try {
        first = toCopy.take();
      } catch (InterruptedException e) {
        return;
      }
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(COPY_EVERY_MS);
      Written last = first;
      pending.addAll(first.entries());
      while (last.segment() != null && pending.size() < COPY_AT_MOST) {
        Written next;
        try {
          next = toCopy.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          return;
        }
        if (next == null) {
          break;
        }
        pending.addAll(next.entries());
        last = next;
      }
      if (!pending.isEmpty() && !copyWithRetry(pending)) {
        return;
      }
      pending.clear();
      if (last.segment() == null) {
        return;
      }
      // Everything written to earlier segments has now been copied.
      deleteSegmentsBefore(last.segment());
    }
  }

  /** False only if interrupted: the entries stay in the log, to be copied at the next start. */
  private boolean copyWithRetry(List<JournalEntry> entries) {
    long pause = 50;
    boolean retrying = false;
    while (true) {
      try {
        JournalRows.write(dataSource, entries, retrying);
        return true;
      } catch (SQLException | RuntimeException e) {
        LOG.error("Cannot copy {} op log entries into the database; retrying in {} ms (they are safe in the log)",
            entries.size(), pause, e);
        try {
          Thread.sleep(pause);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return false;
        }
        pause = Math.min(MAX_RETRY_PAUSE_MS, pause * 2);
        retrying = true;
      }
    }
  }

  private void deleteSegmentsBefore(long number) {
    try {
      for (Path file : segments(dir)) {
        if (number(file) < number) {
          Files.delete(file);
        }
      }
    } catch (IOException e) {
      LOG.warn("Cannot delete copied op log segments in {}; they are copied again at the next start", dir, e);
    }
  }

  private static List<Path> segments(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
    }
  }

  private static long number(Path segment) {
    String name = segment.getFileName().toString();
    return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
  }
}
