package org.yantao.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.vertx.core.Vertx;
import org.yantao.Yantao;
import org.yantao.config.AppConfig;

/**
 * A Yantao node running inside the test JVM: an ephemeral HTTP port, the given data directory, and
 * a Hazelcast cluster of its own (random name, no joins) so that test classes never see each other.
 */
public final class TestNode implements AutoCloseable {
  private final Yantao node;
  /** The data directory, when this node made it and removes it on close; null when it was given. */
  private final ScratchDirectory scratch;

  private TestNode(Yantao node, ScratchDirectory scratch) {
    this.node = node;
    this.scratch = scratch;
  }

  /** A node on the embedded H2 database in a directory of its own, removed when the node closes. */
  public static TestNode startInScratch(String prefix) throws Exception {
    ScratchDirectory scratch = ScratchDirectory.create(prefix);
    try {
      return new TestNode(Yantao.start(config(scratch.path())), scratch);
    } catch (Exception | Error e) {
      scratch.close();
      throw e;
    }
  }

  /** A node on the embedded H2 database in {@code dataDir}. */
  public static TestNode start(Path dataDir) throws Exception {
    return start(config(dataDir));
  }

  /** A node on any configuration, e.g. {@link #config} with another database or organiser key. */
  public static TestNode start(AppConfig config) throws Exception {
    return new TestNode(Yantao.start(config), null);
  }

  /** What a test node runs with unless told otherwise: port 0, H2 in {@code dataDir}, a private cluster. */
  public static AppConfig config(Path dataDir) {
    return AppConfig.load(Map.of("YANTAO_DATA_DIR", dataDir.toString(), "YANTAO_PORT", "0"))
        .withCluster("test-" + UUID.randomUUID(), List.of(), AppConfig.DEFAULT_CLUSTER_PORT);
  }

  public int port() {
    return node.port();
  }

  public String organiserKey() {
    return node.organiserKey();
  }

  public Yantao yantao() {
    return node;
  }

  /** A client for this node without credentials; see {@link ApiClient#withToken}. */
  public ApiClient client(Vertx vertx) {
    return ApiClient.create(vertx, "127.0.0.1", port());
  }

  /** A client that signs in as the organiser. */
  public ApiClient organiser(Vertx vertx) {
    return client(vertx).withToken(organiserKey());
  }

  @Override
  public void close() {
    node.close();
    if (scratch != null) {
      scratch.close();
    }
  }
}
