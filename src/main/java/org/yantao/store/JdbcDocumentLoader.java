package org.yantao.store;

import com.hazelcast.map.MapLoader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yantao.text.DeltaJson;
import org.yantao.text.DocumentState;
import org.yantao.text.LoggedOp;
import org.yantao.text.RichText;

/**
 * Loads a document into Hazelcast from the database when it is first touched after a restart:
 * the latest snapshot, then the ops stored after it. The recent ops also refill the log and the
 * op ids, so clients that were editing before the restart can still send ops based on old
 * revisions and re-send ops whose acks they lost.
 */
public final class JdbcDocumentLoader implements MapLoader<String, DocumentState> {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcDocumentLoader.class);

  private final DataSource dataSource;

  public JdbcDocumentLoader(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public DocumentState load(String docId) {
    try (Connection c = dataSource.getConnection()) {
      return load(c, docId);
    } catch (SQLException e) {
      throw new StoreException("Cannot load document " + docId, e);
    }
  }

  private DocumentState load(Connection c, String docId) throws SQLException {
    long snapshotRev;
    RichText content;
    try (PreparedStatement select = c.prepareStatement(
        "SELECT rev, content FROM doc_snapshots WHERE doc_id = ? ORDER BY rev DESC LIMIT 1")) {
      select.setString(1, docId);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return null;
        }
        snapshotRev = row.getLong(1);
        content = RichText.of(DeltaJson.parse(row.getString(2)), DocumentState.MAX_LENGTH);
      }
    }
    long from = snapshotRev;
    try (PreparedStatement max = c.prepareStatement("SELECT MAX(rev) FROM doc_ops WHERE doc_id = ?")) {
      max.setString(1, docId);
      try (ResultSet row = max.executeQuery()) {
        if (row.next()) {
          from = Math.min(snapshotRev, Math.max(0, row.getLong(1) - DocumentState.ID_LIMIT));
        }
      }
    }
    ArrayDeque<LoggedOp> log = new ArrayDeque<>();
    Map<String, Long> ids = new LinkedHashMap<>();
    long[] revision = {snapshotRev};
    boolean[] broken = {false};
    DocOpRows.after(c, docId, from, op -> {
      if (broken[0]) {
        return;
      }
      if (op.rev() > snapshotRev) {
        if (op.rev() != revision[0] + 1) {
          LOG.error("Document {} misses revision {} in its stored log; loading up to revision {}", docId,
              revision[0] + 1, revision[0]);
          broken[0] = true;
          return;
        }
        content.apply(op.delta());
        revision[0] = op.rev();
      }
      // The log must be an unbroken run: a transform walks every op since a client's base.
      if (!log.isEmpty() && log.peekLast().rev() != op.rev() - 1) {
        log.clear();
      }
      log.addLast(op);
      if (log.size() > DocumentState.LOG_LIMIT) {
        log.removeFirst();
      }
      ids.put(DocumentState.idKey(op.author(), op.id()), op.rev());
    });
    long rev = revision[0];
    if (!log.isEmpty() && log.peekLast().rev() != rev) {
      log.clear();
    }
    DocumentState state = new DocumentState(docId, content, rev, rev, log, ids);
    // The loader runs on the key's owner; what it loaded is everything stored.
    state.markOwnedHere();
    return state;
  }

  @Override
  public Map<String, DocumentState> loadAll(Collection<String> keys) {
    Map<String, DocumentState> found = new HashMap<>();
    for (String key : keys) {
      DocumentState state = load(key);
      if (state != null) {
        found.put(key, state);
      }
    }
    return found;
  }

  @Override
  public Iterable<String> loadAllKeys() {
    return null;
  }
}
