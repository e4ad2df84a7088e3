package org.yantao.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.yantao.Yantao;

/**
 * Members of one cluster in this JVM, on loopback, sharing one H2 database (embedded H2 shares a
 * database within a JVM, as machines would share PostgreSQL). Returns once every partition has
 * its backup, so a test that takes a member away starts from a cluster that can lose one.
 */
public final class InJvmCluster {
  private InJvmCluster() {}

  public static List<Yantao> start(Path dataDir, String organiserKey, int size) throws Exception {
    String clusterName = "test-cluster-" + UUID.randomUUID();
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      ports.add(Ports.free());
    }
    List<String> addresses = ports.stream().map(p -> "127.0.0.1:" + p).toList();
    List<Yantao> members = new ArrayList<>();
    for (int port : ports) {
      members.add(Yantao.start(TestNode.config(dataDir).withOrganiserKey(organiserKey)
          .withCluster(clusterName, addresses, port).withClusterHost("127.0.0.1")));
    }
    Poll.until(() -> members.stream().allMatch(m -> m.hazelcast().getCluster().getMembers().size() == size), 60);
    Poll.until(() -> members.stream().allMatch(m -> m.hazelcast().getPartitionService().isClusterSafe()), 60);
    return members;
  }
}
