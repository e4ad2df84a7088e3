package org.yantao.store;

import java.util.List;
import org.yantao.text.DeltaJson;
import org.yantao.text.DocumentSnapshot;
import org.yantao.text.LoggedOp;

/** What the owner of a document hands the journal, in the order it happened. */
sealed interface JournalEntry permits JournalEntry.Ops, JournalEntry.Snapshot, JournalEntry.Stop {

  /**
   * Applied ops. {@code json} is filled by the journal's thread, not the partition thread that
   * queued the ops, and then reused for the row, the op log and the announcement.
   */
  record Ops(String docId, List<LoggedOp> ops, boolean mayExist, String[] json) implements JournalEntry {
    Ops(String docId, List<LoggedOp> ops, boolean mayExist) {
      this(docId, List.copyOf(ops), mayExist, new String[ops.size()]);
    }

    String json(int i) {
      if (json[i] == null) {
        json[i] = DeltaJson.toJsonString(ops.get(i).delta());
      }
      return json[i];
    }
  }

  record Snapshot(String docId, DocumentSnapshot snapshot, long at) implements JournalEntry {}

  /** Asks the journal's thread to stop once it has stored what came before; never stored itself. */
  record Stop() implements JournalEntry {}
}
