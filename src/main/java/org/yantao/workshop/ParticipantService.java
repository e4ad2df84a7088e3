package org.yantao.workshop;

import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import java.time.Clock;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.yantao.cluster.Async;
import org.yantao.cluster.InsertNew;
import org.yantao.error.DomainException;
import org.yantao.security.AccessGrant;
import org.yantao.security.AccessTokens;
import org.yantao.security.Ids;
import org.yantao.security.Invitation;
import org.yantao.security.Secrets;

/** Joining a workshop by code or invitation, and who is in a workshop. */
public final class ParticipantService {
  private final Vertx vertx;
  private final WorkshopService workshops;
  private final IMap<String, Participant> participants;
  private final IMap<String, Invitation> invitations;
  private final AccessTokens tokens;
  private final Clock clock;

  public ParticipantService(Vertx vertx, WorkshopService workshops, IMap<String, Participant> participants,
      IMap<String, Invitation> invitations, AccessTokens tokens, Clock clock) {
    this.vertx = vertx;
    this.workshops = workshops;
    this.participants = participants;
    this.invitations = invitations;
    this.tokens = tokens;
    this.clock = clock;
  }

  /** What a newcomer receives: their token (shown once) and who they now are. */
  public record Joined(String token, Participant participant) {}

  /** An invitation as handed to the organiser: the code is shown once, only its hash is kept. */
  public record IssuedInvitation(String code, Invitation invitation) {}

  public Future<Joined> joinByCode(String joinCode, String name, String organisation) {
    return workshops.byJoinCode(joinCode).compose(w -> {
      if (!w.open()) {
        return Future.failedFuture(DomainException.forbidden("workshop.closed"));
      }
      return register(w.id(), name, organisation, Role.PARTICIPANT, List.of());
    });
  }

  /** Only a facilitator invitation makes its holder run the rooms it names; an observer only watches. */
  public Future<Joined> joinByInvitation(String code, String name, String organisation) {
    return Async.of(invitations.getAsync(Secrets.hash(code))).compose(inv -> inv == null
        ? Future.failedFuture(DomainException.notFound("invitation.unknown"))
        : register(inv.workshopId(), name, organisation, inv.role(),
            inv.role() == Role.FACILITATOR ? inv.roomIds() : List.of()));
  }

  /**
   * Stores the participant, records them in the workshop (and its rooms, for facilitators), and
   * only then issues the token: a failure part-way leaves no usable identity behind.
   */
  private Future<Joined> register(String workshopId, String name, String organisation, Role role, List<String> facilitates) {
    long now = clock.millis();
    Participant p = new Participant(Ids.next("p"), workshopId, name, organisation, role, now);
    return Async.of(participants.submitToKey(p.id(), new InsertNew<>(p)))
        .compose(x -> workshops.change(workshopId, new WorkshopChanges.AddParticipant(p.id(), now)))
        .compose(w -> facilitates.isEmpty() ? Future.succeededFuture(w)
            : workshops.change(workshopId, new WorkshopChanges.AddFacilitator(p.id(), facilitates, now)))
        .compose(w -> tokens.issue(new AccessGrant(p.id(), workshopId, role, now)))
        .map(token -> new Joined(token, p));
  }

  public Future<IssuedInvitation> invite(Workshop workshop, Role role, List<String> roomIds) {
    roomIds.forEach(id -> workshop.room(id).orElseThrow(() -> DomainException.invalid("invitation.room_unknown", id)));
    String code = Secrets.newSecret();
    Invitation invitation = new Invitation(workshop.id(), role, roomIds, clock.millis());
    return Async.of(invitations.submitToKey(Secrets.hash(code), new InsertNew<>(invitation)))
        .map(x -> new IssuedInvitation(code, invitation));
  }

  public Future<Participant> get(String participantId) {
    return Async.of(participants.getAsync(participantId)).compose(p -> p == null
        ? Future.failedFuture(DomainException.notFound("participant.not_found", participantId))
        : Future.succeededFuture(p));
  }

  /** Everyone who joined the workshop, in the order they joined. */
  public Future<List<Participant>> of(Workshop workshop) {
    return vertx.executeBlocking(() -> participants.getAll(new HashSet<>(workshop.participants())))
        .map((Map<String, Participant> found) -> {
          List<Participant> ordered = new ArrayList<>();
          for (String id : workshop.participants()) {
            Participant p = found.get(id);
            if (p != null) {
              ordered.add(p);
            }
          }
          return ordered;
        });
  }
}
