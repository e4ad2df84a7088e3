package org.yantao.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yantao.testing.TestNode;
import org.yantao.text.ApplyOutcome;
import org.yantao.text.Delta;
import org.yantao.text.DocumentState;
import org.yantao.text.LoggedOp;
import org.yantao.testing.Poll;

/**
 * What the journal stores is what the loader rebuilds after a restart: the content, the revision,
 * the recent ops (so a client behind by a few hundred revisions can still send) and the op ids
 * (so an op re-sent after a lost ack is not applied twice).
 */
class DocumentJournalLoaderTest {
  private static final String DOC = "findings.w1.r1";
  private static final int OPS = 1234;

  @TempDir
  Path dataDir;

  private Database database;
  private JdbcDocumentJournal journal;
  private final AtomicLong storedThrough = new AtomicLong();
  /** The document as the owner holds it, and its plain text after each revision. */
  private DocumentState live;
  private final Map<Long, String> textAt = new HashMap<>();

  @BeforeEach
  void journalADocument() throws Exception {
    database = Database.open(TestNode.config(dataDir));
    journal = new JdbcDocumentJournal(database.dataSource());
    journal.start(batch -> batch.forEach(stored -> stored.ops().forEach(op -> storedThrough.accumulateAndGet(op.rev(), Math::max))));

    live = JournaledDocument.write(journal, DOC, OPS, new Random(7), "author-",
        state -> textAt.put(state.rev(), state.content().plainText()));
    Poll.until(() -> storedThrough.get() == OPS, 30);
    live.markDurable(OPS);
  }

  @AfterEach
  void close() {
    journal.close();
    database.close();
  }

  @Test
  void aReloadedDocumentHasTheSameContentRevisionRecentOpsAndIds() {
    DocumentState loaded = new JdbcDocumentLoader(database.dataSource()).load(DOC);

    assertThat(loaded.rev()).isEqualTo(OPS);
    assertThat(loaded.durableRev()).isEqualTo(OPS);
    assertThat(loaded.content().toDelta()).isEqualTo(live.content().toDelta());
    assertThat(summary(loaded.log())).isEqualTo(summary(live.log()));
    assertThat(loaded.recentIds()).isEqualTo(live.recentIds());

    // A client still on a revision 600 ops back: its op is transformed the same way after the reload.
    long oldBase = OPS - 600;
    String oldText = textAt.get(oldBase);
    int middle = oldText.length() / 2;
    if (Character.isLowSurrogate(oldText.charAt(middle))) {
      middle--;
    }
    Delta late = Delta.builder().retain(middle).insert("迟到的修改").build();
    ApplyOutcome before = live.apply("late-op", "author-x", "c", oldBase, late, 0);
    ApplyOutcome after = loaded.apply("late-op", "author-x", "c", oldBase, late, 0);
    assertThat(after).isEqualTo(before);
    assertThat(after.status()).isEqualTo(ApplyOutcome.Status.APPLIED);
    assertThat(loaded.content().toDelta()).isEqualTo(live.content().toDelta());

    // An op whose ack was lost in the restart, sent again: recognised, not applied twice.
    ApplyOutcome resent = loaded.apply("op-1100", "author-2", "c", 1099, Delta.insert("x"), 0);
    assertThat(resent.status()).isEqualTo(ApplyOutcome.Status.DUPLICATE_DURABLE);
    assertThat(resent.rev()).isEqualTo(1100);
    assertThat(loaded.content().toDelta()).isEqualTo(live.content().toDelta());
  }

  @Test
  void aStoredLogWithAGapAfterTheLatestSnapshotLoadsUpToTheGap() throws Exception {
    long latestSnapshot = (OPS / DocumentState.SNAPSHOT_EVERY) * DocumentState.SNAPSHOT_EVERY;
    long missing = latestSnapshot + 100;
    try (Connection c = database.dataSource().getConnection();
         PreparedStatement delete = c.prepareStatement("DELETE FROM doc_ops WHERE doc_id = ? AND rev = ?")) {
      delete.setString(1, DOC);
      delete.setLong(2, missing);
      assertThat(delete.executeUpdate()).isEqualTo(1);
    }

    DocumentState loaded = new JdbcDocumentLoader(database.dataSource()).load(DOC);

    assertThat(loaded.rev()).isEqualTo(missing - 1);
    assertThat(loaded.content().plainText()).isEqualTo(textAt.get(missing - 1));
    assertThat(loaded.lastOp().rev()).isEqualTo(missing - 1);
    assertThat(loaded.opsAfter(missing - 50)).extracting(LoggedOp::rev).containsExactlyElementsOf(revs(missing - 49, missing - 1));
    assertThat(loaded.recentIds()).containsValue(missing - 1).doesNotContainValue(missing + 1);
    // Editing continues from the last revision it could rebuild.
    ApplyOutcome next = loaded.apply("after-gap", "a", "c", loaded.rev(), Delta.insert("接着写"), 0);
    assertThat(next.rev()).isEqualTo(missing);
  }

  @Test
  void aDocumentNeverStoredIsNotFound() {
    assertThat(new JdbcDocumentLoader(database.dataSource()).load("findings.w1.none")).isNull();
  }

  private static List<String> summary(Iterable<LoggedOp> log) {
    List<String> ops = new ArrayList<>();
    log.forEach(op -> ops.add(op.rev() + " " + op.id() + " " + op.author() + " " + op.delta() + " " + op.at()));
    return ops;
  }

  private static List<Long> revs(long from, long to) {
    List<Long> revs = new ArrayList<>();
    for (long r = from; r <= to; r++) {
      revs.add(r);
    }
    return revs;
  }
}
