package org.yantao.bench;

import java.nio.file.Path;

/**
 * What one load run does. A scenario gives the defaults; {@code --name=value} flags override any
 * of them.
 *
 * @param warmup seconds of typing before {@code seconds} of measured typing: the edits of the warm-up
 *     are checked like any other (delivered, converged) but their latencies are left out, so that the
 *     figures describe a running server rather than one still loading and compiling its code
 * @param connections connections each participant opens (as with several tabs); only {@code idle} opens more than one
 * @param url a running server to load, or null to start the packaged jar as a child process
 * @param organiserKey the organiser key of the server at {@code url}; ignored when the jar is started here
 */
record LoadSettings(String scenario, int rooms, int participants, double rate, int seconds, int warmup,
    int connections, boolean chinese, String url, String organiserKey, Path out) {

  static final String USAGE = """
      Usage: LoadGenerator [--scenario=seminar|hot-room|scale|soak|replay|idle] [--rooms=N] [--participants=N]
                           [--rate=EDITS_PER_SECOND] [--seconds=N] [--warmup=SECONDS] [--connections=N]
                           [--chinese] [--url=http://host:port --organiser-key=KEY] [--out=result.json]
        seminar   8 rooms x 10 participants x 5 edits/s for 30 s, after a 30 s warm-up
        hot-room  1 room x 100 participants x 2 edits/s for 30 s, after a 60 s warm-up
        scale     200 rooms x 25 participants x 0.2 edits/s for 30 s, after a 30 s warm-up
        soak      seminar for 10 minutes, sampling the server's memory
        replay    each recorded trace in ../shared/traces typed into a room of its own by one author,
                  at 1000 edits/s, with 5 watchers; --rooms, --seconds and --warmup do not apply
        idle      200 rooms x 25 participants x 4 connections (20,000) that say hello, open their
                  room's findings document and stay idle for 60 s while the server's memory is sampled""";

  static LoadSettings parse(String... args) {
    String scenario = "seminar";
    for (String arg : args) {
      if (arg.startsWith("--scenario=")) {
        scenario = value(arg);
      }
    }
    LoadSettings s = forScenario(scenario);
    for (String arg : args) {
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      s = switch (name) {
        case "--scenario" -> s;
        case "--rooms" -> s.with(Integer.parseInt(value(arg)), s.participants, s.rate, s.seconds, s.warmup, s.connections, s.chinese);
        case "--participants" -> s.with(s.rooms, Integer.parseInt(value(arg)), s.rate, s.seconds, s.warmup, s.connections, s.chinese);
        case "--rate" -> s.with(s.rooms, s.participants, Double.parseDouble(value(arg)), s.seconds, s.warmup, s.connections, s.chinese);
        case "--seconds" -> s.with(s.rooms, s.participants, s.rate, Integer.parseInt(value(arg)), s.warmup, s.connections, s.chinese);
        case "--warmup" -> s.with(s.rooms, s.participants, s.rate, s.seconds, Integer.parseInt(value(arg)), s.connections, s.chinese);
        case "--connections" -> s.with(s.rooms, s.participants, s.rate, s.seconds, s.warmup, Integer.parseInt(value(arg)), s.chinese);
        case "--chinese" -> s.with(s.rooms, s.participants, s.rate, s.seconds, s.warmup, s.connections, true);
        case "--url" -> new LoadSettings(s.scenario, s.rooms, s.participants, s.rate, s.seconds, s.warmup, s.connections, s.chinese, value(arg), s.organiserKey, s.out);
        case "--organiser-key" -> new LoadSettings(s.scenario, s.rooms, s.participants, s.rate, s.seconds, s.warmup, s.connections, s.chinese, s.url, value(arg), s.out);
        case "--out" -> new LoadSettings(s.scenario, s.rooms, s.participants, s.rate, s.seconds, s.warmup, s.connections, s.chinese, s.url, s.organiserKey, Path.of(value(arg)));
        default -> throw new IllegalArgumentException("Unknown flag " + arg + "\n" + USAGE);
      };
    }
    if (s.url != null && s.organiserKey == null) {
      throw new IllegalArgumentException("--url needs --organiser-key to create the workshop\n" + USAGE);
    }
    if (!s.replay() && (s.rooms < 1 || s.seconds < 1) || s.participants < 2 || s.rate <= 0 || s.warmup < 0
        || s.connections < 1) {
      throw new IllegalArgumentException("Needs at least 1 room, 2 participants per room, a positive rate, 1 second,"
          + " no negative warm-up and 1 connection per participant\n" + USAGE);
    }
    return s;
  }

  static LoadSettings forScenario(String scenario) {
    Path out = Path.of("target", "load-" + scenario + ".json");
    return switch (scenario) {
      case "seminar" -> new LoadSettings(scenario, 8, 10, 5, 30, 30, 1, false, null, null, out);
      // The JIT compiles a method fully after some ten thousand calls; the code run once per edit
      // gets there after 12,000 edits, which the other scenarios type within 30 s and this one,
      // at 200 edits/s, only after 60 (docs/benchmarks.md has the recordings).
      case "hot-room" -> new LoadSettings(scenario, 1, 100, 2, 30, 60, 1, false, null, null, out);
      case "scale" -> new LoadSettings(scenario, 200, 25, 0.2, 30, 30, 1, false, null, null, out);
      case "soak" -> new LoadSettings(scenario, 8, 10, 5, 600, 10, 1, false, null, null, out);
      case "replay" -> new LoadSettings(scenario, 0, 6, 1000, 0, 0, 1, false, null, null, out);
      case "idle" -> new LoadSettings(scenario, 200, 25, 1, 60, 0, 4, false, null, null, out);
      default -> throw new IllegalArgumentException("Unknown scenario " + scenario + "\n" + USAGE);
    };
  }

  /** Rooms and duration come from the recorded traces, not from flags. */
  boolean replay() {
    return scenario.equals("replay");
  }

  /** Connections open and stay idle; nobody types. */
  boolean idle() {
    return scenario.equals("idle");
  }

  LoadSettings withRooms(int count) {
    return with(count, participants, rate, seconds, warmup, connections, chinese);
  }

  private LoadSettings with(int rooms, int participants, double rate, int seconds, int warmup, int connections,
      boolean chinese) {
    return new LoadSettings(scenario, rooms, participants, rate, seconds, warmup, connections, chinese, url, organiserKey, out);
  }

  /** Edits each participant types: the rate held for the warm-up and the measured time. */
  int editsPerParticipant() {
    return idle() ? 0 : (int) Math.round(rate * (warmup + seconds));
  }

  long periodMillis() {
    return Math.max(1, Math.round(1000 / rate));
  }

  private static String value(String arg) {
    return arg.substring(arg.indexOf('=') + 1);
  }
}
