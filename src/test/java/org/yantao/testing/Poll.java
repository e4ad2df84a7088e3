package org.yantao.testing;

import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline, instead of sleeping a guessed time. */
public final class Poll {
  private Poll() {}

  public static void until(BooleanSupplier condition, int seconds) {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Condition not met within " + seconds + " s");
      }
      Thread.onSpinWait();
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted while waiting", e);
      }
    }
  }
}
