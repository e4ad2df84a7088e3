package org.yantao.board;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One idea on a board. {@code votes} counts each participant's votes on it; it never leaves the
 * server as such (clients see the total and their own count), so nobody learns who voted.
 */
public record Idea(
    String id,
    String text,
    String theme,
    Person author,
    boolean anonymous,
    Map<String, Integer> votes,
    long createdAt,
    long updatedAt) {

  public Idea {
    votes = Map.copyOf(votes);
  }

  public int totalVotes() {
    return votes.values().stream().mapToInt(Integer::intValue).sum();
  }

  public int votesOf(String participantId) {
    return votes.getOrDefault(participantId, 0);
  }

  public List<String> voters() {
    return List.copyOf(votes.keySet());
  }

  Idea edited(String newText, String newTheme, long at) {
    return new Idea(id, newText, newTheme, author, anonymous, votes, createdAt, at);
  }

  /** One vote more ({@code +1}) or less ({@code -1}) from a participant. */
  Idea withVote(String participantId, int change) {
    Map<String, Integer> next = new HashMap<>(votes);
    int mine = votesOf(participantId) + change;
    if (mine == 0) {
      next.remove(participantId);
    } else {
      next.put(participantId, mine);
    }
    return new Idea(id, text, theme, author, anonymous, next, createdAt, updatedAt);
  }
}
