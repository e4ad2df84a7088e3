package org.yantao.room;

import org.yantao.error.DomainException;

/**
 * A room's countdown, kept as instants of the server's clock so that every node and every screen
 * derives the same remaining time: a running timer ends at {@code endsAt}; a paused one keeps what
 * was left in {@code pausedRemainingMs}. It is finished once the server's clock passes {@code endsAt}.
 *
 * @param durationMs the time set when it started plus every extension
 */
public record Timer(long durationMs, Long endsAt, Long pausedRemainingMs) {

  public enum State { RUNNING, PAUSED, FINISHED }

  public State state(long now) {
    if (pausedRemainingMs != null) {
      return State.PAUSED;
    }
    return now >= endsAt ? State.FINISHED : State.RUNNING;
  }

  public long remainingMs(long now) {
    return switch (state(now)) {
      case PAUSED -> pausedRemainingMs;
      case RUNNING -> endsAt - now;
      case FINISHED -> 0;
    };
  }

  /**
   * The timer after {@code action} at {@code now}; null once stopped. A change that makes no sense
   * in the current state (pausing a timer that is not running, ...) is refused with a 409.
   */
  public static Timer next(Timer current, TimerAction action, long ms, long now) {
    if (action == TimerAction.START) {
      if (current != null && current.state(now) != State.FINISHED) {
        throw DomainException.conflict("timer.running");
      }
      return new Timer(ms, now + ms, null);
    }
    if (current == null) {
      throw DomainException.conflict("timer.none");
    }
    State state = current.state(now);
    return switch (action) {
      case PAUSE -> {
        if (state != State.RUNNING) {
          throw DomainException.conflict("timer.not_running");
        }
        yield new Timer(current.durationMs, null, current.endsAt - now);
      }
      case RESUME -> {
        if (state != State.PAUSED) {
          throw DomainException.conflict("timer.not_paused");
        }
        yield new Timer(current.durationMs, now + current.pausedRemainingMs, null);
      }
      case EXTEND -> switch (state) {
        case RUNNING -> new Timer(current.durationMs + ms, current.endsAt + ms, null);
        case PAUSED -> new Timer(current.durationMs + ms, null, current.pausedRemainingMs + ms);
        case FINISHED -> new Timer(current.durationMs + ms, now + ms, null);
      };
      case STOP -> null;
      case START -> throw new IllegalStateException("handled above");
    };
  }
}
