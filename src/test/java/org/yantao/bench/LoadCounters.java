package org.yantao.bench;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Failures seen by the simulated participants: error messages from the server and dropped connections. */
final class LoadCounters {
  /** Enough examples to diagnose a run without flooding the result file. */
  private static final int KEPT_EXAMPLES = 10;

  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong disconnects = new AtomicLong();
  private final List<String> examples = new CopyOnWriteArrayList<>();

  void error(String description) {
    errors.incrementAndGet();
    if (examples.size() < KEPT_EXAMPLES) {
      examples.add(description);
    }
  }

  void disconnected(String participant) {
    disconnects.incrementAndGet();
    if (examples.size() < KEPT_EXAMPLES) {
      examples.add(participant + " lost its connection");
    }
  }

  long errors() {
    return errors.get();
  }

  long disconnects() {
    return disconnects.get();
  }

  List<String> examples() {
    return List.copyOf(examples);
  }
}
