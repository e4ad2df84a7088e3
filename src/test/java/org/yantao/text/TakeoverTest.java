package org.yantao.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yantao.store.Database;
import org.yantao.store.JdbcDocumentJournal;
import org.yantao.testing.Poll;
import org.yantao.testing.TestNode;

/**
 * An owner stores and acknowledges ops before its backup has them; if it dies then, the backup that
 * takes over must read those ops from the database before doing anything else, or acknowledged
 * edits would vanish and their revisions be handed out again.
 */
class TakeoverTest {
  private static final String DOC = "findings.w.r";
  private static final Delta INITIAL = Delta.insert("教学\n");

  @TempDir
  Path dataDir;
  private Database database;
  private JdbcDocumentJournal journal;
  private final AtomicLong storedThrough = new AtomicLong();

  @BeforeEach
  void openJournal() throws Exception {
    database = Database.open(TestNode.config(dataDir));
    journal = new JdbcDocumentJournal(database.dataSource());
    journal.start(batch -> batch.forEach(s -> s.ops().forEach(op -> storedThrough.accumulateAndGet(op.rev(), Math::max))));
  }

  @AfterEach
  void close() {
    journal.close();
    database.close();
  }

  @Test
  void aBackupTakingOverAppliesTheOpsItsOwnerStoredButNeverSentIt() {
    DocumentState owner = DocumentState.create(DOC, INITIAL);
    owner.markOwnedHere();
    DocumentState backup = DocumentState.create(DOC, INITIAL);
    for (int i = 1; i <= 20; i++) {
      owner.apply("op-" + i, "author", "c", i - 1, Delta.builder().retain(i - 1).insert("字").build(), i);
      journal.append(DOC, List.of(owner.lastOp()), false);
      if (i <= 12) {
        backup.applyStored(owner.lastOp());
      }
    }
    Poll.until(() -> storedThrough.get() == 20, 30);

    List<LoggedOp> takenOver = Journaling.takeOver(backup, journal);

    assertThat(takenOver).extracting(LoggedOp::rev).containsExactly(13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L);
    assertThat(backup.rev()).isEqualTo(20);
    assertThat(backup.durableRev()).isEqualTo(20);
    assertThat(backup.content().toDelta()).isEqualTo(owner.content().toDelta());
    Delta atTakeover = backup.content().toDelta();
    assertThat(backup.apply("op-17", "author", "c2", 16, Delta.insert("x"), 0).status())
        .as("an op the dead owner acknowledged, sent again").isEqualTo(ApplyOutcome.Status.DUPLICATE_DURABLE);

    Delta late = Delta.builder().retain(3).insert("late").build();
    ApplyOutcome onOwner = owner.apply("late", "other", "c3", 15, late, 0);
    ApplyOutcome onBackup = backup.apply("late", "other", "c3", 15, late, 0);
    assertThat(onBackup).isEqualTo(onOwner);
    assertThat(backup.content().toDelta()).isEqualTo(owner.content().toDelta());

    DocumentState newBackup = DocumentState.create(DOC, INITIAL);
    for (LoggedOp op : owner.opsAfter(0).subList(0, 12)) {
      newBackup.applyStored(op);
    }
    Journaling.replayTakenOver(newBackup, takenOver);
    assertThat(newBackup.rev()).isEqualTo(20);
    assertThat(newBackup.content().toDelta()).as("the new owner's backup").isEqualTo(atTakeover);
  }

  @Test
  void anOwnerThatAlreadyOwnedTheDocumentDoesNotReadTheDatabase() {
    DocumentState owner = DocumentState.create(DOC, INITIAL);
    owner.markOwnedHere();
    assertThat(Journaling.takeOver(owner, journal)).isEmpty();
  }
}
