package org.yantao.text;

import com.hazelcast.core.HazelcastInstance;
import java.util.ArrayList;
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
   * A copy that becomes the owner's (the previous owner left or died) may lack ops the previous
   * owner stored and acknowledged before its backup received them: they are read from the
   * database and applied first, so nobody's acknowledged op is lost or renumbered. Returns them,
   * for the backups to apply too.
   */
  static List<LoggedOp> takeOver(DocumentState state, DocumentJournal journal) {
    if (state.ownedHere()) {
      return List.of();
    }
    List<LoggedOp> applied = new ArrayList<>();
    for (LoggedOp op : journal.storedAfter(state.id(), state.rev())) {
      if (!state.applyStored(op)) {
        break;
      }
      applied.add(op);
    }
    if (!applied.isEmpty()) {
      // Stored in order: everything up to the last stored op is stored. Ops this copy holds beyond
      // what is stored are handed to the journal by catchUp.
      state.markDurable(applied.get(applied.size() - 1).rev());
    }
    state.markOwnedHere();
    return applied;
  }

  /** Backups apply what their owner took over from the database, in the same order. */
  static void replayTakenOver(DocumentState state, List<LoggedOp> ops) {
    for (LoggedOp op : ops) {
      if (op.rev() > state.rev()) {
        state.applyStored(op);
      }
    }
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
