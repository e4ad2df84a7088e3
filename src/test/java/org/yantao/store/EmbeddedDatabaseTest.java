package org.yantao.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yantao.testing.TestNode;

/**
 * The embedded database's settings, read back from the running database: a setting in the URL
 * that H2 accepts but does not apply would otherwise go unnoticed.
 */
class EmbeddedDatabaseTest {
  @TempDir
  Path dataDir;

  @Test
  void embeddedDatabaseWritesEveryCommitAndKeepsASmallPageCache() throws Exception {
    try (Database database = Database.open(TestNode.config(dataDir));
         Connection c = database.dataSource().getConnection();
         Statement query = c.createStatement();
         ResultSet settings = query.executeQuery(
             "SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                 + " WHERE SETTING_NAME IN ('info.CACHE_MAX_SIZE', 'WRITE_DELAY')")) {
      Map<String, String> values = new HashMap<>();
      while (settings.next()) {
        values.put(settings.getString(1), settings.getString(2));
      }
      assertThat(values).containsEntry("info.CACHE_MAX_SIZE", "2").containsEntry("WRITE_DELAY", "0");
    }
  }
}
