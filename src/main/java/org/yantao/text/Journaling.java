package org.yantao.text;

import com.hazelcast.core.HazelcastInstance;
import java.util.List;

/** How the owner of a document finds its member's journal and keeps it complete. */
public final class Journaling {
  /** Key of the journal in each member's Hazelcast user context. */
  public static final String USER_CONTEXT_KEY = "yantao.documentJournal";

  private Journaling() {}

  static DocumentJournal of(HazelcastInstance member) {
    DocumentJournal journal = (DocumentJournal) member.getUserContext().get(USER_CONTEXT_KEY);
    if (journal == null) {
      throw new IllegalStateException("Member " + member.getName() + " has no document journal");
    }
    return journal;
  }

  /**
   * A member that just became owner (the previous owner left or died) holds ops it never
   * journaled itself; it hands them over again, with a snapshot that covers any the log no
   * longer holds, before it applies anything new.
   */
  static void catchUp(DocumentState state, DocumentJournal journal) {
    if (state.journaledRev() >= state.rev()) {
      return;
    }
    List<LoggedOp> missing = state.opsAfter(state.journaledRev());
    if (missing != null && !missing.isEmpty()) {
      journal.append(state.id(), missing, true);
    }
    journal.snapshot(state.id(), state.snapshot());
    state.journaledThrough(state.rev());
  }
}
