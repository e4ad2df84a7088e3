package org.yantao.text;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The entry processors that change or read a document, run by Hazelcast on the member that owns
 * the document's key. Backups replay the same processor (without journaling), which is cheaper
 * than shipping the whole document after every keystroke and gives the same state because
 * applying an op is deterministic.
 */
public final class DocumentProcessors {
  private DocumentProcessors() {}

  /**
   * A processor that changes a document. On the owner it first makes sure its copy holds every
   * stored op (it may have just taken the document over) and that its journal has everything the
   * copy holds; its backups replay what the owner took over, then the change itself.
   */
  abstract static class DocumentChange<R> implements EntryProcessor<String, DocumentState, R>, HazelcastInstanceAware {
    final boolean backup;
    /** On the owner: filled by {@link #prepare}; on a backup: what its owner took over. */
    List<LoggedOp> takenOver;
    private transient HazelcastInstance member;

    DocumentChange(boolean backup, List<LoggedOp> takenOver) {
      this.backup = backup;
      this.takenOver = takenOver;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
      this.member = hazelcastInstance;
    }

    /** Brings the copy up to date; returns the member's journal on the owner, null on a backup. */
    DocumentJournal prepare(DocumentState state) {
      if (backup) {
        state.markBackup();
        Journaling.replayTakenOver(state, takenOver);
        return null;
      }
      DocumentJournal journal = journal();
      takenOver = Journaling.takeOver(state, journal);
      Journaling.catchUp(state, journal);
      return journal;
    }

    DocumentJournal journal() {
      return Journaling.of(member);
    }
  }

  /** Applies one client op; the owner journals it, and the journal acknowledges it once stored. */
  public static final class ApplyOp extends DocumentChange<ApplyOutcome> {
    final String opId;
    final String author;
    final String origin;
    final long baseRev;
    final Delta delta;
    final long at;

    public ApplyOp(String opId, String author, String origin, long baseRev, Delta delta, long at) {
      this(opId, author, origin, baseRev, delta, at, false, List.of());
    }

    ApplyOp(String opId, String author, String origin, long baseRev, Delta delta, long at, boolean backup,
        List<LoggedOp> takenOver) {
      super(backup, takenOver);
      this.opId = opId;
      this.author = author;
      this.origin = origin;
      this.baseRev = baseRev;
      this.delta = delta;
      this.at = at;
    }

    @Override
    public ApplyOutcome process(Map.Entry<String, DocumentState> entry) {
      DocumentState state = entry.getValue();
      if (state == null) {
        return ApplyOutcome.rejected(0, "doc.not_open", "open the document before changing it");
      }
      DocumentJournal journal = prepare(state);
      ApplyOutcome outcome = state.apply(opId, author, origin, baseRev, delta, at);
      if (outcome.status() == ApplyOutcome.Status.APPLIED || !takenOver.isEmpty()) {
        if (journal != null && outcome.status() == ApplyOutcome.Status.APPLIED) {
          journal.append(state.id(), List.of(state.lastOp()), false);
          state.journaledThrough(state.rev());
          if (state.rev() % DocumentState.SNAPSHOT_EVERY == 0) {
            journal.snapshot(state.id(), state.snapshot());
          }
        }
        entry.setValue(state);
      }
      return outcome;
    }

    @Override
    public EntryProcessor<String, DocumentState, ApplyOutcome> getBackupProcessor() {
      return new ApplyOp(opId, author, origin, baseRev, delta, at, true, takenOver);
    }
  }

  /**
   * Returns the document, creating it with {@code initialJson} if it has never existed; a non-null
   * {@code readOnly} also opens or closes it to ops (its room was opened or closed).
   */
  public static final class OpenDocument extends DocumentChange<OpenedDocument> {
    final String initialJson;
    final Boolean readOnly;

    public OpenDocument(String initialJson) {
      this(initialJson, null);
    }

    public OpenDocument(String initialJson, Boolean readOnly) {
      this(initialJson, readOnly, false, List.of());
    }

    OpenDocument(String initialJson, Boolean readOnly, boolean backup, List<LoggedOp> takenOver) {
      super(backup, takenOver);
      this.initialJson = initialJson;
      this.readOnly = readOnly;
    }

    @Override
    public OpenedDocument process(Map.Entry<String, DocumentState> entry) {
      DocumentState state = entry.getValue();
      boolean changed = false;
      if (state == null) {
        state = DocumentState.create(entry.getKey(), DeltaJson.parse(initialJson));
        if (!backup) {
          state.markOwnedHere();
          journal().snapshot(state.id(), state.snapshot());
        }
        changed = true;
      } else {
        prepare(state);
        changed = !takenOver.isEmpty();
      }
      if (readOnly != null && readOnly != state.readOnly()) {
        state.readOnly(readOnly);
        changed = true;
      }
      if (changed) {
        entry.setValue(state);
      }
      DocumentSnapshot snapshot = state.snapshot();
      return new OpenedDocument(snapshot.rev(), state.durableRev(), snapshot.deltaJson());
    }

    @Override
    public EntryProcessor<String, DocumentState, OpenedDocument> getBackupProcessor() {
      return new OpenDocument(initialJson, readOnly, true, takenOver);
    }
  }

  /** Records that the journal stored every op up to {@code rev}. */
  public record MarkDurable(long rev) implements EntryProcessor<String, DocumentState, Void> {
    @Override
    public Void process(Map.Entry<String, DocumentState> entry) {
      DocumentState state = entry.getValue();
      if (state != null && state.durableRev() < rev) {
        state.markDurable(rev);
        entry.setValue(state);
      }
      return null;
    }
  }

  /**
   * The stored ops after a revision, for a connection that missed notifications or resumes; null
   * if the log no longer reaches back that far. Only stored ops: nobody may see an op a crash could undo.
   */
  public record ReadOps(long afterRev) implements EntryProcessor<String, DocumentState, ArrayList<LoggedOp>>, ReadOnly {
    @Override
    public ArrayList<LoggedOp> process(Map.Entry<String, DocumentState> entry) {
      DocumentState state = entry.getValue();
      List<LoggedOp> ops = state == null ? null : state.storedOpsAfter(afterRev);
      return ops == null ? null : new ArrayList<>(ops);
    }

    @Override
    public EntryProcessor<String, DocumentState, ArrayList<LoggedOp>> getBackupProcessor() {
      return null;
    }
  }
}
