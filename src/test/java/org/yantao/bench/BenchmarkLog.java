package org.yantao.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The table in docs/benchmarks.md that every run of the generator adds its row to, so that no
 * figure is copied by hand. Rows go at the end of that table, wherever it stands in the file; the
 * table is started at the end of the file the first time.
 */
final class BenchmarkLog {
  static final String HEADING = "### Every run, as the generator recorded it";
  private static final List<String> TABLE_HEAD = List.of(
      "| date | commit | cores | arguments | p50 / p95 / p99 / max (ms) | edits/s | deliveries/s"
          + " | errors / disconnects | mismatches | server CPU s | server peak RSS | generator CPU s | result |",
      "|---|---|---|---|---|---|---|---|---|---|---|---|---|");

  private BenchmarkLog() {}

  static void append(Path file, String arguments, LoadResult r) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    int heading = lines.indexOf(HEADING);
    if (heading < 0) {
      lines.addAll(List.of("", HEADING, ""));
      heading = lines.size() - 2;
    }
    int end = heading + 1;
    while (end < lines.size() && lines.get(end).isBlank()) {
      end++;
    }
    if (end == lines.size() || !lines.get(end).startsWith("|")) {
      lines.addAll(end, TABLE_HEAD);
    }
    while (end < lines.size() && lines.get(end).startsWith("|")) {
      end++;
    }
    lines.add(end, row(arguments, r));
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  static String row(String arguments, LoadResult r) {
    return String.format("| %s | %s | %d | `%s` | %.1f / %.1f / %.1f / %.1f | %,.0f | %,.0f | %d / %d | %d | %s | %s | %.1f | %s |",
        r.date(), r.commit(), r.cores(), arguments.isBlank() ? "(defaults)" : arguments,
        r.latencyMillis(0.5), r.latencyMillis(0.95), r.latencyMillis(0.99), r.latencyMillis(1.0),
        r.edits() / r.elapsedSeconds(), r.deliveries() / r.elapsedSeconds(), r.errors(), r.disconnects(), r.mismatches(),
        r.serverCpuSeconds() == null ? "–" : String.format("%.1f", r.serverCpuSeconds()),
        r.serverPeakRssMiB() == null ? "–" : String.format("%.0f MiB", r.serverPeakRssMiB()),
        r.generatorCpuSeconds(), r.passed() ? "passed" : "FAILED");
  }
}
