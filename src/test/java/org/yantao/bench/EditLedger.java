package org.yantao.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every op the simulated participants send, with the local-apply times of the edits composed into
 * it, and every time another participant applies it. All clients share one JVM, so
 * {@link System#nanoTime()} is one clock for authors and receivers alike.
 */
final class EditLedger {
  private static final int WINDOW_SECONDS = 1;

  private record SentOp(long[] editTimes, int expectedDeliveries, AtomicInteger deliveries) {}

  private final Map<String, SentOp> ops = new ConcurrentHashMap<>();
  private final AtomicLong edits = new AtomicLong();
  private final AtomicLong deliveries = new AtomicLong();
  private long[] latencies = new long[1 << 16];
  private long[] latencyEditTimes = new long[1 << 16];
  private int latencyCount;
  private volatile long measureFrom = Long.MIN_VALUE;

  /** Edits made before {@code nanoTime} (the warm-up) are checked for delivery but their latencies are not kept. */
  void measureFrom(long nanoTime) {
    measureFrom = nanoTime;
  }

  /** An op about to be sent under {@code opId}, holding edits applied locally at {@code editTimes}. */
  void sent(String opId, long[] editTimes, int otherParticipants) {
    ops.put(opId, new SentOp(editTimes, otherParticipants, new AtomicInteger()));
    edits.addAndGet(editTimes.length);
  }

  /** Another participant applied op {@code opId} at {@code appliedAt}: one delivery per edit in it. */
  void delivered(String opId, long appliedAt) {
    SentOp op = ops.get(opId);
    if (op == null) {
      return;
    }
    op.deliveries().incrementAndGet();
    deliveries.addAndGet(op.editTimes().length);
    synchronized (this) {
      for (long editTime : op.editTimes()) {
        if (editTime < measureFrom) {
          continue;
        }
        if (latencyCount == latencies.length) {
          latencies = Arrays.copyOf(latencies, latencies.length * 2);
          latencyEditTimes = Arrays.copyOf(latencyEditTimes, latencies.length);
        }
        latencyEditTimes[latencyCount] = editTime;
        latencies[latencyCount++] = appliedAt - editTime;
      }
    }
  }

  long edits() {
    return edits.get();
  }

  long deliveries() {
    return deliveries.get();
  }

  /** Edit deliveries that never happened: for each op, its edits times the participants that never applied it. */
  long lostDeliveries() {
    return ops.values().stream()
        .mapToLong(op -> (long) op.editTimes().length * Math.max(0, op.expectedDeliveries() - op.deliveries().get()))
        .sum();
  }

  /** Ops applied more often than there are other participants: the server sent something twice. */
  long duplicateDeliveries() {
    return ops.values().stream().filter(op -> op.deliveries().get() > op.expectedDeliveries()).count();
  }

  /**
   * The p99 latency (ms) of the edits made in each {@value #WINDOW_SECONDS}-second window of the
   * measured time, as [seconds since the measurement began, p99]: shows whether the tail is spread
   * over the run or comes from a few moments (a collection, a slow commit).
   */
  synchronized List<double[]> p99ByWindow() {
    long first = measureFrom == Long.MIN_VALUE ? Long.MAX_VALUE : measureFrom;
    for (int i = 0; i < latencyCount; i++) {
      first = Math.min(first, latencyEditTimes[i]);
    }
    TreeMap<Long, List<Long>> windows = new TreeMap<>();
    for (int i = 0; i < latencyCount; i++) {
      long window = (latencyEditTimes[i] - first) / TimeUnit.SECONDS.toNanos(WINDOW_SECONDS);
      windows.computeIfAbsent(window, w -> new ArrayList<>()).add(latencies[i]);
    }
    List<double[]> p99s = new ArrayList<>();
    windows.forEach((window, values) -> {
      Collections.sort(values);
      long p99 = values.get(Math.max(0, (int) Math.ceil(0.99 * values.size()) - 1));
      p99s.add(new double[] {window * WINDOW_SECONDS, p99 / 1e6});
    });
    return p99s;
  }

  synchronized long[] sortedLatencies() {
    long[] sorted = Arrays.copyOf(latencies, latencyCount);
    Arrays.sort(sorted);
    return sorted;
  }
}
