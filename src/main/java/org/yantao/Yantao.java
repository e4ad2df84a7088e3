package org.yantao;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yantao.board.BoardRoutes;
import org.yantao.board.BoardService;
import org.yantao.cluster.HazelcastSetup;
import org.yantao.cluster.MapNames;
import org.yantao.config.AppConfig;
import org.yantao.config.OrganiserKey;
import org.yantao.http.ApiVerticle;
import org.yantao.http.HealthRoutes;
import org.yantao.live.DocumentFanout;
import org.yantao.live.LiveEndpoint;
import org.yantao.report.ExportRoutes;
import org.yantao.report.ReportRoutes;
import org.yantao.report.ReportService;
import org.yantao.report.export.CjkFonts;
import org.yantao.room.ConsoleService;
import org.yantao.room.PresenceJanitor;
import org.yantao.room.RoomRoutes;
import org.yantao.room.RoomService;
import org.yantao.security.AccessTokens;
import org.yantao.security.Authenticator;
import org.yantao.store.Database;
import org.yantao.store.JdbcDocumentJournal;
import org.yantao.text.DocumentState;
import org.yantao.workshop.AssignmentRoutes;
import org.yantao.workshop.ParticipantRoutes;
import org.yantao.workshop.ParticipantService;
import org.yantao.workshop.WorkshopRoutes;
import org.yantao.workshop.WorkshopService;

/**
 * One running Yantao node. Starts config → database → Hazelcast → Vert.x → HTTP, and stops in the
 * reverse order so that nothing accepted is left half-written: stop accepting, finish writes,
 * leave the cluster, close the database.
 */
public final class Yantao implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Yantao.class);
  private static final long STOP_TIMEOUT_SECONDS = 20;
  /** HTTP and WebSocket event loops: one per core. */
  private static final int EVENT_LOOPS = Runtime.getRuntime().availableProcessors();

  private final AppConfig config;
  private final String organiserKey;
  private final Database database;
  private final JdbcDocumentJournal journal;
  private final HazelcastInstance hazelcast;
  private final Vertx vertx;
  private final int port;

  private Yantao(AppConfig config, String organiserKey, Database database, JdbcDocumentJournal journal,
      HazelcastInstance hazelcast, Vertx vertx, int port) {
    this.config = config;
    this.organiserKey = organiserKey;
    this.database = database;
    this.journal = journal;
    this.hazelcast = hazelcast;
    this.vertx = vertx;
    this.port = port;
  }

  /** Starts a node and returns once it serves HTTP. */
  public static Yantao start(AppConfig config) throws Exception {
    long begin = System.nanoTime();
    String organiserKey = OrganiserKey.resolve(config);
    Database database = Database.connect(config);
    // Alone with its own database, a node keeps an op log in front of it (cheaper per batch than a
    // commit); cluster members share the database, which must then hold every stored op itself.
    boolean alone = !config.clustered() && !config.usesPostgres();
    JdbcDocumentJournal journal = new JdbcDocumentJournal(database.dataSource(),
        alone ? config.dataDir().resolve("oplog") : null);
    HazelcastInstance hazelcast = null;
    Vertx vertx = null;
    // Independent and each about a second on a cold JVM: the schema, the member, the API contract.
    ExecutorService starters = Executors.newFixedThreadPool(2, r -> new Thread(r, "yantao-start"));
    try {
      Future<?> migrated = starters.submit(() -> {
        database.migrate();
        LOG.info("Database {} ready ({} ms)", database.productName(), elapsedMs(begin));
        return null;
      });
      Future<OpenAPIContract> contract = starters.submit(() -> {
        OpenAPIContract loaded = ApiVerticle.loadContract();
        LOG.info("API contract checked ({} ms)", elapsedMs(begin));
        return loaded;
      });
      hazelcast = HazelcastSetup.start(config, database.dataSource(), journal);
      LOG.info("Hazelcast member up, {} in the cluster ({} ms)", hazelcast.getCluster().getMembers().size(), elapsedMs(begin));
      migrated.get();
      vertx = Vertx.builder()
          .with(new VertxOptions())
          .withClusterManager(new HazelcastClusterManager(hazelcast))
          .buildClustered()
          .await(60, TimeUnit.SECONDS);
      LOG.info("Vert.x joined the cluster ({} ms)", elapsedMs(begin));

      Clock clock = Clock.systemUTC();
      WorkshopService workshops = new WorkshopService(vertx, hazelcast.getMap(MapNames.WORKSHOPS),
          hazelcast.getMap(MapNames.JOIN_CODES), clock);
      AccessTokens tokens = new AccessTokens(hazelcast.getMap(MapNames.ACCESS_TOKENS));
      ParticipantService participants = new ParticipantService(vertx, workshops,
          hazelcast.getMap(MapNames.PARTICIPANTS), hazelcast.getMap(MapNames.INVITATIONS), tokens, clock);

      IMap<String, DocumentState> documents = hazelcast.getMap(MapNames.DOCUMENTS);
      journal.start(new DocumentFanout(vertx.eventBus(), documents));
      Authenticator authenticator = new Authenticator(organiserKey, tokens);
      BoardService boards = new BoardService(vertx.eventBus(), hazelcast.getMap(MapNames.BOARDS), workshops, clock);
      RoomService rooms = new RoomService(vertx, clock, workshops, participants, hazelcast.getMap(MapNames.ROOM_LIVE),
          hazelcast.getMap(MapNames.PRESENCE), documents, hazelcast.getCluster().getLocalMember().getUuid().toString());
      hazelcast.getCluster().addMembershipListener(new PresenceJanitor(rooms));
      ConsoleService console = new ConsoleService(rooms, documents, boards);
      ReportService reports = new ReportService(vertx, clock, workshops, participants, boards, documents,
          hazelcast.getMap(MapNames.REPORTS));

      List<Consumer<RouterBuilder>> features = List.of(
          new HealthRoutes(vertx, hazelcast, database)::mount,
          new WorkshopRoutes(workshops, rooms)::mount,
          new ParticipantRoutes(workshops, participants)::mount,
          new AssignmentRoutes(workshops, participants, rooms)::mount,
          new RoomRoutes(workshops, rooms, console)::mount,
          new BoardRoutes(boards)::mount,
          new ReportRoutes(reports)::mount,
          new ExportRoutes(vertx, reports, boards, CjkFonts.configuredOrSystem(config.cjkFont()), ZoneId.systemDefault())::mount);
      // One HTTP verticle per core, each on its own event loop, so that connections (spread over them
      // by Vert.x) use every core. Live sessions keep their state on their event loop, so each
      // instance has its own live endpoint and hubs. Vert.x shares a port between the instances;
      // an ephemeral port is shared only when asked for as a negative number.
      OpenAPIContract checked = contract.get();
      Vertx node = vertx;
      int listenPort = config.port() == 0 ? -1 : config.port();
      List<ApiVerticle> instances = new CopyOnWriteArrayList<>();
      Supplier<ApiVerticle> api = () -> {
        ApiVerticle instance = new ApiVerticle(checked, config.host(), listenPort, authenticator, features,
            List.of(new LiveEndpoint(node, clock, authenticator, participants, workshops, documents, boards, rooms)::mount));
        instances.add(instance);
        return instance;
      };
      vertx.deployVerticle(api, new DeploymentOptions().setInstances(EVENT_LOOPS)).await(60, TimeUnit.SECONDS);
      int port = instances.get(0).actualPort();
      return new Yantao(config, organiserKey, database, journal, hazelcast, vertx, port);
    } catch (Exception e) {
      closeQuietly(vertx, hazelcast, journal, database);
      throw e;
    } finally {
      starters.shutdown();
    }
  }

  private static long elapsedMs(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }

  public int port() {
    return port;
  }

  public String organiserKey() {
    return organiserKey;
  }

  public HazelcastInstance hazelcast() {
    return hazelcast;
  }

  public Vertx vertx() {
    return vertx;
  }

  public AppConfig config() {
    return config;
  }

  @Override
  public void close() {
    closeQuietly(vertx, hazelcast, journal, database);
  }

  /**
   * Vert.x first (no new requests or ops), then Hazelcast, which hands this member's documents to
   * the others before it leaves, then the journal, which stores what it still holds.
   */
  private static void closeQuietly(Vertx vertx, HazelcastInstance hazelcast, JdbcDocumentJournal journal, Database database) {
    if (vertx != null) {
      try {
        vertx.close().await(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.warn("Vert.x did not stop cleanly", e);
      }
    }
    if (hazelcast != null) {
      hazelcast.shutdown();
    }
    journal.close();
    database.close();
  }
}
