package org.yantao.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.yantao.config.AppConfig;

/** The durable record: a pooled JDBC connection to H2 (embedded) or PostgreSQL, migrated on open. */
public final class Database implements AutoCloseable {
  private final HikariDataSource dataSource;
  private final String productName;

  private Database(HikariDataSource dataSource, String productName) {
    this.dataSource = dataSource;
    this.productName = productName;
  }

  /** Connects and migrates. */
  public static Database open(AppConfig config) throws Exception {
    Database database = connect(config);
    try {
      database.migrate();
      return database;
    } catch (Exception e) {
      database.close();
      throw e;
    }
  }

  /** A pool that connects on first use; {@link #migrate()} before storing anything. */
  public static Database connect(AppConfig config) throws Exception {
    if (!config.usesPostgres()) {
      Files.createDirectories(config.dataDir());
    }
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(config.dbUrl());
    pool.setUsername(config.dbUser());
    pool.setPassword(config.dbPassword());
    pool.setMaximumPoolSize(8);
    pool.setPoolName("yantao-db");
    pool.setInitializationFailTimeout(10_000);
    return new Database(new HikariDataSource(pool), config.usesPostgres() ? "PostgreSQL" : "H2");
  }

  /** Brings the schema up to date (Flyway migrations in db/migration). */
  public void migrate() {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public String productName() {
    return productName;
  }

  /** A cheap round trip, for the health endpoint. */
  public boolean reachable() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }


  @Override
  public void close() {
    dataSource.close();
  }
}
