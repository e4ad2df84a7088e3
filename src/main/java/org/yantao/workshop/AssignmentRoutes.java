package org.yantao.workshop;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yantao.http.Responses;
import org.yantao.security.Authenticator;

/** Seating everyone at once: {@code POST /api/workshops/{id}/assignments}. */
public final class AssignmentRoutes {
  private final WorkshopService workshops;
  private final ParticipantService participants;
  private final RoomWatcher rooms;

  public AssignmentRoutes(WorkshopService workshops, ParticipantService participants, RoomWatcher rooms) {
    this.workshops = workshops;
    this.participants = participants;
    this.rooms = rooms;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("assignRooms").addHandler(this::assign);
  }

  /**
   * Organisations are read first and handed to the change, which seats against the workshop as it
   * is when the change runs; someone who joins in between is simply not seated this time.
   */
  private void assign(RoutingContext ctx) {
    String workshopId = ctx.pathParam("workshopId");
    Authenticator.caller(ctx).requireStaff(workshopId);
    JsonObject body = ctx.body().asJsonObject();
    Long requestedSeed = body.getLong("seed");
    long seed = requestedSeed == null ? workshopId.hashCode() : requestedSeed;
    workshops.get(workshopId)
        .compose(participants::of)
        .compose(people -> {
          Map<String, String> organisations = new LinkedHashMap<>();
          people.stream().filter(p -> p.role() == Role.PARTICIPANT).forEach(p -> organisations.put(p.id(), p.organisation()));
          return workshops.change(workshopId, new WorkshopChanges.AssignBalanced(organisations, seed, workshops.now()))
              .onSuccess(w -> rooms.assigned(w, organisations.keySet()));
        })
        .onSuccess(w -> Responses.ok(ctx, WorkshopJson.workshop(w)))
        .onFailure(ctx::fail);
  }
}
