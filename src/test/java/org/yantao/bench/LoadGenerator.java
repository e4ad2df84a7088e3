package org.yantao.bench;

import com.sun.management.OperatingSystemMXBean;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.yantao.testing.ApiClient;
import org.yantao.testing.RandomEdits;
import org.yantao.testing.ScratchDirectory;
import org.yantao.testing.ServerProcess;
import org.yantao.text.Delta;
import org.yantao.text.EditingTrace;
import org.yantao.text.RichText;

/**
 * Simulates breakout rooms co-editing their findings over the real WebSocket protocol, measures
 * how long each edit takes to reach the other participants of its room, and checks at the end that
 * every participant holds exactly the server's document. See {@link LoadSettings#USAGE}; the
 * command is in docs/benchmarks.md.
 */
public final class LoadGenerator {
  /** How long participants may take to catch up once typing stops before the run counts as failed. */
  private static final Duration CATCH_UP = Duration.ofSeconds(60);
  private static final Duration RSS_SAMPLE_PERIOD = Duration.ofSeconds(5);
  /**
   * The server's JVM options: the collector the Dockerfile uses, Shenandoah, which collects
   * concurrently so that no pause stops every connection at once (G1's young pauses on this shared
   * two-core machine, 20-200 ms by default and still 10-17 ms with a 20 ms goal, set the p99 of the
   * seminar scenario; see docs/benchmarks.md), and the heap limit the figures there were taken with.
   */
  static final List<String> SERVER_JVM = List.of("-Xmx512m", "-XX:+UseShenandoahGC");
  private static final OperatingSystemMXBean GENERATOR_OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private LoadGenerator() {}

  public static void main(String[] args) throws Exception {
    LoadSettings settings;
    try {
      settings = LoadSettings.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    LoadResult result = run(settings);
    System.out.println(result.summary());
    Files.createDirectories(settings.out().toAbsolutePath().getParent());
    Files.writeString(settings.out(), result.toJson().encodePrettily(), StandardCharsets.UTF_8);
    System.out.println("Result written to " + settings.out());
    Path log = Path.of("docs", "benchmarks.md");
    if (Files.exists(log)) {
      BenchmarkLog.append(log, String.join(" ", args), result);
      System.out.println("Row added to " + log + " under \"" + BenchmarkLog.HEADING + "\"");
    }
    System.exit(result.passed() ? 0 : 1);
  }

  /** Runs the load against the server at the settings' URL, or against the packaged jar started here. */
  public static LoadResult run(LoadSettings settings) throws Exception {
    Vertx vertx = Vertx.vertx();
    ServerProcess server = null;
    ScratchDirectory serverData = null;
    try {
      List<EditingTrace> traces = settings.replay() ? traces() : List.of();
      URI url;
      String organiserKey;
      if (settings.url() == null) {
        organiserKey = "load-" + UUID.randomUUID();
        serverData = ScratchDirectory.create("yantao-load");
        server = ServerProcess.start(vertx, Map.of(
            "YANTAO_DATA_DIR", serverData.path().toString(),
            "YANTAO_CLUSTER_NAME", "load-" + UUID.randomUUID(),
            "YANTAO_ORGANISER_KEY", organiserKey), SERVER_JVM);
        url = URI.create("http://127.0.0.1:" + server.port());
      } else {
        url = URI.create(settings.url());
        organiserKey = settings.organiserKey();
      }
      ServerUsage usage = server == null ? null : new ServerUsage(server.pid());
      LoadSettings sized = settings.replay() ? settings.withRooms(traces.size()) : settings;
      return new Run(vertx, sized, url, organiserKey, usage, traces).execute();
    } finally {
      vertx.close().await(30, TimeUnit.SECONDS);
      if (server != null) {
        server.close();
      }
      if (serverData != null) {
        serverData.close();
      }
    }
  }

  /** One run's participants and what they observed. */
  private static final class Run {
    private final Vertx vertx;
    private final LoadSettings settings;
    private final URI url;
    private final String organiserKey;
    private final ServerUsage usage;
    private final EditLedger ledger = new EditLedger();
    private final LoadCounters counters = new LoadCounters();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final List<double[]> rssSamples = new CopyOnWriteArrayList<>();
    private final List<EditingTrace> traces;
    private final WebSocketClient sockets;
    private final WebSocketConnectOptions endpoint;

    Run(Vertx vertx, LoadSettings settings, URI url, String organiserKey, ServerUsage usage, List<EditingTrace> traces) {
      this.traces = traces;
      this.vertx = vertx;
      this.settings = settings;
      this.url = url;
      this.organiserKey = organiserKey;
      this.usage = usage;
      // One client for every participant; its default of 50 connections per server would queue the rest.
      this.sockets = vertx.createWebSocketClient(new WebSocketClientOptions()
          .setMaxConnections(Integer.MAX_VALUE).setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 20));
      this.endpoint = new WebSocketConnectOptions().setHost(url.getHost()).setPort(url.getPort()).setURI("/ws");
    }

    LoadResult execute() throws Exception {
      ApiClient anonymous = ApiClient.create(vertx, url.getHost(), url.getPort());
      List<LoadWorkshop.Room> rooms = LoadWorkshop.create(anonymous.withToken(organiserKey), anonymous,
          settings.rooms(), settings.participants());
      List<List<SimulatedParticipant>> participants = connect(rooms);

      List<String> replayExpected = new ArrayList<>();
      for (int r = 0; r < traces.size(); r++) {
        // Traces start from an empty text at position 0, so they end up in front of the room's theme headings.
        String initial = RichText.of(participants.get(r).get(0).contents().await()).plainText();
        replayExpected.add(traces.get(r).endContent() + initial);
      }
      double cpuBefore = usage == null ? 0 : usage.cpuSeconds();
      long generatorCpuBefore = GENERATOR_OS.getProcessCpuTime();
      long start = System.nanoTime();
      ledger.measureFrom(start + TimeUnit.SECONDS.toNanos(settings.warmup()));
      long sampler = usage == null ? -1 : vertx.setPeriodic(RSS_SAMPLE_PERIOD.toMillis(),
          t -> rssSamples.add(new double[] {(System.nanoTime() - start) / 1e9, usage.rssMiB()}));
      if (settings.idle()) {
        Thread.sleep(TimeUnit.SECONDS.toMillis(settings.seconds()));
      } else {
        type(participants);
      }
      awaitAcknowledged(participants);
      List<Snapshot> server = new ArrayList<>();
      for (LoadWorkshop.Room room : rooms) {
        server.add(serverSnapshot(room));
      }
      awaitRevisions(participants, server);
      double elapsed = (System.nanoTime() - start) / 1e9;
      int mismatches = 0;
      for (int r = 0; r < rooms.size(); r++) {
        mismatches += compare(rooms.get(r), participants.get(r), server.get(r), traces.isEmpty() ? null : replayExpected.get(r));
      }
      vertx.cancelTimer(sampler);
      Double cpu = usage == null ? null : usage.cpuSeconds() - cpuBefore;
      Double peakRss = usage == null ? null : usage.peakRssMiB();
      double generatorCpu = (GENERATOR_OS.getProcessCpuTime() - generatorCpuBefore) / 1e9;
      for (List<SimulatedParticipant> room : participants) {
        Future.all(room.stream().map(SimulatedParticipant::close).toList()).await(30, TimeUnit.SECONDS);
      }
      long lost = ledger.lostDeliveries();
      if (lost > 0) {
        problems.add(lost + " edit deliveries never arrived");
      }
      return new LoadResult(settings, LocalDate.now().toString(), commit(), Runtime.getRuntime().availableProcessors(),
          ledger.edits(), ledger.deliveries(), elapsed, ledger.sortedLatencies(), ledger.p99ByWindow(), counters.errors(),
          counters.disconnects(), lost, ledger.duplicateDeliveries(), rooms.size() * settings.participants() * settings.connections(), mismatches,
          withExamples(problems), cpu, peakRss, List.copyOf(rssSamples), generatorCpu);
    }

    private List<List<SimulatedParticipant>> connect(List<LoadWorkshop.Room> rooms) throws Exception {
      List<List<SimulatedParticipant>> all = new ArrayList<>();
      for (int r = 0; r < rooms.size(); r++) {
        LoadWorkshop.Room room = rooms.get(r);
        List<SimulatedParticipant> inRoom = new ArrayList<>();
        int connections = room.tokens().size() * settings.connections();
        for (int p = 0; p < room.tokens().size(); p++) {
          for (int c = 0; c < settings.connections(); c++) {
            inRoom.add(new SimulatedParticipant(vertx, sockets, endpoint, "r" + r + "p" + p + "c" + c,
                room.tokens().get(p), room.docId(), connections - 1, ledger, counters));
          }
        }
        // A room at a time, so that a large scenario does not open thousands of connections in one burst.
        Future.all(inRoom.stream().map(SimulatedParticipant::connect).toList()).await(60, TimeUnit.SECONDS);
        all.add(inRoom);
      }
      return all;
    }

    private void type(List<List<SimulatedParticipant>> participants) throws Exception {
      RandomEdits.Script script = settings.chinese() ? RandomEdits.Script.CHINESE : RandomEdits.Script.ENGLISH;
      List<Future<Void>> typing = new ArrayList<>();
      int seed = 0;
      for (int r = 0; r < participants.size(); r++) {
        for (int p = 0; p < participants.get(r).size(); p++) {
          SimulatedParticipant participant = participants.get(r).get(p);
          Random random = new Random(++seed);
          if (!settings.replay()) {
            typing.add(participant.type(settings.editsPerParticipant(), settings.periodMillis(), random,
                RandomEdits.next(random, script)));
          } else if (p == 0) {
            // The trace's changes follow one another, so only its own author may type them.
            Iterator<Delta> changes = traces.get(r).changes().iterator();
            typing.add(participant.type(traces.get(r).changes().size(), settings.periodMillis(), random, doc -> changes.next()));
          }
        }
      }
      long longest = settings.replay()
          ? traces.stream().mapToLong(t -> t.changes().size() * settings.periodMillis() / 1000).max().orElse(0)
          : settings.warmup() + settings.seconds();
      Future.all(typing).await(longest + CATCH_UP.toSeconds(), TimeUnit.SECONDS);
    }

    /** Waits until no participant has an edit the server has not acknowledged. */
    private void awaitAcknowledged(List<List<SimulatedParticipant>> participants) throws Exception {
      List<SimulatedParticipant> everyone = participants.stream().flatMap(List::stream).toList();
      long deadline = System.nanoTime() + CATCH_UP.toNanos();
      while (System.nanoTime() < deadline) {
        if (Future.all(everyone.stream().map(SimulatedParticipant::synced).toList()).await()
            .<Boolean>list().stream().allMatch(Boolean::booleanValue)) {
          return;
        }
        Thread.sleep(50);
      }
      problems.add("some participants still had unacknowledged edits after " + CATCH_UP.toSeconds() + " s");
    }

    /** A room's document as the server has it. */
    private record Snapshot(long rev, Delta doc) {}

    /** Opens the room's document afresh, as the organiser. */
    private Snapshot serverSnapshot(LoadWorkshop.Room room) throws Exception {
      SimulatedParticipant reader = new SimulatedParticipant(vertx, sockets, endpoint, "reader-" + room.id(),
          organiserKey, room.docId(), 0, ledger, counters);
      reader.connect().await(30, TimeUnit.SECONDS);
      Snapshot snapshot = new Snapshot(reader.rev().await(), reader.contents().await());
      reader.close().await();
      return snapshot;
    }

    /** Waits until every participant has applied every op its room's server document has. */
    private void awaitRevisions(List<List<SimulatedParticipant>> participants, List<Snapshot> server) throws Exception {
      long deadline = System.nanoTime() + CATCH_UP.toNanos();
      for (int r = 0; r < participants.size(); r++) {
        for (SimulatedParticipant participant : participants.get(r)) {
          while (participant.rev().await() < server.get(r).rev() && System.nanoTime() < deadline) {
            Thread.sleep(20);
          }
        }
      }
    }

    /**
     * Returns how many of the room's participants hold anything but the server's document, plus one
     * if the server's text is not the {@code expected} one (when that is known).
     */
    private int compare(LoadWorkshop.Room room, List<SimulatedParticipant> inRoom, Snapshot server, String expected)
        throws Exception {
      int mismatches = 0;
      if (expected != null && !RichText.of(server.doc()).plainText().equals(expected)) {
        mismatches++;
        problems.add("the server's text in room " + room.id() + " is not the trace's final text");
      }
      for (SimulatedParticipant participant : inRoom) {
        long rev = participant.rev().await();
        if (rev != server.rev() || !participant.contents().await().equals(server.doc())) {
          mismatches++;
          problems.add("a replica in room " + room.id() + " at revision " + rev + " differs from the server's revision "
              + server.rev());
        }
      }
      return mismatches;
    }

    private List<String> withExamples(List<String> problems) {
      List<String> all = new ArrayList<>(problems);
      all.addAll(counters.examples());
      return all;
    }
  }

  /** Every recorded trace in the shared folder beside the checkout. */
  private static List<EditingTrace> traces() throws Exception {
    List<EditingTrace> traces = new ArrayList<>();
    try (var files = Files.list(EditingTrace.directory())) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json.gz")).sorted().toList()) {
        traces.add(EditingTrace.load(file.getFileName().toString().replace(".json.gz", "")));
      }
    }
    if (traces.isEmpty()) {
      throw new IllegalStateException("No traces in " + EditingTrace.directory());
    }
    return traces;
  }

  /**
   * The commit measured, marked "-dirty" when files other than docs/benchmarks.md (which every run
   * adds a row to) have changes not committed; "unknown" outside a git checkout.
   */
  private static String commit() {
    String head = git("rev-parse", "--short", "HEAD");
    String changes = git("status", "--porcelain", "--", ".", ":(exclude)docs/benchmarks.md");
    if (head == null || changes == null) {
      return "unknown";
    }
    return changes.isEmpty() ? head : head + "-dirty";
  }

  private static String git(String... args) {
    try {
      List<String> command = new ArrayList<>(List.of("git"));
      command.addAll(List.of(args));
      Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return git.waitFor() == 0 ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
