package org.yantao.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.yantao.board.Board;
import org.yantao.board.BoardAccess;
import org.yantao.board.BoardChange;
import org.yantao.board.BoardChanges;
import org.yantao.board.BoardEvent;
import org.yantao.board.BoardJson;
import org.yantao.board.BoardService;
import org.yantao.board.Person;
import org.yantao.error.DomainException;
import org.yantao.security.Caller;
import org.yantao.workshop.Room;
import org.yantao.workshop.Workshop;

/**
 * One connection's side of the idea boards ({@code board.*} and {@code idea.*} messages, see
 * docs/protocol.md): the boards it opened, and every change to them delivered in revision order.
 * Rights are checked against the workshop as it is when each message arrives, so a closed room or
 * a participant moved elsewhere stops writing at once. Runs on the live verticle's event loop.
 */
final class BoardChannel {
  /** How long a change may be overtaken by a later one before the board is sent afresh. */
  private static final long GAP_WAIT_MS = 1000;

  private final LiveServices services;
  private final String connectionId;
  private final Consumer<String> send;
  private final BiConsumer<Throwable, String> fail;
  private final Map<String, View> views = new HashMap<>();

  BoardChannel(LiveServices services, String connectionId, Consumer<String> send, BiConsumer<Throwable, String> fail) {
    this.services = services;
    this.connectionId = connectionId;
    this.send = send;
    this.fail = fail;
  }

  void receive(String type, JsonNode message, Caller caller, Identity identity) {
    String roomId = MessageFields.id(message, "room");
    switch (type) {
      case "board.open" -> open(roomId, MessageFields.optionalId(message, "workshop"), caller, MessageFields.optionalId(message, "id"));
      case "board.close" -> close(roomId);
      case "idea.add" -> add(roomId, message, caller, identity);
      case "idea.edit" -> edit(roomId, message, caller);
      case "idea.delete" -> {
        String ideaId = MessageFields.id(message, "idea");
        change(roomId, message, caller, (w, room) ->
            new BoardChanges.Delete(ideaId, BoardAccess.participantId(caller), BoardAccess.staff(caller)));
      }
      case "idea.vote" -> {
        String ideaId = MessageFields.id(message, "idea");
        change(roomId, message, caller, (w, room) -> new BoardChanges.Vote(ideaId, BoardAccess.participantId(caller)));
      }
      case "idea.unvote" -> {
        String ideaId = MessageFields.id(message, "idea");
        change(roomId, message, caller, (w, room) -> new BoardChanges.Unvote(ideaId, BoardAccess.participantId(caller)));
      }
      default -> throw DomainException.invalid("message.unknown_type", type);
    }
  }

  /** Stops every board's updates: the connection closed or changed identity. */
  void closeAll() {
    new ArrayList<>(views.keySet()).forEach(this::close);
  }

  private BoardService boards() {
    return services.boards().service();
  }

  private void open(String roomId, String workshopId, Caller caller, String ref) {
    close(roomId);
    View view = new View(roomId, BoardAccess.participantId(caller));
    views.put(roomId, view);
    workshopOf(caller, roomId, workshopId)
        .compose(w -> {
          BoardAccess.readable(caller, w, roomId);
          view.workshopId = w.id();
          return services.boards().join(view.address(), view);
        })
        .compose(joined -> boards().board(view.workshopId, roomId))
        .onSuccess(view::snapshot)
        .onFailure(e -> {
          if (views.get(roomId) == view) {
            close(roomId);
          }
          fail.accept(e, ref);
        });
  }

  /**
   * A participant's room is in their own workshop. The organiser may name the workshop; otherwise
   * the room is looked for in every workshop (room ids are unique).
   */
  private Future<Workshop> workshopOf(Caller caller, String roomId, String named) {
    if (!caller.organiser()) {
      return boards().workshops().forRoom(caller.workshopId(), roomId);
    }
    if (named != null) {
      return boards().workshops().forRoom(named, roomId)
          .recover(missing -> Future.failedFuture(DomainException.notFound("room.not_found", roomId)));
    }
    return boards().workshops().list().map(all -> all.stream().filter(w -> w.room(roomId).isPresent()).findFirst()
        .orElseThrow(() -> DomainException.notFound("room.not_found", roomId)));
  }

  private void close(String roomId) {
    View view = views.remove(roomId);
    if (view != null && view.workshopId != null) {
      services.boards().leave(view.address(), view);
    }
  }

  private void add(String roomId, JsonNode message, Caller caller, Identity identity) {
    String clientId = MessageFields.id(message, "id");
    JsonNode text = message.get("text");
    if (text == null || !text.isTextual()) {
      throw DomainException.invalid("message.invalid", "\"text\" must be a string");
    }
    String theme = MessageFields.reference(message, "theme");
    Boolean anonymous = MessageFields.flag(message, "anonymous");
    Person author = new Person(identity.id(), identity.name(), identity.organisation(), identity.role(), identity.colour());
    write(roomId, caller, clientId, (w, room) -> new BoardChanges.Add(BoardService.newIdeaId(), clientId, author,
        text.asText(), BoardAccess.themeOf(w, room, theme), anonymous, boards().now()));
  }

  private void edit(String roomId, JsonNode message, Caller caller) {
    String ideaId = MessageFields.id(message, "idea");
    JsonNode text = message.get("text");
    if (text != null && !text.isTextual()) {
      throw DomainException.invalid("message.invalid", "\"text\" must be a string");
    }
    boolean setTheme = message.has("theme");
    String theme = MessageFields.reference(message, "theme");
    if (text == null && !setTheme) {
      throw DomainException.invalid("message.invalid", "an edit changes \"text\", \"theme\" or both");
    }
    change(roomId, message, caller, (w, room) -> new BoardChanges.Edit(ideaId, BoardAccess.participantId(caller),
        BoardAccess.staff(caller), text == null ? null : text.asText(), setTheme, BoardAccess.themeOf(w, room, theme),
        boards().now()));
  }

  private void change(String roomId, JsonNode message, Caller caller, ChangeFactory factory) {
    write(roomId, caller, MessageFields.optionalId(message, "id"), factory);
  }

  /**
   * Checks the caller may write on the board now, then applies the change. Everyone who opened the
   * board hears of it through the fan-out, this connection too; an {@code idea.add} sent again is
   * answered here, as nothing changed.
   */
  private void write(String roomId, Caller caller, String ref, ChangeFactory factory) {
    View view = views.get(roomId);
    if (view == null || view.workshopId == null) {
      throw DomainException.invalid("room.not_joined", roomId);
    }
    String workshopId = view.workshopId;
    boards().workshops().forRoom(workshopId, roomId)
        .compose(w -> {
          Room room = BoardAccess.writable(caller, w, roomId);
          return boards().change(workshopId, roomId, factory.create(w, room), connectionId);
        })
        .onSuccess(event -> {
          if (!event.changed()) {
            BoardJson.frames(roomId, event, view.viewerId, true).forEach(send);
          }
        })
        .onFailure(e -> fail.accept(e, ref));
  }

  @FunctionalInterface
  private interface ChangeFactory {
    BoardChange create(Workshop workshop, Room room);
  }

  private record Pending(BoardEvent event, String origin) {}

  /**
   * A board as this connection sees it: the snapshot first, then every change after it exactly
   * once, in revision order. Changes announced by different nodes can arrive out of order; a change
   * still missing after a while (an announcement was lost) is made good by sending the board afresh.
   */
  final class View {
    final String roomId;
    final String viewerId;
    String workshopId;
    final TreeMap<Long, Pending> waiting = new TreeMap<>();
    boolean live;
    long lastRev;
    boolean gapCheckPending;

    View(String roomId, String viewerId) {
      this.roomId = roomId;
      this.viewerId = viewerId;
    }

    String address() {
      return BoardService.address(workshopId, roomId);
    }

    private boolean current() {
      return views.get(roomId) == this;
    }

    void snapshot(Board board) {
      if (!current() || (live && board.rev() <= lastRev)) {
        return;
      }
      live = true;
      lastRev = board.rev();
      send.accept(BoardJson.snapshot(roomId, board, viewerId));
      waiting.headMap(lastRev, true).clear();
      deliverInOrder();
    }

    void receive(BoardEvent event, String origin) {
      if (live && event.rev() <= lastRev) {
        return;
      }
      waiting.put(event.rev(), new Pending(event, origin));
      if (live) {
        deliverInOrder();
      }
    }

    private void deliverInOrder() {
      while (!waiting.isEmpty() && waiting.firstKey() == lastRev + 1) {
        Pending next = waiting.pollFirstEntry().getValue();
        lastRev = next.event().rev();
        BoardJson.frames(roomId, next.event(), viewerId, connectionId.equals(next.origin())).forEach(send);
      }
      if (!waiting.isEmpty() && !gapCheckPending) {
        gapCheckPending = true;
        services.vertx().setTimer(GAP_WAIT_MS, t -> checkGap());
      }
    }

    private void checkGap() {
      gapCheckPending = false;
      if (current() && !waiting.isEmpty()) {
        boards().board(workshopId, roomId)
            .onSuccess(this::snapshot)
            .onFailure(e -> fail.accept(e, null));
      }
    }
  }
}
