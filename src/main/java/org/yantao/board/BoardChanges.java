package org.yantao.board;

/** The changes a board goes through, each a small value that travels to the key's owner. */
public final class BoardChanges {
  private BoardChanges() {}

  public record Add(String ideaId, String clientId, Person author, String text, String theme, Boolean anonymous, long at)
      implements BoardChange {
    @Override
    public Board.Applied applyTo(Board current) {
      return current.add(ideaId, clientId, author, text, theme, anonymous, at);
    }
  }

  public record Edit(String ideaId, String actorId, boolean staff, String text, boolean setTheme, String theme, long at)
      implements BoardChange {
    @Override
    public Board.Applied applyTo(Board current) {
      return current.edit(ideaId, actorId, staff, text, setTheme, theme, at);
    }
  }

  public record Delete(String ideaId, String actorId, boolean staff) implements BoardChange {
    @Override
    public Board.Applied applyTo(Board current) {
      return current.delete(ideaId, actorId, staff);
    }
  }

  public record Vote(String ideaId, String voterId) implements BoardChange {
    @Override
    public Board.Applied applyTo(Board current) {
      return current.vote(ideaId, voterId);
    }
  }

  public record Unvote(String ideaId, String voterId) implements BoardChange {
    @Override
    public Board.Applied applyTo(Board current) {
      return current.unvote(ideaId, voterId);
    }
  }

  public record ChangeSettings(Integer votesPerParticipant, Boolean stacking, Boolean anonymous) implements BoardChange {
    @Override
    public Board.Applied applyTo(Board current) {
      return current.withSettings(votesPerParticipant, stacking, anonymous);
    }
  }

  /** Every type that travels between members, for the serialiser registry. */
  public static Class<?>[] types() {
    return new Class<?>[] {Board.class, BoardEvent.class, BoardOutcome.class, Add.class, Edit.class, Delete.class, Vote.class,
        Unvote.class, ChangeSettings.class};
  }
}
