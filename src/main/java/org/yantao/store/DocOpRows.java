package org.yantao.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;
import org.yantao.text.DeltaJson;
import org.yantao.text.LoggedOp;

/** Reads a document's stored ops, oldest first. */
final class DocOpRows {
  private DocOpRows() {}

  static void after(Connection c, String docId, long afterRev, Consumer<LoggedOp> each) throws SQLException {
    try (PreparedStatement ops = c.prepareStatement(
        "SELECT rev, op_id, author, delta, created_at FROM doc_ops WHERE doc_id = ? AND rev > ? ORDER BY rev")) {
      ops.setString(1, docId);
      ops.setLong(2, afterRev);
      try (ResultSet row = ops.executeQuery()) {
        while (row.next()) {
          each.accept(new LoggedOp(row.getLong(1), row.getString(2), row.getString(3), "",
              DeltaJson.parse(row.getString(4)), row.getLong(5)));
        }
      }
    }
  }
}
