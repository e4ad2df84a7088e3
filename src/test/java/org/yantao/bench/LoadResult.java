package org.yantao.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The figures of one load run. Latency is from an author applying an edit locally to another
 * participant of the room applying it, over every edit and every such participant.
 *
 * @param p99ByWindow [seconds into the measured time, p99 ms of the edits made in the second from then]
 * @param serverCpuSeconds CPU the server used while the participants typed and caught up; null for a server at a URL
 * @param serverPeakRssMiB the server's largest resident set over its life; null for a server at a URL
 * @param serverRssSamples seconds since typing began and the server's resident MiB then
 * @param generatorCpuSeconds CPU this generator used over the same time: where it rivals the
 *     server's on a small machine, the latencies measure the generator as much as the server
 */
record LoadResult(LoadSettings settings, String date, String commit, int cores, long edits, long deliveries,
    double elapsedSeconds, long[] sortedLatencyNanos, List<double[]> p99ByWindow, long errors, long disconnects, long lostDeliveries,
    long duplicateDeliveries, int replicas, int mismatches, List<String> problems, Double serverCpuSeconds,
    Double serverPeakRssMiB, List<double[]> serverRssSamples, double generatorCpuSeconds) {

  /** A run fails when a replica differs from the server or an edit never reached someone. */
  boolean passed() {
    return mismatches == 0 && lostDeliveries == 0 && duplicateDeliveries == 0;
  }

  double latencyMillis(double quantile) {
    if (sortedLatencyNanos.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(quantile * sortedLatencyNanos.length);
    return sortedLatencyNanos[Math.max(0, rank - 1)] / 1e6;
  }

  JsonObject toJson() {
    JsonArray windows = new JsonArray();
    p99ByWindow.forEach(w -> windows.add(new JsonArray().add(w[0]).add(w[1])));
    JsonArray samples = new JsonArray();
    serverRssSamples.forEach(s -> samples.add(new JsonArray().add(s[0]).add(s[1])));
    return new JsonObject()
        .put("scenario", settings.scenario())
        .put("date", date)
        .put("commit", commit)
        .put("cores", cores)
        .put("rooms", settings.rooms())
        .put("participantsPerRoom", settings.participants())
        .put("editsPerSecondPerParticipant", settings.rate())
        .put("seconds", settings.seconds())
        .put("warmupSeconds", settings.warmup())
        .put("connectionsPerParticipant", settings.connections())
        .put("chinese", settings.chinese())
        .put("server", settings.url() == null ? "child process" : settings.url())
        .put("latencyMs", new JsonObject()
            .put("samples", sortedLatencyNanos.length)
            .put("p50", latencyMillis(0.50))
            .put("p95", latencyMillis(0.95))
            .put("p99", latencyMillis(0.99))
            .put("max", latencyMillis(1.0))
            .put("p99BySecond", windows))
        .put("edits", edits)
        .put("deliveries", deliveries)
        .put("elapsedSeconds", elapsedSeconds)
        .put("editsPerSecond", edits / elapsedSeconds)
        .put("deliveriesPerSecond", deliveries / elapsedSeconds)
        .put("errors", errors)
        .put("disconnects", disconnects)
        .put("lostDeliveries", lostDeliveries)
        .put("duplicateDeliveries", duplicateDeliveries)
        .put("replicas", replicas)
        .put("mismatches", mismatches)
        .put("problems", new JsonArray(problems))
        .put("serverCpuSeconds", serverCpuSeconds)
        .put("serverPeakRssMiB", serverPeakRssMiB)
        .put("serverRssMiBSamples", samples)
        .put("generatorCpuSeconds", generatorCpuSeconds)
        .put("passed", passed());
  }

  /** Every second's p99 for a short run; for a long one (a soak) the spread, the list being in the JSON. */
  private String p99BySecondText() {
    List<Double> p99s = p99ByWindow.stream().map(w -> w[1]).toList();
    if (p99s.size() <= 60) {
      return p99s.stream().map(p -> String.format("%.0f", p)).toList().toString();
    }
    List<Double> sorted = p99s.stream().sorted().toList();
    return String.format("%.0f to %.0f, median %.0f, over 15 ms in %d of %d seconds", sorted.get(0),
        sorted.get(sorted.size() - 1), sorted.get(sorted.size() / 2), p99s.stream().filter(p -> p > 15).count(), p99s.size());
  }

  String summary() {
    return String.format("""
        %s: %d rooms x %d participants x %s edits/s %s%s%s
          latency ms   p50 %.1f  p95 %.1f  p99 %.1f  max %.1f  (%d samples)  p99 by second: %s
          edits        %d (%.1f/s)   deliveries %d (%.1f/s)   over %.1f s
          errors %d   disconnects %d   lost deliveries %d   duplicate deliveries %d
          replicas %d   mismatches %d
          server CPU %s s   peak RSS %s MiB   generator CPU %.1f s
          %s""",
        settings.scenario(), settings.rooms(), settings.participants(), settings.rate(),
        settings.replay() ? "by one author per room" : "for " + settings.seconds() + " s",
        settings.warmup() > 0 ? " after a " + settings.warmup() + " s warm-up (not measured)" : "",
        settings.chinese() ? " (Chinese IME commits)" : "",
        latencyMillis(0.5), latencyMillis(0.95), latencyMillis(0.99), latencyMillis(1.0), sortedLatencyNanos.length,
        p99BySecondText(),
        edits, edits / elapsedSeconds, deliveries, deliveries / elapsedSeconds, elapsedSeconds,
        errors, disconnects, lostDeliveries, duplicateDeliveries, replicas, mismatches,
        serverCpuSeconds == null ? "n/a" : String.format("%.1f", serverCpuSeconds),
        serverPeakRssMiB == null ? "n/a" : String.format("%.0f", serverPeakRssMiB), generatorCpuSeconds,
        passed() ? "PASSED" : "FAILED " + problems);
  }
}
