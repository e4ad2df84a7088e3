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
  /** Refusals since the bucket was last at least half full, i.e. since the client last slowed down. */
  private int refusedSinceRecovered;

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
      // A flooder is let through one message per refilled token; only a bucket that recovered
      // shows the client slowed down. Resetting on every allowed message would never close a flood.
      if (tokens >= burst / 2) {
        refusedSinceRecovered = 0;
      }
      return Verdict.ALLOW;
    }
    return ++refusedSinceRecovered > floodAfter ? Verdict.FLOOD : Verdict.REFUSE;
  }
}
