package org.yantao.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yantao.testing.Poll;
import org.yantao.testing.TestNode;
import org.yantao.text.DocumentState;
import org.yantao.text.LoggedOp;

/**
 * A node alone with its database acknowledges an op once it is in the op log, and the database
 * gets it later. What the log holds when an op is announced is what a killed process leaves
 * behind: copied in at the next start, it rebuilds the document, whatever part of it the database
 * already had, and a record cut short by the kill is left out.
 */
class OpLogTest {
  private static final String DOC = "findings.w1.r1";
  /** More than one snapshot interval, so that a snapshot sits among the logged ops. */
  private static final int OPS = DocumentState.SNAPSHOT_EVERY + 345;

  @TempDir
  Path dataDir;
  @TempDir
  Path otherDir;

  private Database database;
  private JdbcDocumentJournal journal;
  private DocumentState live;
  /** The log as a process killed right after the last announcement would have left it. */
  private Path leftBehind;

  @BeforeEach
  void journalADocumentAndCopyTheLogAtTheLastAnnouncement() throws Exception {
    database = Database.open(TestNode.config(dataDir));
    Path logDir = dataDir.resolve("oplog");
    journal = new JdbcDocumentJournal(database.dataSource(), logDir);
    AtomicLong announcedThrough = new AtomicLong();
    journal.start(batch -> batch.forEach(stored -> stored.ops().forEach(op -> announcedThrough.accumulateAndGet(op.rev(), Math::max))));

    live = JournaledDocument.write(journal, DOC, OPS, new Random(5), "作者-", state -> {});
    Poll.until(() -> announcedThrough.get() == OPS, 30);
    leftBehind = Files.createDirectories(otherDir.resolve("oplog-left-behind"));
    try (Stream<Path> segments = Files.list(logDir)) {
      for (Path segment : segments.toList()) {
        Files.copy(segment, leftBehind.resolve(segment.getFileName()));
      }
    }
  }

  @AfterEach
  void close() {
    journal.close();
    database.close();
  }

  @Test
  void theLogAloneRebuildsTheDocumentInAnEmptyDatabase() throws Exception {
    try (Database empty = Database.open(TestNode.config(otherDir.resolve("empty")))) {
      assertThat(opRows(empty)).isZero();

      OpLog.open(leftBehind, empty.dataSource()).close();

      assertLoadsAsLive(empty);
      assertThat(opRows(empty)).isEqualTo(OPS);
      assertThat(leftBehind).isEmptyDirectory();
    }
  }

  @Test
  void closingCopiesEverythingAndACopyAgainChangesNothing() throws Exception {
    journal.close();
    assertThat(dataDir.resolve("oplog")).as("a closed journal leaves no log").isEmptyDirectory();
    assertLoadsAsLive(database);

    OpLog.open(leftBehind, database.dataSource()).close();

    assertThat(opRows(database)).isEqualTo(OPS);
    assertLoadsAsLive(database);
  }

  @Test
  void opsTheDatabaseLacksAreCopiedInFromTheLog() throws Exception {
    journal.close();
    try (Connection c = database.dataSource().getConnection();
         PreparedStatement delete = c.prepareStatement("DELETE FROM doc_ops WHERE rev > ?")) {
      delete.setLong(1, 600);
      assertThat(delete.executeUpdate()).isEqualTo(OPS - 600);
    }

    OpLog.open(leftBehind, database.dataSource()).close();

    assertThat(opRows(database)).isEqualTo(OPS);
    assertLoadsAsLive(database);
  }

  @Test
  void aRecordCutShortByTheKillIsLeftOut() throws Exception {
    Path segment;
    try (Stream<Path> segments = Files.list(leftBehind)) {
      segment = segments.sorted().reduce((a, b) -> b).orElseThrow();
    }
    // The start of one more op's record: what a write interrupted by SIGKILL leaves.
    byte[] whole = Files.readAllBytes(segment);
    Files.write(segment, Arrays.copyOf(whole, 40), StandardOpenOption.APPEND);
    try (Database empty = Database.open(TestNode.config(otherDir.resolve("empty")))) {

      OpLog.open(leftBehind, empty.dataSource()).close();

      assertThat(opRows(empty)).isEqualTo(OPS);
      assertLoadsAsLive(empty);
    }
  }

  /** A write that fails starts a new segment, so a torn record can end a segment that others follow. */
  @Test
  void aTornRecordEndsOnlyItsOwnSegment() throws Exception {
    List<LoggedOp> ops = live.opsAfter(live.rev() - 20);
    Path dir = Files.createDirectories(otherDir.resolve("torn-between"));
    OpLogRecords.Writer first = new OpLogRecords.Writer();
    ops.subList(0, 10).forEach(op -> first.add(new JournalEntry.Ops(DOC, List.of(op), false)));
    OpLogRecords.Writer torn = new OpLogRecords.Writer();
    torn.add(new JournalEntry.Ops(DOC, List.of(ops.get(10)), false));
    OpLogRecords.Writer second = new OpLogRecords.Writer();
    ops.subList(10, 20).forEach(op -> second.add(new JournalEntry.Ops(DOC, List.of(op), false)));
    Files.write(OpLog.segmentPath(dir, 1), bytes(first));
    Files.write(OpLog.segmentPath(dir, 1), Arrays.copyOf(bytes(torn), 30), StandardOpenOption.APPEND);
    Files.write(OpLog.segmentPath(dir, 2), bytes(second));
    try (Database empty = Database.open(TestNode.config(otherDir.resolve("empty")))) {

      OpLog.open(dir, empty.dataSource()).close();

      assertThat(opRows(empty)).isEqualTo(20);
      assertThat(dir).isEmptyDirectory();
    }
  }

  private static byte[] bytes(OpLogRecords.Writer records) {
    ByteBuffer view = records.bytes();
    return Arrays.copyOfRange(view.array(), view.position(), view.limit());
  }

  @Test
  void segmentsAreDeletedOnceCopiedAndTheCopyIsComplete() throws Exception {
    journal.close();
    Path dir = otherDir.resolve("small-segments");
    try (Database empty = Database.open(TestNode.config(otherDir.resolve("empty")))) {
      OpLog log = OpLog.open(dir, empty.dataSource(), 4096);
      for (LoggedOp op : live.opsAfter(live.rev() - 1000)) {
        log.write(List.of(new JournalEntry.Ops(DOC, List.of(op), false)));
      }
      Poll.until(() -> opRows(empty) == 1000, 30);
      Poll.until(() -> segmentCount(dir) == 1, 30);

      log.close();

      assertThat(dir).isEmptyDirectory();
      assertThat(opRows(empty)).isEqualTo(1000);
    }
  }

  private static long segmentCount(Path dir) {
    try (Stream<Path> segments = Files.list(dir)) {
      return segments.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void assertLoadsAsLive(Database db) {
    DocumentState loaded = new JdbcDocumentLoader(db.dataSource()).load(DOC);
    assertThat(loaded.rev()).isEqualTo(OPS);
    assertThat(loaded.content().toDelta()).isEqualTo(live.content().toDelta());
    assertThat(loaded.recentIds()).isEqualTo(live.recentIds());
  }

  private static long opRows(Database db) {
    try (Connection c = db.dataSource().getConnection();
         PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM doc_ops WHERE doc_id = ?")) {
      count.setString(1, DOC);
      try (ResultSet row = count.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
