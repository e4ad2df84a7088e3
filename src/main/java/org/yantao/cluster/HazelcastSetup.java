package org.yantao.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MapStoreConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.yantao.board.Board;
import org.yantao.board.BoardChanges;
import org.yantao.config.AppConfig;
import org.yantao.report.ReportChanges;
import org.yantao.report.ReportState;
import org.yantao.room.FindingsFigures;
import org.yantao.room.PresenceChanges;
import org.yantao.room.RoomLive;
import org.yantao.room.RoomLiveChanges;
import org.yantao.room.RoomPresence;
import org.yantao.security.AccessGrant;
import org.yantao.security.Invitation;
import org.yantao.store.JdbcDocumentLoader;
import org.yantao.store.JdbcJsonStore;
import org.yantao.text.DocumentJournal;
import org.yantao.text.DocumentProcessors;
import org.yantao.text.DocumentSerializers;
import org.yantao.text.Journaling;
import org.yantao.workshop.JoinCode;
import org.yantao.workshop.Participant;
import org.yantao.workshop.RoomScope;
import org.yantao.workshop.Workshop;
import org.yantao.workshop.WorkshopChanges;

/**
 * Builds the embedded Hazelcast member: Vert.x's own maps, Yantao's maps written through to the
 * database, and explicit serialisers. Alone by default (no multicast, no auto-detection, bound to
 * loopback); with cluster members configured it joins them over TCP.
 */
public final class HazelcastSetup {
  /** Vert.x's cluster manager finds its node id in this member attribute. */
  private static final String VERTX_NODE_ID = "__vertx.nodeId";

  private HazelcastSetup() {}

  public static HazelcastInstance start(AppConfig app, DataSource db, DocumentJournal journal) {
    return Hazelcast.newHazelcastInstance(config(app, db, journal));
  }

  static Config config(AppConfig app, DataSource db, DocumentJournal journal) {
    Config config = new Config();
    vertxStructures(config);
    ConcurrentHashMap<String, Object> userContext = new ConcurrentHashMap<>();
    userContext.put(Journaling.USER_CONTEXT_KEY, journal);
    config.setUserContext(userContext);
    config.setClusterName(app.clusterName());
    config.setInstanceName("yantao-" + UUID.randomUUID());
    config.getMemberAttributeConfig().setAttribute(VERTX_NODE_ID, UUID.randomUUID().toString());
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    // Nobody reads Hazelcast's own metrics here; collecting them costs start-up time and CPU.
    config.getMetricsConfig().setEnabled(false);
    config.setProperty("hazelcast.health.monitoring.level", "OFF");
    String address = app.clustered() ? app.clusterHost() : "127.0.0.1";
    if (address != null) {
      config.setProperty("hazelcast.socket.bind.any", "false");
    }
    network(config.getNetworkConfig(), app, address);

    // Changed and read by processors (RoomScope): kept as objects, a check of one room parses nothing.
    durableMap(config, MapNames.WORKSHOPS, new JdbcJsonStore<>(db, "workshops", Workshop.class, true))
        .setInMemoryFormat(InMemoryFormat.OBJECT);
    durableMap(config, MapNames.PARTICIPANTS, new JdbcJsonStore<>(db, "participants", Participant.class, false));
    durableMap(config, MapNames.ACCESS_TOKENS, new JdbcJsonStore<>(db, "access_tokens", AccessGrant.class, false));
    durableMap(config, MapNames.INVITATIONS, new JdbcJsonStore<>(db, "invitations", Invitation.class, false));
    durableMap(config, MapNames.JOIN_CODES, new JdbcJsonStore<>(db, "join_codes", JoinCode.class, false));
    // Boards change by processors that backups replay; kept as objects, a vote costs no parse.
    durableMap(config, MapNames.BOARDS, new JdbcJsonStore<>(db, "boards", Board.class, false))
        .setInMemoryFormat(InMemoryFormat.OBJECT);
    durableMap(config, MapNames.ROOM_LIVE, new JdbcJsonStore<>(db, "room_live", RoomLive.class, false));
    config.addMapConfig(new MapConfig(MapNames.PRESENCE).setBackupCount(1));

    durableMap(config, MapNames.REPORTS, new JdbcJsonStore<>(db, "reports", ReportState.class, false));

    documentMap(config, new JdbcDocumentLoader(db));

    var compact = config.getSerializationConfig().getCompactSerializationConfig();
    compact.addSerializer(new InsertNew.Serializer());
    DocumentSerializers.all().forEach(compact::addSerializer);
    for (Class<?> type : new Class<?>[] {
        Workshop.class, Participant.class, AccessGrant.class, Invitation.class, JoinCode.class,
        WorkshopChanges.Create.class, WorkshopChanges.Edit.class, WorkshopChanges.AddRooms.class,
        WorkshopChanges.EditRoom.class, WorkshopChanges.DeleteRoom.class, WorkshopChanges.AssignMember.class,
        WorkshopChanges.AddParticipant.class, WorkshopChanges.AddFacilitator.class,
        WorkshopChanges.SubmitRoom.class, WorkshopChanges.WithdrawSubmission.class, RoomScope.class,
        DocumentProcessors.ReadOps.class, WorkshopChanges.AssignBalanced.class,
        RoomLive.class, RoomLiveChanges.SetTimer.class, RoomLiveChanges.RaiseHand.class,
        RoomLiveChanges.LowerHand.class, RoomLiveChanges.SetBroadcast.class,
        RoomPresence.class, PresenceChanges.Outcome.class, PresenceChanges.Arrive.class,
        PresenceChanges.Leave.class, PresenceChanges.DropNode.class,
        FindingsFigures.class, FindingsFigures.Figures.class}) {
      compact.addSerializer(new JsonCompactSerializer<>(type));
    }
    for (Class<?> type : BoardChanges.types()) {
      compact.addSerializer(new JsonCompactSerializer<>(type));
    }
    for (Class<?> type : ReportChanges.types()) {
      compact.addSerializer(new JsonCompactSerializer<>(type));
    }
    return config;
  }

  /**
   * What Vert.x's cluster manager needs, as its bundled default-cluster.xml declares it. Declared
   * here because reading that file validates it against Hazelcast's XML schema, a tenth of start-up.
   */
  private static void vertxStructures(Config config) {
    config.addMultiMapConfig(new MultiMapConfig("__vertx.subs")
        .setBackupCount(1)
        .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
    config.addMapConfig(new MapConfig("__vertx.haInfo").setBackupCount(1));
    config.addMapConfig(new MapConfig("__vertx.nodeInfo").setBackupCount(1));
  }

  /** @param address the one address to bind and announce; null lets Hazelcast choose (clusters on a LAN) */
  private static void network(NetworkConfig network, AppConfig app, String address) {
    network.setPort(app.clusterPort()).setPortAutoIncrement(true).setPortCount(100);
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(app.clustered());
    app.clusterMembers().forEach(join.getTcpIpConfig()::addMember);
    if (address != null) {
      // A lone member has no reason to listen beyond this machine.
      network.getInterfaces().setEnabled(true).addInterface(address);
    }
  }

  /**
   * Documents are kept as live objects (no serialisation per op) and changed by processors that
   * backups replay; ops reach the database through the journal, so the map only loads. Offloading
   * (Hazelcast running each operation in steps on other threads, so that a slow store cannot stall
   * a partition) would cost every keystroke two thread hops to protect a load that happens once.
   */
  private static void documentMap(Config config, JdbcDocumentLoader loader) {
    MapStoreConfig loading = new MapStoreConfig()
        .setEnabled(true)
        .setOffload(false)
        .setImplementation(loader)
        .setInitialLoadMode(MapStoreConfig.InitialLoadMode.LAZY);
    config.addMapConfig(new MapConfig(MapNames.DOCUMENTS)
        .setInMemoryFormat(InMemoryFormat.OBJECT)
        .setBackupCount(1)
        .setMapStoreConfig(loading));
  }

  /** One synchronous backup, and every change stored in the database before it is acknowledged. */
  private static MapConfig durableMap(Config config, String name, JdbcJsonStore<?> store) {
    MapStoreConfig storeConfig = new MapStoreConfig()
        .setEnabled(true)
        .setImplementation(store)
        .setWriteDelaySeconds(0)
        .setInitialLoadMode(MapStoreConfig.InitialLoadMode.EAGER);
    MapConfig map = new MapConfig(name).setBackupCount(1).setMapStoreConfig(storeConfig);
    config.addMapConfig(map);
    return map;
  }
}
