package org.yantao.board;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yantao.error.DomainException;

/**
 * A room's idea board at revision {@code rev}. Pure and immutable: every change returns the next
 * board and the event that tells the room about it, or throws a {@link DomainException} and
 * changes nothing. Each change is deterministic in its arguments (ids and times are chosen by the
 * caller), so a backup replaying it reaches the same board.
 *
 * @param recentAdds the last client ids of {@code idea.add}, so that a message sent again (the
 *     answer was lost) adds nothing
 */
public record Board(long rev, BoardSettings settings, List<Idea> ideas, List<RecentAdd> recentAdds) {
  public static final int MAX_TEXT = 500;
  public static final int MAX_IDEAS = 1000;
  static final int RECENT_ADDS = 1000;

  /** Which idea a client's {@code idea.add} created, and at which revision. */
  public record RecentAdd(String author, String clientId, String ideaId, long rev) {}

  /** What a change produced: the next board (this one when nothing changed) and its event. */
  public record Applied(Board board, BoardEvent event) {}

  public Board {
    ideas = List.copyOf(ideas);
    recentAdds = List.copyOf(recentAdds);
  }

  public static Board empty() {
    return new Board(0, BoardSettings.defaults(), List.of(), List.of());
  }

  public int votesUsed(String participantId) {
    return ideas.stream().mapToInt(i -> i.votesOf(participantId)).sum();
  }

  public int votesLeft(String participantId) {
    return Math.max(0, settings.votesPerParticipant() - votesUsed(participantId));
  }

  public int totalVotes() {
    return ideas.stream().mapToInt(Idea::totalVotes).sum();
  }

  public Idea requireIdea(String ideaId) {
    return ideas.stream().filter(i -> i.id().equals(ideaId)).findFirst()
        .orElseThrow(() -> DomainException.notFound("idea.not_found", ideaId));
  }

  /**
   * Adds an idea. {@code anonymous} null means the room's default; asking for anonymity where the
   * room does not allow it is refused rather than silently ignored, so nobody is named unawares.
   */
  public Applied add(String ideaId, String clientId, Person author, String text, String theme, Boolean anonymous, long at) {
    for (RecentAdd recent : recentAdds) {
      if (recent.author().equals(author.id()) && recent.clientId().equals(clientId)) {
        Idea existing = ideas.stream().filter(i -> i.id().equals(recent.ideaId())).findFirst()
            .orElseThrow(() -> DomainException.notFound("idea.not_found", recent.ideaId()));
        return new Applied(this, new BoardEvent(BoardEvent.Kind.ALREADY_ADDED, recent.rev(), existing.id(), existing,
            settings, clientId, Map.of()));
      }
    }
    String clean = cleanText(text);
    boolean hidden = anonymous == null ? settings.anonymous() : anonymous;
    if (hidden && !settings.anonymous()) {
      throw DomainException.invalid("idea.anonymous_off");
    }
    if (ideas.size() >= MAX_IDEAS) {
      throw DomainException.conflict("idea.too_many", MAX_IDEAS);
    }
    Idea idea = new Idea(ideaId, clean, theme, author, hidden, Map.of(), at, at);
    List<Idea> nextIdeas = new ArrayList<>(ideas);
    nextIdeas.add(idea);
    List<RecentAdd> nextAdds = new ArrayList<>(recentAdds);
    nextAdds.add(new RecentAdd(author.id(), clientId, ideaId, rev + 1));
    if (nextAdds.size() > RECENT_ADDS) {
      nextAdds.subList(0, nextAdds.size() - RECENT_ADDS).clear();
    }
    Board next = new Board(rev + 1, settings, nextIdeas, nextAdds);
    return new Applied(next, new BoardEvent(BoardEvent.Kind.ADDED, next.rev(), ideaId, idea, settings, clientId, Map.of()));
  }

  /**
   * Changes an idea's text and/or theme: its author may, and staff (facilitators, organisers).
   *
   * @param text the new text, null to keep it
   * @param setTheme whether to change the theme (to {@code theme}, which may be null for none)
   */
  public Applied edit(String ideaId, String actorId, boolean staff, String text, boolean setTheme, String theme, long at) {
    Idea idea = requireIdea(ideaId);
    requireMayChange(idea, actorId, staff);
    String newText = text == null ? idea.text() : cleanText(text);
    return updated(idea.edited(newText, setTheme ? theme : idea.theme(), at));
  }

  /** Removes an idea; the votes on it go back to their voters. */
  public Applied delete(String ideaId, String actorId, boolean staff) {
    Idea idea = requireIdea(ideaId);
    requireMayChange(idea, actorId, staff);
    List<Idea> rest = ideas.stream().filter(i -> !i.id().equals(ideaId)).toList();
    Board next = new Board(rev + 1, settings, rest, recentAdds);
    Map<String, Integer> left = new HashMap<>();
    idea.voters().forEach(voter -> left.put(voter, next.votesLeft(voter)));
    return new Applied(next, new BoardEvent(BoardEvent.Kind.DELETED, next.rev(), ideaId, null, settings, null, left));
  }

  /** One more vote from {@code voterId}; at most one per idea unless stacking is on. */
  public Applied vote(String ideaId, String voterId) {
    Idea idea = requireIdea(ideaId);
    if (!settings.stacking() && idea.votesOf(voterId) > 0) {
      throw DomainException.conflict("vote.duplicate", ideaId);
    }
    if (votesLeft(voterId) <= 0) {
      throw DomainException.conflict("vote.limit", settings.votesPerParticipant());
    }
    return votedBy(idea.withVote(voterId, 1), voterId);
  }

  /** Takes back one of {@code voterId}'s votes on the idea. */
  public Applied unvote(String ideaId, String voterId) {
    Idea idea = requireIdea(ideaId);
    if (idea.votesOf(voterId) == 0) {
      throw DomainException.conflict("vote.none", ideaId);
    }
    return votedBy(idea.withVote(voterId, -1), voterId);
  }

  /** New settings; votes already cast stay, even above a lowered limit (no votes are left then). */
  public Applied withSettings(Integer votesPerParticipant, Boolean stacking, Boolean anonymous) {
    BoardSettings nextSettings = settings.with(votesPerParticipant, stacking, anonymous);
    Board next = new Board(rev + 1, nextSettings, ideas, recentAdds);
    Map<String, Integer> left = new HashMap<>();
    ideas.forEach(i -> i.voters().forEach(voter -> left.put(voter, next.votesLeft(voter))));
    return new Applied(next, new BoardEvent(BoardEvent.Kind.SETTINGS, next.rev(), null, null, nextSettings, null, left));
  }

  private Applied votedBy(Idea changed, String voterId) {
    Board next = replace(changed);
    return new Applied(next, new BoardEvent(BoardEvent.Kind.UPDATED, next.rev(), changed.id(), changed, settings, null,
        Map.of(voterId, next.votesLeft(voterId))));
  }

  private Applied updated(Idea changed) {
    Board next = replace(changed);
    return new Applied(next, new BoardEvent(BoardEvent.Kind.UPDATED, next.rev(), changed.id(), changed, settings, null, Map.of()));
  }

  private Board replace(Idea changed) {
    List<Idea> next = ideas.stream().map(i -> i.id().equals(changed.id()) ? changed : i).toList();
    return new Board(rev + 1, settings, next, recentAdds);
  }

  private static void requireMayChange(Idea idea, String actorId, boolean staff) {
    if (!staff && !idea.author().id().equals(actorId)) {
      throw DomainException.forbidden("idea.forbidden", idea.id());
    }
  }

  /** Text as stored: trimmed, 1 to 500 characters (a character outside the BMP counts once). */
  static String cleanText(String text) {
    String clean = text == null ? "" : text.strip();
    int length = clean.codePointCount(0, clean.length());
    if (length < 1 || length > MAX_TEXT) {
      throw DomainException.invalid("idea.text_invalid", MAX_TEXT);
    }
    return clean;
  }
}
