package org.yantao.board;

import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.yantao.cluster.Async;
import org.yantao.security.Ids;
import org.yantao.store.StoredJson;
import org.yantao.room.BoardFigures;
import org.yantao.workshop.Room;
import org.yantao.workshop.Workshop;
import org.yantao.workshop.WorkshopService;

/**
 * Rooms' idea boards: reading them, changing them (one entry processor per change on the board's
 * key) and announcing every change on the clustered event bus, one address per board, to every
 * node that shows it.
 */
public final class BoardService implements BoardFigures {
  /** The event-bus header naming the connection a change came from (absent for REST changes). */
  public static final String ORIGIN = "origin";

  private final EventBus bus;
  private final IMap<String, Board> boards;
  private final WorkshopService workshops;
  private final Clock clock;

  public BoardService(EventBus bus, IMap<String, Board> boards, WorkshopService workshops, Clock clock) {
    this.bus = bus;
    this.boards = boards;
    this.workshops = workshops;
    this.clock = clock;
  }

  /** An idea with the room it was posted in, for workshop-wide reports. */
  public record RoomIdea(Room room, Idea idea) {}

  public static String key(String workshopId, String roomId) {
    return workshopId + "." + roomId;
  }

  public static String address(String workshopId, String roomId) {
    return "yantao.board." + key(workshopId, roomId);
  }

  public WorkshopService workshops() {
    return workshops;
  }

  public Future<Board> board(String workshopId, String roomId) {
    return Async.of(boards.getAsync(key(workshopId, roomId))).map(b -> b == null ? Board.empty() : b);
  }

  /** How many ideas a board holds, the votes on them and when an idea last changed, for the facilitator console. */
  @Override
  public Future<Counts> counts(String workshopId, String roomId) {
    return board(workshopId, roomId).map(b -> new Counts(b.ideas().size(), b.totalVotes(),
        b.ideas().stream().mapToLong(Idea::updatedAt).max().orElse(0)));
  }

  /** Every idea of every room of the workshop, room by room in the workshop's order, oldest first. */
  public Future<List<RoomIdea>> workshopIdeas(Workshop workshop) {
    List<Future<Board>> reads = workshop.rooms().stream().map(r -> board(workshop.id(), r.id())).toList();
    return Future.all(reads).map(all -> {
      List<RoomIdea> ideas = new ArrayList<>();
      for (int i = 0; i < reads.size(); i++) {
        Room room = workshop.rooms().get(i);
        all.<Board>resultAt(i).ideas().forEach(idea -> ideas.add(new RoomIdea(room, idea)));
      }
      return ideas;
    });
  }

  /**
   * Applies a change and, if it changed the board, announces it. The change is stored in the
   * database (write-through) before the answer arrives, so nothing announced can be lost.
   *
   * @param origin the connection the change came from, or null
   */
  public Future<BoardEvent> change(String workshopId, String roomId, BoardChange change, String origin) {
    return Async.of(boards.submitToKey(key(workshopId, roomId), change)).compose(outcome -> outcome.refusal() == null
        ? Future.succeededFuture(outcome.event())
        : Future.failedFuture(outcome.refusal().exception())).onSuccess(event -> {
      if (event.changed()) {
        DeliveryOptions options = new DeliveryOptions();
        if (origin != null) {
          options.addHeader(ORIGIN, origin);
        }
        bus.publish(address(workshopId, roomId), StoredJson.write(event), options);
      }
    });
  }

  public static String newIdeaId() {
    return Ids.next("i");
  }

  public long now() {
    return clock.millis();
  }
}
