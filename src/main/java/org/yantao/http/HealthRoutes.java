package org.yantao.http;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import org.yantao.store.Database;

/** {@code GET /api/health}: UP when this node's Hazelcast member runs and the database answers. */
public final class HealthRoutes {
  private final Vertx vertx;
  private final HazelcastInstance hazelcast;
  private final Database database;

  public HealthRoutes(Vertx vertx, HazelcastInstance hazelcast, Database database) {
    this.vertx = vertx;
    this.hazelcast = hazelcast;
    this.database = database;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("getHealth").addHandler(this::health);
  }

  private void health(RoutingContext ctx) {
    vertx.executeBlocking(database::reachable).onComplete(db -> {
      boolean dbUp = db.succeeded() && db.result();
      boolean clusterUp = hazelcast.getLifecycleService().isRunning();
      boolean up = dbUp && clusterUp;
      Responses.json(ctx, up ? 200 : 503, new JsonObject()
          .put("status", up ? "UP" : "DOWN")
          .put("members", clusterUp ? hazelcast.getCluster().getMembers().size() : 0)
          // What an operator checks before stopping another member (a rolling restart).
          .put("clusterSafe", clusterUp && hazelcast.getPartitionService().isClusterSafe())
          .put("database", database.productName() + (dbUp ? " UP" : " DOWN")));
    });
  }
}
