package org.yantao.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.yantao.testing.RandomEdits;
import org.yantao.text.ApplyOutcome;
import org.yantao.text.Delta;
import org.yantao.text.DocumentJournal;
import org.yantao.text.DocumentState;

/** A document edited at random and journaled as its owner journals it. */
final class JournaledDocument {
  private JournaledDocument() {}

  /**
   * As DocumentProcessors do: a snapshot when the document is created, then each applied op, and a
   * snapshot every SNAPSHOT_EVERY revisions. Op {@code i} is {@code op-i} by {@code authorPrefix + i % 3}.
   *
   * @param atEachRevision told of the document at every revision, 0 included
   * @return the document as its owner holds it after the last op
   */
  static DocumentState write(DocumentJournal journal, String docId, int ops, Random random, String authorPrefix,
      Consumer<DocumentState> atEachRevision) {
    DocumentState live = DocumentState.create(docId, Delta.insert("\n"));
    journal.snapshot(docId, live.snapshot());
    atEachRevision.accept(live);
    for (int i = 1; i <= ops; i++) {
      Delta change = RandomEdits.change(live.content().plainText(), random, RandomEdits.Script.MIXED);
      ApplyOutcome outcome = live.apply("op-" + i, authorPrefix + (i % 3), "connection", live.rev(), change, i);
      assertThat(outcome.status()).isEqualTo(ApplyOutcome.Status.APPLIED);
      journal.append(docId, List.of(live.lastOp()), false);
      if (live.rev() % DocumentState.SNAPSHOT_EVERY == 0) {
        journal.snapshot(docId, live.snapshot());
      }
      atEachRevision.accept(live);
    }
    return live;
  }
}
