package org.yantao.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yantao.text.DeltaJson;
import org.yantao.text.DocumentJournal;
import org.yantao.text.DocumentSnapshot;
import org.yantao.text.LoggedOp;

/**
 * Makes applied ops durable with group commit: one writer thread takes everything queued since
 * its last commit, stores it in one transaction, and only then tells the listener, which
 * acknowledges and fans the ops out. A burst of a hundred keystrokes costs one commit, not a
 * hundred; an op never reaches anyone before it is stored.
 */
public final class JdbcDocumentJournal implements DocumentJournal, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcDocumentJournal.class);
  private static final int MAX_BATCH = 2000;
  private static final long MAX_RETRY_PAUSE_MS = 5000;

  /** Told, on the journal's thread, about every op once it is stored, in the order applied. */
  public interface Listener {
    void stored(List<StoredOps> batch);
  }

  /** Stored ops with their deltas as JSON, written once for the row and reused for the announcement. */
  public record StoredOps(String docId, List<LoggedOp> ops, List<String> deltaJson) {}

  private sealed interface Entry permits Ops, Snapshot, Stop {}

  /** {@code json} is filled by the writer thread, not the partition thread that queued the ops. */
  private record Ops(String docId, List<LoggedOp> ops, boolean mayExist, String[] json) implements Entry {
    String json(int i) {
      if (json[i] == null) {
        json[i] = DeltaJson.toJsonString(ops.get(i).delta());
      }
      return json[i];
    }
  }

  private record Snapshot(String docId, DocumentSnapshot snapshot) implements Entry {}

  private record Stop() implements Entry {}

  private final DataSource dataSource;
  private final LinkedBlockingQueue<Entry> queue = new LinkedBlockingQueue<>();
  private volatile Listener listener;
  private volatile boolean stopping;
  private Thread writer;

  public JdbcDocumentJournal(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void append(String docId, List<LoggedOp> ops, boolean mayExist) {
    queue.add(new Ops(docId, List.copyOf(ops), mayExist, new String[ops.size()]));
  }

  @Override
  public void snapshot(String docId, DocumentSnapshot snapshot) {
    queue.add(new Snapshot(docId, snapshot));
  }

  @Override
  public List<LoggedOp> storedAfter(String docId, long afterRev) {
    List<LoggedOp> ops = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      DocOpRows.after(c, docId, afterRev, ops::add);
    } catch (SQLException e) {
      throw new StoreException("Cannot read the stored ops of " + docId, e);
    }
    return ops;
  }

  /** Starts storing; entries queued before this (the member may own documents early) wait. */
  public synchronized void start(Listener storedListener) {
    this.listener = storedListener;
    writer = new Thread(this::run, "yantao-journal");
    writer.setDaemon(true);
    writer.start();
  }

  /** Stores what is queued, then stops. */
  @Override
  public synchronized void close() {
    if (writer == null) {
      return;
    }
    queue.add(new Stop());
    try {
      writer.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    writer = null;
  }

  private void run() {
    List<Entry> batch = new ArrayList<>();
    while (true) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        return;
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      boolean stop = batch.removeIf(e -> e instanceof Stop);
      stopping |= stop;
      if (!batch.isEmpty()) {
        storeWithRetry(batch);
      }
      batch.clear();
      if (stop) {
        if (queue.isEmpty()) {
          return;
        }
        queue.add(new Stop());
      }
    }
  }

  /**
   * A failed batch is retried with every op checked against what is stored, so that rows that did
   * get in (or a member that took a document over already stored) never block the journal.
   */
  private void storeWithRetry(List<Entry> batch) {
    long pause = 50;
    boolean retrying = false;
    while (true) {
      try {
        store(batch, retrying);
        break;
      } catch (SQLException | RuntimeException e) {
        if (stopping && pause >= MAX_RETRY_PAUSE_MS) {
          LOG.error("Giving up on {} journal entries at shutdown; they were never acknowledged", batch.size(), e);
          return;
        }
        LOG.error("Cannot store {} journal entries; retrying in {} ms (nothing is acknowledged meanwhile)", batch.size(), pause, e);
        try {
          Thread.sleep(pause);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
        pause = Math.min(MAX_RETRY_PAUSE_MS, pause * 2);
        retrying = true;
      }
    }
    // Each applied op is queued on its own; announcing them per document (in the order applied)
    // costs the listener one message and one durable mark per document per commit, not per op.
    Map<String, StoredOps> byDocument = new LinkedHashMap<>();
    for (Entry entry : batch) {
      if (entry instanceof Ops ops) {
        StoredOps stored = byDocument.computeIfAbsent(ops.docId(),
            id -> new StoredOps(id, new ArrayList<>(), new ArrayList<>()));
        stored.ops().addAll(ops.ops());
        stored.deltaJson().addAll(Arrays.asList(ops.json()));
      }
    }
    if (!byDocument.isEmpty()) {
      try {
        listener.stored(List.copyOf(byDocument.values()));
      } catch (RuntimeException e) {
        LOG.error("Could not announce stored ops", e);
      }
    }
  }

  private void store(List<Entry> batch, boolean checkAll) throws SQLException {
    long now = System.currentTimeMillis();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement insertOp = c.prepareStatement(
              "INSERT INTO doc_ops (doc_id, rev, op_id, author, delta, created_at) VALUES (?, ?, ?, ?, ?, ?)");
           PreparedStatement insertSnapshot = c.prepareStatement(
              "INSERT INTO doc_snapshots (doc_id, rev, content, created_at) VALUES (?, ?, ?, ?)")) {
        for (Entry entry : batch) {
          if (entry instanceof Ops ops) {
            Set<Long> existing = ops.mayExist() || checkAll ? storedRevs(c, ops.docId(), ops.ops()) : Set.of();
            for (int i = 0; i < ops.ops().size(); i++) {
              LoggedOp op = ops.ops().get(i);
              String json = ops.json(i);
              if (existing.contains(op.rev())) {
                continue;
              }
              insertOp.setString(1, ops.docId());
              insertOp.setLong(2, op.rev());
              insertOp.setString(3, op.id());
              insertOp.setString(4, op.author());
              insertOp.setString(5, json);
              insertOp.setLong(6, op.at());
              insertOp.addBatch();
            }
          } else if (entry instanceof Snapshot s && !snapshotExists(c, s.docId(), s.snapshot().rev())) {
            insertSnapshot.setString(1, s.docId());
            insertSnapshot.setLong(2, s.snapshot().rev());
            insertSnapshot.setString(3, s.snapshot().deltaJson());
            insertSnapshot.setLong(4, now);
            insertSnapshot.addBatch();
          }
        }
        insertOp.executeBatch();
        insertSnapshot.executeBatch();
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private static Set<Long> storedRevs(Connection c, String docId, List<LoggedOp> ops) throws SQLException {
    Set<Long> revs = new HashSet<>();
    try (PreparedStatement select = c.prepareStatement(
        "SELECT rev FROM doc_ops WHERE doc_id = ? AND rev BETWEEN ? AND ?")) {
      select.setString(1, docId);
      select.setLong(2, ops.get(0).rev());
      select.setLong(3, ops.get(ops.size() - 1).rev());
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          revs.add(rows.getLong(1));
        }
      }
    }
    return revs;
  }

  private static boolean snapshotExists(Connection c, String docId, long rev) throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM doc_snapshots WHERE doc_id = ? AND rev = ?")) {
      select.setString(1, docId);
      select.setLong(2, rev);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next();
      }
    }
  }
}
