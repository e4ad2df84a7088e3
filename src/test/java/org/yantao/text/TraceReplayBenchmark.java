package org.yantao.text;

import java.io.IOException;
import java.util.List;

/**
 * Measures how many single edits per second {@link RichText} sustains on the automerge-paper
 * trace: one warm-up replay, then three measured ones.
 */
public final class TraceReplayBenchmark {

  private static final int MEASURED_RUNS = 3;

  private TraceReplayBenchmark() {
  }

  public static void main(String[] args) throws IOException {
    EditingTrace trace = EditingTrace.load(EditingTrace.AUTOMERGE_PAPER);
    List<Delta> changes = trace.changes();
    Delta start = Delta.insert(trace.startContent());
    System.out.printf("trace %s: %d edits, final length %d%n",
        trace.name(), changes.size(), trace.endContent().length());

    replay(start, changes, trace.endContent());
    for (int run = 1; run <= MEASURED_RUNS; run++) {
      long nanos = replay(start, changes, trace.endContent());
      System.out.printf("run %d: %.1f ms, %.0f edits/s%n",
          run, nanos / 1e6, changes.size() / (nanos / 1e9));
    }
  }

  private static long replay(Delta start, List<Delta> changes, String expected) {
    long begin = System.nanoTime();
    RichText text = RichText.of(start);
    for (Delta change : changes) {
      text.apply(change);
    }
    long elapsed = System.nanoTime() - begin;
    if (!text.plainText().equals(expected)) {
      throw new IllegalStateException("replay did not reproduce the trace's final content");
    }
    return elapsed;
  }
}
