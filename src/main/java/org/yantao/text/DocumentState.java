package org.yantao.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live state of one co-edited document: content, revision and the recent ops. It is owned by
 * the Hazelcast member that owns the document's key and changed in place only by entry processors
 * on that key's partition thread, one at a time; that single writer is what orders ops without locks.
 */
public final class DocumentState {
  /** Ops kept for transforming ops based on older revisions; older clients must resync. */
  public static final int LOG_LIMIT = 1000;
  /** Op ids kept to recognise an op sent again after a lost ack, even after a resync. */
  public static final int ID_LIMIT = 10_000;
  /**
   * How often the owner writes the whole content, so that loading replays few ops (2,000 replay in
   * about 2 ms). Rarer would cost little; more often puts the copy of a large document on the
   * partition thread, which every keystroke waits for.
   */
  public static final int SNAPSHOT_EVERY = 2000;
  /** UTF-16 code units; a findings document is a few pages, this leaves ample room. */
  public static final int MAX_LENGTH = 1_000_000;

  private final String id;
  private final RichText content;
  private final ArrayDeque<LoggedOp> log;
  private final LinkedHashMap<String, Long> recentIds;
  private long rev;
  private long durableRev;
  /** Member-local: the last revision this member handed to its journal. Not replicated. */
  private long journaledRev;
  /** Member-local: whether this copy has acted as the owner's, rather than only as a backup. */
  private boolean ownedHere;
  /**
   * Set while the document's room is closed. Kept here, on the one member that applies every op,
   * so that the moment the flag is set no op anywhere in the cluster is applied any more.
   */
  private boolean readOnly;

  public DocumentState(String id, RichText content, long rev, long durableRev,
      Collection<LoggedOp> log, Map<String, Long> recentIds) {
    this.id = id;
    this.content = content;
    this.rev = rev;
    this.durableRev = durableRev;
    this.journaledRev = durableRev;
    this.log = new ArrayDeque<>(log);
    this.recentIds = new LinkedHashMap<>(recentIds);
  }

  public static DocumentState create(String id, Delta initial) {
    return new DocumentState(id, RichText.of(initial, MAX_LENGTH), 0, 0, List.of(), Map.of());
  }

  /**
   * Applies an op based on {@code baseRev}: transformed against every op applied since (those win
   * ties), then composed into the content. An op whose id was seen is not applied again.
   */
  public ApplyOutcome apply(String opId, String author, String origin, long baseRev, Delta delta, long at) {
    Long seen = recentIds.get(idKey(author, opId));
    if (seen != null) {
      return ApplyOutcome.duplicate(seen, seen <= durableRev);
    }
    if (readOnly) {
      return ApplyOutcome.rejected(rev, "doc.read_only", "the room is closed: its documents only read");
    }
    if (baseRev > rev) {
      return ApplyOutcome.rejected(rev, "rev.future", "the op is based on revision " + baseRev
          + " but the document is at revision " + rev);
    }
    if (baseRev < 0) {
      return ApplyOutcome.rejected(rev, "rev.invalid", "a revision cannot be negative");
    }
    if (rev - baseRev > log.size()) {
      return ApplyOutcome.resync(rev);
    }
    Delta change = delta;
    if (baseRev < rev) {
      Iterator<LoggedOp> newest = log.descendingIterator();
      List<LoggedOp> since = new ArrayList<>((int) (rev - baseRev));
      for (long r = rev; r > baseRev; r--) {
        since.add(newest.next());
      }
      for (int i = since.size() - 1; i >= 0; i--) {
        change = since.get(i).delta().transform(change, true);
      }
    }
    try {
      content.apply(change);
    } catch (DeltaRejectedException e) {
      return ApplyOutcome.rejected(rev, e.code(), e.getMessage());
    }
    rev++;
    log.addLast(new LoggedOp(rev, opId, author, origin, change, at));
    if (log.size() > LOG_LIMIT) {
      log.removeFirst();
    }
    recentIds.put(idKey(author, opId), rev);
    if (recentIds.size() > ID_LIMIT) {
      Iterator<Map.Entry<String, Long>> oldest = recentIds.entrySet().iterator();
      oldest.next();
      oldest.remove();
    }
    return ApplyOutcome.applied(rev);
  }

  /** Op ids are chosen by clients, so they are unique only per author. */
  public static String idKey(String author, String opId) {
    return author + "\u0000" + opId;
  }

  /** The stored ops after {@code afterRev}, oldest first, or null when the log no longer reaches back that far. */
  public List<LoggedOp> storedOpsAfter(long afterRev) {
    List<LoggedOp> ops = opsAfter(afterRev);
    return ops == null ? null : ops.stream().filter(op -> op.rev() <= durableRev).toList();
  }

  /** The ops after {@code afterRev}, oldest first, or null when the log no longer reaches back that far. */
  public List<LoggedOp> opsAfter(long afterRev) {
    if (afterRev > rev || rev - afterRev > log.size()) {
      return null;
    }
    List<LoggedOp> ops = new ArrayList<>((int) (rev - afterRev));
    for (LoggedOp op : log) {
      if (op.rev() > afterRev) {
        ops.add(op);
      }
    }
    return ops;
  }

  public LoggedOp lastOp() {
    return log.peekLast();
  }

  public DocumentSnapshot snapshot() {
    return new DocumentSnapshot(rev, DeltaJson.toJsonString(content.toDelta()));
  }

  /**
   * Applies an op exactly as the owner applied it before (from the database, or replayed on a
   * backup); false if it does not follow this copy's revision.
   */
  public boolean applyStored(LoggedOp op) {
    if (op.rev() != rev + 1) {
      return false;
    }
    content.apply(op.delta());
    rev = op.rev();
    log.addLast(op);
    if (log.size() > LOG_LIMIT) {
      log.removeFirst();
    }
    recentIds.put(idKey(op.author(), op.id()), rev);
    return true;
  }

  public boolean ownedHere() {
    return ownedHere;
  }

  public void markOwnedHere() {
    ownedHere = true;
  }

  /**
   * This copy replays its owner's changes as a backup; if it becomes the owner again later it must
   * take the document over anew, since the owner in between may have stored ops it never received.
   */
  public void markBackup() {
    ownedHere = false;
  }

  /** Called once the journal stored everything up to {@code storedRev}. */
  public void markDurable(long storedRev) {
    durableRev = Math.max(durableRev, Math.min(storedRev, rev));
  }

  public boolean readOnly() {
    return readOnly;
  }

  public void readOnly(boolean closed) {
    readOnly = closed;
  }

  public String id() {
    return id;
  }

  public long rev() {
    return rev;
  }

  public long durableRev() {
    return durableRev;
  }

  public long journaledRev() {
    return journaledRev;
  }

  public void journaledThrough(long journaled) {
    journaledRev = journaled;
  }

  public RichText content() {
    return content;
  }

  public Collection<LoggedOp> log() {
    return log;
  }

  public Map<String, Long> recentIds() {
    return recentIds;
  }
}
