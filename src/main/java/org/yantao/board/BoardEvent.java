package org.yantao.board;

import java.util.Map;

/**
 * What one change did to a board, as it travels to every node showing it. Each node renders it per
 * receiver: their own votes on the idea, and their votes left if the change touched them.
 *
 * @param idea the idea as it is now (added or updated), null otherwise
 * @param clientId the client's id of an added idea, answered to the connection that sent it
 * @param votesLeft for every participant whose votes left changed (after a settings change: everyone
 *     who has voted; others have the full number), their votes left now
 */
public record BoardEvent(
    Kind kind,
    long rev,
    String ideaId,
    Idea idea,
    BoardSettings settings,
    String clientId,
    Map<String, Integer> votesLeft) {

  public enum Kind {
    ADDED,
    /** An {@code idea.add} sent again: nothing changed; {@code rev} is that of the first add. */
    ALREADY_ADDED,
    UPDATED,
    DELETED,
    SETTINGS
  }

  public BoardEvent {
    votesLeft = Map.copyOf(votesLeft);
  }

  /** Whether the board changed, so every screen showing it must hear of it. */
  public boolean changed() {
    return kind != Kind.ALREADY_ADDED;
  }

  /** The votes a participant has left after this change, if it changed them. */
  public Integer votesLeftOf(String participantId) {
    return votesLeft.get(participantId);
  }
}
