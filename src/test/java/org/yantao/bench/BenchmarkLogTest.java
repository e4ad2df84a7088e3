package org.yantao.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkLogTest {
  @TempDir
  Path dir;

  private static LoadResult result(int mismatches) {
    return new LoadResult(LoadSettings.forScenario("seminar"), "2026-11-28", "abc1234-dirty", 2, 12_000, 108_000,
        30.0, new long[] {1_000_000, 2_000_000, 3_000_000}, List.of(), 0, 0, 0, 0, 80, mismatches, List.of(),
        38.7, 707.0, List.of(), 20.5);
  }

  @Test
  void aFirstRunStartsTheTableAtTheEndOfTheFile() throws Exception {
    Path file = dir.resolve("benchmarks.md");
    Files.writeString(file, "# Benchmarks\n\nSome text.\n", StandardCharsets.UTF_8);

    BenchmarkLog.append(file, "--scenario=seminar", result(0));

    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    int heading = lines.indexOf(BenchmarkLog.HEADING);
    assertTrue(heading > 2, "the table follows what was there");
    assertTrue(lines.get(heading + 2).startsWith("| date | commit |"));
    String row = lines.get(lines.size() - 1);
    assertTrue(row.startsWith("| 2026-11-28 | abc1234-dirty | 2 | `--scenario=seminar` | 2.0 / 3.0 / 3.0 / 3.0 | 400 | 3,600 |"),
        row);
    assertTrue(row.endsWith("| 707 MiB | 20.5 | passed |"), row);
  }

  @Test
  void inTheProjectsOwnFileTheRowEndsTheGeneratorsTable() throws Exception {
    Path file = dir.resolve("benchmarks.md");
    Files.copy(Path.of("docs", "benchmarks.md"), file);
    List<String> before = Files.readAllLines(file, StandardCharsets.UTF_8);

    BenchmarkLog.append(file, "--scenario=scale", result(0));

    List<String> after = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals(before.size() + 1, after.size(), "one line added, no second table");
    int heading = after.indexOf(BenchmarkLog.HEADING);
    int row = after.indexOf(after.stream().filter(l -> l.contains("`--scenario=scale`") && l.contains("abc1234")).findFirst().orElseThrow());
    assertTrue(row > heading);
    assertTrue(after.get(row - 1).startsWith("|"), "right under the table's last row");
    assertEquals("", after.get(row + 1));
    assertTrue(after.get(row + 2).startsWith("## "), "the next section follows untouched");
  }

  @Test
  void theOrganiserKeyOfAServerGivenByUrlIsNotWrittenDown() {
    String row = BenchmarkLog.row("--scenario=scale --url=http://10.0.0.5:8080 --organiser-key=s3cret-key --rooms=4", result(0));

    assertTrue(row.contains("`--scenario=scale --url=http://10.0.0.5:8080 --organiser-key=… --rooms=4`"), row);
    assertFalse(row.contains("s3cret"), row);
  }

  @Test
  void laterRunsGoAtTheEndOfTheTableEvenWithSectionsAfterIt() throws Exception {
    Path file = dir.resolve("benchmarks.md");
    Files.writeString(file, "# Benchmarks\n", StandardCharsets.UTF_8);
    BenchmarkLog.append(file, "--scenario=seminar", result(0));
    Files.writeString(file, Files.readString(file) + "\n## Another section\n\nText after the table.\n");

    BenchmarkLog.append(file, "", result(3));

    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    int second = lines.indexOf(lines.stream().filter(l -> l.contains("`(defaults)`")).findFirst().orElseThrow());
    assertTrue(lines.get(second - 1).contains("`--scenario=seminar`"), "rows stay in the order run");
    assertTrue(lines.get(second).endsWith("| FAILED |"), "a failed run says so");
    assertEquals("", lines.get(second + 1));
    assertEquals("## Another section", lines.get(second + 2));
  }
}
