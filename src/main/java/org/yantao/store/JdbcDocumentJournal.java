package org.yantao.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yantao.text.DocumentJournal;
import org.yantao.text.DocumentSnapshot;
import org.yantao.text.LoggedOp;

/**
 * Makes applied ops durable with group commit: one writer thread takes everything queued since
 * its last commit, stores it in one transaction (or, on a node alone with its database, one write
 * to the {@link OpLog}), and only then tells the listener, which acknowledges and fans the ops
 * out. A burst of a hundred keystrokes costs one commit, not a hundred; an op never reaches anyone
 * before it is stored.
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

  private final DataSource dataSource;
  private final Path opLogDir;
  private final LinkedBlockingQueue<JournalEntry> queue = new LinkedBlockingQueue<>();
  private volatile Listener listener;
  private volatile boolean stopping;
  private Thread writer;
  private OpLog opLog;

  /** Stores every batch in the database itself: for a cluster, whose members share the database. */
  public JdbcDocumentJournal(DataSource dataSource) {
    this(dataSource, null);
  }

  /**
   * @param opLogDir where to keep an {@link OpLog} in front of the database, for a node that is
   *     alone with its database; null to store every batch in the database itself
   */
  public JdbcDocumentJournal(DataSource dataSource, Path opLogDir) {
    this.dataSource = dataSource;
    this.opLogDir = opLogDir;
  }

  @Override
  public void append(String docId, List<LoggedOp> ops, boolean mayExist) {
    queue.add(new JournalEntry.Ops(docId, ops, mayExist));
  }

  @Override
  public void snapshot(String docId, DocumentSnapshot snapshot) {
    queue.add(new JournalEntry.Snapshot(docId, snapshot, System.currentTimeMillis()));
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

  /**
   * Starts storing; entries queued before this (the member may own documents early) wait. With an
   * op log, first copies into the database what a killed process left in it, so call this before
   * anything reads documents.
   */
  public synchronized void start(Listener storedListener) throws IOException, SQLException {
    if (opLogDir != null) {
      opLog = OpLog.open(opLogDir, dataSource);
    }
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
    queue.add(new JournalEntry.Stop());
    try {
      writer.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    writer = null;
    if (opLog != null) {
      opLog.close();
    }
  }

  private void run() {
    List<JournalEntry> batch = new ArrayList<>();
    while (true) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        return;
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      boolean stop = batch.removeIf(e -> e instanceof JournalEntry.Stop);
      stopping |= stop;
      if (!batch.isEmpty()) {
        storeWithRetry(batch);
      }
      batch.clear();
      if (stop) {
        if (queue.isEmpty()) {
          return;
        }
        queue.add(new JournalEntry.Stop());
      }
    }
  }

  /**
   * A failed batch is retried with every op checked against what is stored, so that rows that did
   * get in (or a member that took a document over already stored) never block the journal.
   */
  private void storeWithRetry(List<JournalEntry> batch) {
    long pause = 50;
    boolean retrying = false;
    while (true) {
      try {
        if (opLog != null) {
          opLog.write(batch);
        } else {
          JournalRows.write(dataSource, batch, retrying);
        }
        break;
      } catch (IOException | SQLException | RuntimeException e) {
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
    for (JournalEntry entry : batch) {
      if (entry instanceof JournalEntry.Ops ops) {
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
}
