package org.yantao.testing;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.yantao.config.AppConfig;

/**
 * A fresh schema on the PostgreSQL server that {@code .ci/run} provides (YANTAO_TEST_PG_*), dropped
 * again on close. Outside CI, without that server, the test using it is skipped; in CI it fails.
 */
public record PostgresSchema(String url, String user, String password, String schema) implements AutoCloseable {

  public static PostgresSchema create(String purpose) throws Exception {
    String url = System.getenv("YANTAO_TEST_PG_URL");
    if (url == null || url.isBlank()) {
      String ci = System.getenv("CI");
      if (ci != null && !ci.isBlank()) {
        fail("YANTAO_TEST_PG_URL is not set: CI must run the PostgreSQL tests (see .ci/run)");
      }
      Assumptions.abort("YANTAO_TEST_PG_URL is not set; PostgreSQL test skipped outside CI");
    }
    String user = System.getenv("YANTAO_TEST_PG_USER");
    String password = System.getenv("YANTAO_TEST_PG_PASSWORD");
    String schema = purpose + "_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    return new PostgresSchema(url, user, password, schema);
  }

  public String urlInSchema() {
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  public AppConfig configure(AppConfig config) {
    return config.withDatabase(urlInSchema(), user, password);
  }

  /** The same database settings for a server started as a process. */
  public Map<String, String> settings() {
    return Map.of("YANTAO_DB_URL", urlInSchema(), "YANTAO_DB_USER", user, "YANTAO_DB_PASSWORD", password);
  }

  @Override
  public void close() throws Exception {
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }
}
