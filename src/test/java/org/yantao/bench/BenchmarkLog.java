package org.yantao.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table in docs/benchmarks.md that every run of the generator adds its row to, so that no
 * figure is copied by hand. Rows go at the end of the table under {@link #HEADING}, wherever that
 * section stands in the file; the section and its table are started the first time.
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
      lines.addAll(List.of("", HEADING));
      heading = lines.size() - 1;
    }
    int sectionEnd = heading + 1;
    while (sectionEnd < lines.size() && !lines.get(sectionEnd).startsWith("#")) {
      sectionEnd++;
    }
    int at = heading + 1;
    while (at < sectionEnd && !lines.get(at).startsWith("|")) {
      at++;
    }
    if (at == sectionEnd) {
      // No table yet: start one after the section's text, before the blank lines that end it.
      while (at > heading + 1 && lines.get(at - 1).isBlank()) {
        at--;
      }
      List<String> table = new ArrayList<>(List.of(""));
      table.addAll(TABLE_HEAD);
      lines.addAll(at, table);
      at += table.size();
    } else {
      while (at < sectionEnd && lines.get(at).startsWith("|")) {
        at++;
      }
    }
    lines.add(at, row(arguments, r));
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  static String row(String arguments, LoadResult r) {
    // The organiser key of a server given by URL is a secret: the row names the flag, not the key.
    String shown = arguments.isBlank() ? "(defaults)" : arguments.replaceAll("--organiser-key=\\S+", "--organiser-key=…");
    return String.format(Locale.ROOT, "| %s | %s | %d | `%s` | %.1f / %.1f / %.1f / %.1f | %,.0f | %,.0f | %d / %d | %d | %s | %s | %.1f | %s |",
        r.date(), r.commit(), r.cores(), shown,
        r.latencyMillis(0.5), r.latencyMillis(0.95), r.latencyMillis(0.99), r.latencyMillis(1.0),
        r.edits() / r.elapsedSeconds(), r.deliveries() / r.elapsedSeconds(), r.errors(), r.disconnects(), r.mismatches(),
        r.serverCpuSeconds() == null ? "–" : String.format(Locale.ROOT, "%.1f", r.serverCpuSeconds()),
        r.serverPeakRssMiB() == null ? "–" : String.format(Locale.ROOT, "%.0f MiB", r.serverPeakRssMiB()),
        r.generatorCpuSeconds(), r.passed() ? "passed" : "FAILED");
  }
}
