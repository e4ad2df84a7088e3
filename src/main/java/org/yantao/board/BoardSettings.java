package org.yantao.board;

import org.yantao.error.DomainException;

/**
 * How a room's board works: votes per participant, whether one person may put several votes on
 * one idea, and whether ideas may be (and by default are) anonymous.
 */
public record BoardSettings(int votesPerParticipant, boolean stacking, boolean anonymous) {
  public static final int MIN_VOTES = 1;
  public static final int MAX_VOTES = 50;

  public static BoardSettings defaults() {
    return new BoardSettings(3, false, true);
  }

  /** These settings with the given ones changed; null leaves a setting as it is. */
  public BoardSettings with(Integer votes, Boolean newStacking, Boolean newAnonymous) {
    if (votes != null && (votes < MIN_VOTES || votes > MAX_VOTES)) {
      throw DomainException.invalid("request.invalid", "votesPerParticipant must be from " + MIN_VOTES + " to " + MAX_VOTES);
    }
    return new BoardSettings(votes == null ? votesPerParticipant : votes,
        newStacking == null ? stacking : newStacking,
        newAnonymous == null ? anonymous : newAnonymous);
  }
}
