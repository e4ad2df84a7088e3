package org.yantao.store;

import com.hazelcast.map.MapStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Writes one Hazelcast map through to one table of {@code (id, body, updated_at)} rows, the body
 * being the value's JSON. Hazelcast calls it on the owner of the key before the change is
 * acknowledged (write-through), so what a caller was told is stored is in the database.
 * Only the owner writes a key, so an update-then-insert needs no upsert syntax and runs the same
 * on H2 and PostgreSQL.
 */
public final class JdbcJsonStore<V> implements MapStore<String, V> {
  private static final int IN_LIST_CHUNK = 500;

  private final DataSource dataSource;
  private final String table;
  private final Class<V> type;
  private final boolean preload;

  /**
   * @param preload whether every row is loaded at start (small tables that are listed as a whole);
   *     otherwise rows are loaded on first access.
   */
  public JdbcJsonStore(DataSource dataSource, String table, Class<V> type, boolean preload) {
    this.dataSource = dataSource;
    this.table = table;
    this.type = type;
    this.preload = preload;
  }

  @Override
  public void store(String key, V value) {
    storeAll(Map.of(key, value));
  }

  @Override
  public void storeAll(Map<String, V> entries) {
    long now = System.currentTimeMillis();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement update = c.prepareStatement("UPDATE " + table + " SET body = ?, updated_at = ? WHERE id = ?");
           PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " (id, body, updated_at) VALUES (?, ?, ?)")) {
        for (Map.Entry<String, V> e : entries.entrySet()) {
          String body = StoredJson.write(e.getValue());
          update.setString(1, body);
          update.setLong(2, now);
          update.setString(3, e.getKey());
          if (update.executeUpdate() == 0) {
            insert.setString(1, e.getKey());
            insert.setString(2, body);
            insert.setLong(3, now);
            insert.executeUpdate();
          }
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("Cannot write " + table, e);
    }
  }

  @Override
  public void delete(String key) {
    deleteAll(List.of(key));
  }

  @Override
  public void deleteAll(Collection<String> keys) {
    try (Connection c = dataSource.getConnection();
         PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
      c.setAutoCommit(false);
      for (String key : keys) {
        delete.setString(1, key);
        delete.addBatch();
      }
      delete.executeBatch();
      c.commit();
    } catch (SQLException e) {
      throw new StoreException("Cannot delete from " + table, e);
    }
  }

  @Override
  public V load(String key) {
    return loadAll(List.of(key)).get(key);
  }

  @Override
  public Map<String, V> loadAll(Collection<String> keys) {
    Map<String, V> found = new HashMap<>();
    List<String> all = new ArrayList<>(keys);
    try (Connection c = dataSource.getConnection()) {
      for (int from = 0; from < all.size(); from += IN_LIST_CHUNK) {
        List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_LIST_CHUNK));
        String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
        try (PreparedStatement select = c.prepareStatement("SELECT id, body FROM " + table + " WHERE id IN (" + marks + ")")) {
          for (int i = 0; i < chunk.size(); i++) {
            select.setString(i + 1, chunk.get(i));
          }
          try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              found.put(rows.getString(1), StoredJson.read(rows.getString(2), type));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new StoreException("Cannot read " + table, e);
    }
    return found;
  }

  @Override
  public Iterable<String> loadAllKeys() {
    if (!preload) {
      return null;
    }
    List<String> keys = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
         PreparedStatement select = c.prepareStatement("SELECT id FROM " + table);
         ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        keys.add(rows.getString(1));
      }
    } catch (SQLException e) {
      throw new StoreException("Cannot list " + table, e);
    }
    return keys;
  }
}
