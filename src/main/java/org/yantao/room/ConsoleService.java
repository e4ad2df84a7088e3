package org.yantao.room;

import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yantao.cluster.Async;
import org.yantao.text.DocumentState;
import org.yantao.workshop.DocumentIds;
import org.yantao.workshop.Room;
import org.yantao.workshop.Workshop;

/**
 * The facilitator console's overview: for every room who is there, how far its findings are, and
 * what runs in it. Each figure is read where it lives; nothing is opened or copied whole.
 */
public final class ConsoleService {
  private final RoomService rooms;
  private final IMap<String, DocumentState> documents;
  private final BoardFigures boards;

  public ConsoleService(RoomService rooms, IMap<String, DocumentState> documents, BoardFigures boards) {
    this.rooms = rooms;
    this.documents = documents;
    this.boards = boards;
  }

  public Future<JsonObject> overview(Workshop workshop) {
    Set<String> docIds = new LinkedHashSet<>();
    workshop.rooms().forEach(r -> docIds.add(DocumentIds.findings(workshop.id(), r.id())));
    Future<Map<String, FindingsFigures.Figures>> figures = Async.of(documents.submitToKeys(docIds, new FindingsFigures()));
    List<Future<JsonObject>> entries = new ArrayList<>();
    for (Room room : workshop.rooms()) {
      entries.add(figures.compose(all -> room(workshop, room,
          all.getOrDefault(DocumentIds.findings(workshop.id(), room.id()), FindingsFigures.Figures.NONE))));
    }
    return Future.all(entries).map(done -> {
      JsonArray all = new JsonArray();
      done.<JsonObject>list().forEach(all::add);
      return new JsonObject().put("workshop", workshop.id()).put("serverTime", rooms.now()).put("rooms", all);
    });
  }

  private Future<JsonObject> room(Workshop workshop, Room room, FindingsFigures.Figures findings) {
    Future<RoomPresence> presence = rooms.presence(workshop.id(), room.id());
    Future<RoomLive> live = rooms.live(workshop.id(), room.id());
    Future<BoardFigures.Counts> board = boards.counts(workshop.id(), room.id());
    return Future.all(presence, live, board).map(done -> {
      long now = rooms.now();
      BoardFigures.Counts counts = board.result();
      long lastActivity = Math.max(findings.lastOpAt(), Math.max(presence.result().changedAt(), live.result().updatedAt()));
      if (counts != null) {
        lastActivity = Math.max(lastActivity, counts.lastChangeAt());
      }
      JsonObject json = new JsonObject()
          .put("id", room.id())
          .put("name", room.name())
          .put("status", room.open() ? "open" : "closed")
          .put("members", room.members().size())
          .put("online", presence.result().present().size())
          .put("present", RoomFrames.people(presence.result().present()))
          .put("words", findings.words())
          .put("lastActivity", lastActivity == 0 ? null : lastActivity)
          .put("hands", RoomFrames.hands(live.result().hands()))
          .put("timer", RoomFrames.timer(live.result().timer(), now));
      if (counts != null) {
        json.put("ideas", counts.ideas()).put("votes", counts.votes());
      }
      return json;
    });
  }
}
