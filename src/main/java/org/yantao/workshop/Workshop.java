package org.yantao.workshop;

import java.util.List;
import java.util.Optional;
import org.yantao.error.DomainException;

/**
 * A workshop and everything that changes with it: its themes, rooms and who sits where. Kept as one
 * value so that moving a participant between rooms is a single change on a single key.
 */
public record Workshop(
    String id,
    String title,
    String description,
    List<Theme> themes,
    String joinCode,
    boolean open,
    List<Room> rooms,
    List<String> participants,
    long createdAt,
    long updatedAt) {

  public static final int MAX_ROOMS = 200;

  public Workshop {
    themes = List.copyOf(themes);
    rooms = List.copyOf(rooms);
    participants = List.copyOf(participants);
  }

  public Optional<Room> room(String roomId) {
    return rooms.stream().filter(r -> r.id().equals(roomId)).findFirst();
  }

  public Room requireRoom(String roomId) {
    return room(roomId).orElseThrow(() -> DomainException.notFound("room.not_found", roomId));
  }

  public Optional<Room> roomOf(String participantId) {
    return rooms.stream().filter(r -> r.members().contains(participantId)).findFirst();
  }

  public List<Room> facilitatedBy(String participantId) {
    return rooms.stream().filter(r -> r.facilitators().contains(participantId)).toList();
  }

  /** Resolves a theme reference (id or name) to the theme's id. */
  public String themeId(String reference) {
    return themes.stream().filter(t -> t.answersTo(reference)).map(Theme::id).findFirst()
        .orElseThrow(() -> DomainException.invalid("room.theme_unknown", reference));
  }

  Workshop with(String newTitle, String newDescription, List<Theme> newThemes, boolean newOpen, long now) {
    return new Workshop(id, newTitle, newDescription, newThemes, joinCode, newOpen, rooms, participants, createdAt, now);
  }

  Workshop withRooms(List<Room> newRooms, long now) {
    return new Workshop(id, title, description, themes, joinCode, open, newRooms, participants, createdAt, now);
  }

  /**
   * This workshop with only the given room (none if it has no such room or none is named) and an
   * empty list of participants: what a check about one room needs.
   */
  public Workshop scopedTo(String roomId) {
    List<Room> only = room(roomId).map(List::of).orElse(List.of());
    return new Workshop(id, title, description, themes, joinCode, open, only, List.of(), createdAt, updatedAt);
  }

  Workshop withParticipants(List<String> newParticipants, long now) {
    return new Workshop(id, title, description, themes, joinCode, open, rooms, newParticipants, createdAt, now);
  }
}
