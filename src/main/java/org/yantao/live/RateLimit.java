package org.yantao.live;

/**
 * A token bucket per connection. Over the rate a message is refused with an error; a client that
 * keeps sending long after being refused is flooding, and its connection is closed.
 */
final class RateLimit {
  private final double perSecond;
  private final double burst;
  private final int floodAfter;
  private double tokens;
  private long last;
  private int refusedInARow;

  RateLimit(double perSecond, double burst, int floodAfter) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.floodAfter = floodAfter;
    this.tokens = burst;
    this.last = System.nanoTime();
  }

  enum Verdict { ALLOW, REFUSE, FLOOD }

  Verdict take() {
    long now = System.nanoTime();
    tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      refusedInARow = 0;
      return Verdict.ALLOW;
    }
    return ++refusedInARow > floodAfter ? Verdict.FLOOD : Verdict.REFUSE;
  }
}
