package org.yantao.room;

import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.yantao.cluster.Async;
import org.yantao.error.DomainException;
import org.yantao.live.Identity;
import org.yantao.security.Caller;
import org.yantao.security.Ids;
import org.yantao.text.DeltaJson;
import org.yantao.text.DocumentProcessors;
import org.yantao.text.DocumentState;
import org.yantao.workshop.DocumentIds;
import org.yantao.workshop.FindingsTemplate;
import org.yantao.workshop.ParticipantService;
import org.yantao.workshop.Role;
import org.yantao.workshop.Room;
import org.yantao.workshop.RoomWatcher;
import org.yantao.workshop.Workshop;
import org.yantao.workshop.WorkshopService;

/**
 * A room's live state: presence, timer, broadcast, hands, and what opening or closing it means for
 * its documents. Every change is one processor on the room's key; every change is pushed to the
 * room over the clustered event bus.
 */
public final class RoomService implements RoomWatcher {
  private final Vertx vertx;
  private final Clock clock;
  private final WorkshopService workshops;
  private final ParticipantService participants;
  private final IMap<String, RoomLive> live;
  private final IMap<String, RoomPresence> presence;
  private final IMap<String, DocumentState> documents;
  private final RoomEvents events;
  private final String nodeId;

  public RoomService(Vertx vertx, Clock clock, WorkshopService workshops, ParticipantService participants,
      IMap<String, RoomLive> live, IMap<String, RoomPresence> presence, IMap<String, DocumentState> documents,
      String nodeId) {
    this.vertx = vertx;
    this.clock = clock;
    this.workshops = workshops;
    this.participants = participants;
    this.live = live;
    this.presence = presence;
    this.documents = documents;
    this.events = new RoomEvents(vertx.eventBus());
    this.nodeId = nodeId;
  }

  public long now() {
    return clock.millis();
  }

  /** The workshop of a room the caller may join; {@code room.not_found} / {@code room.forbidden} otherwise. */
  public Future<Workshop> joinable(Caller caller, String workshopId, String roomId) {
    if (!caller.organiser() && !workshopId.equals(caller.workshopId())) {
      return Future.failedFuture(DomainException.notFound("room.not_found", roomId));
    }
    return workshops.forRoom(workshopId, roomId)
        .recover(missing -> Future.failedFuture(DomainException.notFound("room.not_found", roomId)))
        .map(w -> {
          Room room = w.requireRoom(roomId);
          if (!RoomAccess.mayJoin(caller, w, room)) {
            throw DomainException.forbidden("room.forbidden", room.name());
          }
          return w;
        });
  }

  /** Records a connection as present and tells the room if the people present changed. */
  public Future<PresenceChanges.Outcome> arrive(String workshopId, String roomId, String connection, Identity who) {
    long at = now();
    return changePresence(workshopId, roomId,
        new PresenceChanges.Arrive(new RoomPresence.Entry(connection, nodeId, who), at));
  }

  public Future<PresenceChanges.Outcome> leave(String workshopId, String roomId, String connection) {
    return changePresence(workshopId, roomId, new PresenceChanges.Leave(connection, now()));
  }

  private Future<PresenceChanges.Outcome> changePresence(String workshopId, String roomId, PresenceChanges.Change change) {
    return Async.of(presence.submitToKey(RoomKeys.key(workshopId, roomId), change)).map(outcome -> {
      if (outcome.changed()) {
        pushPresence(workshopId, roomId, outcome);
      }
      return outcome;
    });
  }

  private void pushPresence(String workshopId, String roomId, PresenceChanges.Outcome outcome) {
    events.toRoom(workshopId, roomId, RoomFrames.presence(roomId, outcome.present()),
        RoomEvents.Kind.PRESENCE, outcome.version());
  }

  /**
   * Drops the connections of a node that left the cluster. Every surviving node runs this; the
   * first to reach a room's key changes it and tells the room, the others find nothing to drop.
   */
  public Future<Void> dropNode(String deadNode) {
    long at = now();
    return vertx.executeBlocking(() -> presence.executeOnEntries(new PresenceChanges.DropNode(deadNode, at)))
        .map(outcomes -> {
          outcomes.forEach((key, outcome) -> {
            if (outcome.changed()) {
              String[] ids = key.split("/", 2);
              pushPresence(ids[0], ids[1], outcome);
            }
          });
          return null;
        });
  }

  public Future<RoomLive> live(String workshopId, String roomId) {
    return Async.of(live.getAsync(RoomKeys.key(workshopId, roomId))).map(RoomLive::orEmpty);
  }

  public Future<RoomPresence> presence(String workshopId, String roomId) {
    return Async.of(presence.getAsync(RoomKeys.key(workshopId, roomId))).map(RoomPresence::orEmpty);
  }

  private Future<RoomLive> change(String workshopId, String roomId, RoomLiveChanges.Change change) {
    return Async.of(live.submitToKey(RoomKeys.key(workshopId, roomId), change));
  }

  public Future<Void> raiseHand(Identity who, String workshopId, String roomId) {
    if (who.role() == Role.OBSERVER) {
      return Future.failedFuture(DomainException.forbidden("hand.forbidden"));
    }
    return change(workshopId, roomId, new RoomLiveChanges.RaiseHand(who, now())).map(next -> pushHands(workshopId, roomId, next));
  }

  /** Lowers the caller's own hand, or (for whoever runs the room) anyone's. */
  public Future<Void> lowerHand(Caller caller, Identity who, String workshopId, String roomId, String participantId) {
    String whose = participantId == null ? who.id() : participantId;
    Future<Void> allowed = whose.equals(who.id()) ? Future.succeededFuture()
        : workshops.get(workshopId).compose(w -> RoomAccess.runs(caller, w, w.requireRoom(roomId))
            ? Future.succeededFuture()
            : Future.failedFuture(DomainException.forbidden("hand.forbidden")));
    return allowed.compose(ok -> change(workshopId, roomId, new RoomLiveChanges.LowerHand(whose, now())))
        .map(next -> pushHands(workshopId, roomId, next));
  }

  private Void pushHands(String workshopId, String roomId, RoomLive next) {
    if (next != null) {
      events.toRoom(workshopId, roomId, RoomFrames.handsChanged(roomId, next.hands()), RoomEvents.Kind.HANDS, next.version());
    }
    return null;
  }

  /** One room's timer changed, as the REST API answers it. */
  public record TimerResult(String roomId, Timer timer, boolean applied) {}

  /**
   * Changes the timer of one room, or (with a null room) of every room the caller runs. For all
   * rooms, a room where the change makes no sense (pausing a timer that is not running) is left as
   * it is; the request is refused only if it changes no room at all.
   */
  public Future<List<TimerResult>> timer(Caller caller, String workshopId, String roomId, TimerAction action, long ms) {
    return workshops.get(workshopId).compose(w -> {
      List<Room> rooms = rooms(caller, w, roomId);
      long at = now();
      List<Future<TimerResult>> results = new ArrayList<>();
      for (Room room : rooms) {
        results.add(change(workshopId, room.id(), new RoomLiveChanges.SetTimer(action, ms, at)).map(next -> {
          events.toRoom(workshopId, room.id(), RoomFrames.timerChanged(room.id(), next.timer(), now()),
              RoomEvents.Kind.TIMER, next.version());
          return new TimerResult(room.id(), next.timer(), true);
        }));
      }
      return Future.join(results).transform(done -> {
        List<TimerResult> answered = new ArrayList<>();
        Throwable refusal = null;
        for (int i = 0; i < results.size(); i++) {
          Future<TimerResult> result = results.get(i);
          if (result.succeeded()) {
            answered.add(result.result());
          } else {
            refusal = refusal == null ? result.cause() : refusal;
            answered.add(null);
          }
        }
        if (refusal != null && (rooms.size() == 1 || answered.stream().allMatch(r -> r == null))) {
          return Future.failedFuture(refusal);
        }
        return unchangedTimers(workshopId, rooms, answered);
      });
    });
  }

  /** Fills in the rooms an all-rooms change passed over with their timers as they are. */
  private Future<List<TimerResult>> unchangedTimers(String workshopId, List<Room> rooms, List<TimerResult> answered) {
    List<Future<TimerResult>> all = new ArrayList<>();
    for (int i = 0; i < rooms.size(); i++) {
      TimerResult result = answered.get(i);
      String roomId = rooms.get(i).id();
      all.add(result != null ? Future.succeededFuture(result)
          : live(workshopId, roomId).map(current -> new TimerResult(roomId, current.timer(), false)));
    }
    return Future.all(all).map(done -> done.<TimerResult>list());
  }

  /** Sends a broadcast to one room, or (with a null room) to every room the caller runs. */
  public Future<JsonObject> broadcast(Caller caller, String workshopId, String roomId, String text) {
    return workshops.get(workshopId).compose(w -> {
      List<Room> rooms = rooms(caller, w, roomId);
      return identity(caller).compose(from -> {
        Broadcast broadcast = new Broadcast(Ids.next("b"), text, from, now());
        List<Future<RoomLive>> sent = new ArrayList<>();
        for (Room room : rooms) {
          sent.add(change(workshopId, room.id(), new RoomLiveChanges.SetBroadcast(broadcast)).onSuccess(next ->
              events.toRoom(workshopId, room.id(), RoomFrames.broadcastSent(room.id(), broadcast),
                  RoomEvents.Kind.BROADCAST, next.version())));
        }
        return Future.all(sent).map(done -> new JsonObject()
            .put("broadcast", RoomFrames.broadcast(broadcast))
            .put("rooms", new JsonArray(rooms.stream().map(Room::id).toList())));
      });
    });
  }

  private static List<Room> rooms(Caller caller, Workshop w, String roomId) {
    if (roomId == null) {
      return RoomAccess.runBy(caller, w);
    }
    Room room = w.requireRoom(roomId);
    RoomAccess.requireRuns(caller, w, room);
    return List.of(room);
  }

  private Future<Identity> identity(Caller caller) {
    return caller.organiser() ? Future.succeededFuture(Identity.ORGANISER)
        : participants.get(caller.participantId()).map(Identity::of);
  }

  /**
   * A room was edited (opened, closed, renamed ...). Its findings document is opened or closed to
   * ops on the document's own key before the edit is answered: that key's owner applies every op
   * in the cluster one at a time, so from the moment the flag is set no op from any connection on
   * any node gets in, including connections that opened the document while the room was open. A
   * document that does not exist yet is created closed, so nobody can create it open afterwards.
   * After a full restart documents load open again; the room's status, read at {@code doc.open},
   * keeps a closed room's documents read-only for every new connection then.
   */
  @Override
  public Future<Void> roomChanged(Workshop workshop, Room room) {
    String docId = DocumentIds.findings(workshop.id(), room.id());
    String initial = DeltaJson.toJsonString(FindingsTemplate.of(workshop, room));
    return Async.of(documents.submitToKey(docId, new DocumentProcessors.OpenDocument(initial, !room.open())))
        .map(opened -> {
          events.toRoom(workshop.id(), room.id(), RoomFrames.updated(workshop, room));
          return null;
        });
  }

  /** Tells each participant's open browsers which room they now sit in, so they switch to it. */
  @Override
  public void assigned(Workshop workshop, Collection<String> participantIds) {
    for (String participantId : participantIds) {
      workshop.roomOf(participantId).ifPresent(
          room -> events.toParticipant(participantId, RoomFrames.assigned(workshop.id(), room.id())));
    }
  }
}
