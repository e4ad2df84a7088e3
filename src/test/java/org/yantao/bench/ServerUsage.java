package org.yantao.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and memory of the server process, read from Linux's {@code /proc}. */
record ServerUsage(long pid) {
  /** {@code /proc/<pid>/stat} counts CPU time in USER_HZ ticks, which Linux fixes at 100 a second for user space. */
  private static final double TICKS_PER_SECOND = 100;

  /** User plus system CPU seconds used so far. */
  double cpuSeconds() {
    String stat = read("stat");
    // The command name in parentheses may contain spaces; the numbered fields start after it.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long utime = Long.parseLong(fields[11]);
    long stime = Long.parseLong(fields[12]);
    return (utime + stime) / TICKS_PER_SECOND;
  }

  /** The largest resident set the process has had (VmHWM). */
  double peakRssMiB() {
    return statusKiB("VmHWM:") / 1024.0;
  }

  double rssMiB() {
    return statusKiB("VmRSS:") / 1024.0;
  }

  private long statusKiB(String field) {
    for (String line : read("status").split("\n")) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
      }
    }
    throw new IllegalStateException("No " + field + " in /proc/" + pid + "/status");
  }

  private String read(String file) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(pid), file));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read /proc/" + pid + "/" + file + " (is the server still running?)", e);
    }
  }
}
