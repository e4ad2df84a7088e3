package org.yantao.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every op the simulated participants send, with the local-apply times of the edits composed into
 * it, and every time another participant applies it. All clients share one JVM, so
 * {@link System#nanoTime()} is one clock for authors and receivers alike.
 */
final class EditLedger {
  private record SentOp(long[] editTimes, int expectedDeliveries, AtomicInteger deliveries) {}

  private final Map<String, SentOp> ops = new ConcurrentHashMap<>();
  private final AtomicLong edits = new AtomicLong();
  private final AtomicLong deliveries = new AtomicLong();
  private long[] latencies = new long[1 << 16];
  private int latencyCount;

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
        if (latencyCount == latencies.length) {
          latencies = Arrays.copyOf(latencies, latencies.length * 2);
        }
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

  synchronized long[] sortedLatencies() {
    long[] sorted = Arrays.copyOf(latencies, latencyCount);
    Arrays.sort(sorted);
    return sorted;
  }
}
