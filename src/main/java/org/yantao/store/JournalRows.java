package org.yantao.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.yantao.text.LoggedOp;

/** Writes journal entries as rows of {@code doc_ops} and {@code doc_snapshots}, all in one transaction. */
final class JournalRows {
  private JournalRows() {}

  /**
   * @param checkAll skip every row that is already stored (a retry after a failure, or a replay
   *     of the op log), not only those of entries marked {@code mayExist}
   */
  static void write(DataSource dataSource, List<JournalEntry> entries, boolean checkAll) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement insertOp = c.prepareStatement(
              "INSERT INTO doc_ops (doc_id, rev, op_id, author, delta, created_at) VALUES (?, ?, ?, ?, ?, ?)");
           PreparedStatement insertSnapshot = c.prepareStatement(
              "INSERT INTO doc_snapshots (doc_id, rev, content, created_at) VALUES (?, ?, ?, ?)")) {
        for (JournalEntry entry : entries) {
          if (entry instanceof JournalEntry.Ops ops) {
            Set<Long> existing = ops.mayExist() || checkAll ? storedRevs(c, ops.docId(), ops.ops()) : Set.of();
            for (int i = 0; i < ops.ops().size(); i++) {
              LoggedOp op = ops.ops().get(i);
              if (existing.contains(op.rev())) {
                continue;
              }
              insertOp.setString(1, ops.docId());
              insertOp.setLong(2, op.rev());
              insertOp.setString(3, op.id());
              insertOp.setString(4, op.author());
              insertOp.setString(5, ops.json(i));
              insertOp.setLong(6, op.at());
              insertOp.addBatch();
            }
          } else if (entry instanceof JournalEntry.Snapshot s && !snapshotExists(c, s.docId(), s.snapshot().rev())) {
            insertSnapshot.setString(1, s.docId());
            insertSnapshot.setLong(2, s.snapshot().rev());
            insertSnapshot.setString(3, s.snapshot().deltaJson());
            insertSnapshot.setLong(4, s.at());
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
