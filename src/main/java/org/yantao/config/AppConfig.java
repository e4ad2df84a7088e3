package org.yantao.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Yantao can be told at start-up, read once from environment variables (flags such as
 * {@code --port=9090} mirror them). Every key has its default here and a line in the README.
 */
public record AppConfig(
    String host,
    int port,
    Path dataDir,
    String dbUrl,
    String dbUser,
    String dbPassword,
    String organiserKey,
    String publicUrl,
    String clusterName,
    List<String> clusterMembers,
    int clusterPort,
    String clusterHost,
    Path cjkFont) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_DATA_DIR = "./data";
  public static final String DEFAULT_CLUSTER_NAME = "yantao";
  public static final int DEFAULT_CLUSTER_PORT = 5701;

  public AppConfig {
    clusterMembers = List.copyOf(clusterMembers);
  }

  /** Reads the environment, letting {@code --name=value} flags override {@code YANTAO_NAME}. */
  public static AppConfig load(Map<String, String> env, String... args) {
    Map<String, String> values = new HashMap<>(env);
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("Unknown argument " + arg + " (expected --name=value)");
      }
      String name = arg.substring(2, arg.indexOf('='));
      values.put("YANTAO_" + name.toUpperCase().replace('-', '_'), arg.substring(arg.indexOf('=') + 1));
    }
    Settings s = new Settings(values);
    Path dataDir = Path.of(s.text("YANTAO_DATA_DIR", DEFAULT_DATA_DIR)).toAbsolutePath().normalize();
    return new AppConfig(
        s.text("YANTAO_HOST", DEFAULT_HOST),
        s.number("YANTAO_PORT", DEFAULT_PORT),
        dataDir,
        s.text("YANTAO_DB_URL", h2Url(dataDir)),
        s.text("YANTAO_DB_USER", "yantao"),
        s.text("YANTAO_DB_PASSWORD", ""),
        s.text("YANTAO_ORGANISER_KEY", null),
        s.text("YANTAO_PUBLIC_URL", null),
        s.text("YANTAO_CLUSTER_NAME", DEFAULT_CLUSTER_NAME),
        s.list("YANTAO_CLUSTER_MEMBERS"),
        s.number("YANTAO_CLUSTER_PORT", DEFAULT_CLUSTER_PORT),
        s.text("YANTAO_CLUSTER_HOST", null),
        Optional.ofNullable(s.text("YANTAO_CJK_FONT", null)).map(Path::of).orElse(null));
  }

  /**
   * The embedded database: one H2 file in the data directory, written through on every commit.
   * The page cache is 2 MB instead of H2's 16: H2 caches every page it writes, and a commit writes
   * some 23 KB of pages (hundreds of commits a second when every batch of ops was committed, before
   * the op log), so a large cache only kept those pages alive long enough for a generational
   * collector to copy them (see docs/benchmarks.md). Reads are rare: the cluster's maps hold what
   * is in use.
   */
  public static String h2Url(Path dataDir) {
    return "jdbc:h2:file:" + dataDir.resolve("yantao") + ";WRITE_DELAY=0;CACHE_SIZE=2048;MODE=PostgreSQL";
  }

  public boolean usesPostgres() {
    return dbUrl.startsWith("jdbc:postgresql:");
  }

  public boolean clustered() {
    return !clusterMembers.isEmpty();
  }

  public AppConfig withCluster(String name, List<String> members, int memberPort) {
    return new AppConfig(host, port, dataDir, dbUrl, dbUser, dbPassword, organiserKey, publicUrl,
        name, members, memberPort, clusterHost, cjkFont);
  }

  /** Binds and announces the cluster member on this address only (e.g. 127.0.0.1 for one-machine clusters). */
  public AppConfig withClusterHost(String address) {
    return new AppConfig(host, port, dataDir, dbUrl, dbUser, dbPassword, organiserKey, publicUrl,
        clusterName, clusterMembers, clusterPort, address, cjkFont);
  }

  public AppConfig withDatabase(String url, String user, String password) {
    return new AppConfig(host, port, dataDir, url, user, password, organiserKey, publicUrl,
        clusterName, clusterMembers, clusterPort, clusterHost, cjkFont);
  }

  public AppConfig withOrganiserKey(String key) {
    return new AppConfig(host, port, dataDir, dbUrl, dbUser, dbPassword, key, publicUrl,
        clusterName, clusterMembers, clusterPort, clusterHost, cjkFont);
  }

  private record Settings(Map<String, String> values) {
    String text(String key, String fallback) {
      String value = values.get(key);
      return value == null || value.isBlank() ? fallback : value.trim();
    }

    int number(String key, int fallback) {
      String value = text(key, null);
      if (value == null) {
        return fallback;
      }
      try {
        return Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(key + " must be a whole number, not '" + value + "'");
      }
    }

    List<String> list(String key) {
      String value = text(key, null);
      return value == null ? List.of()
          : Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }
  }
}
