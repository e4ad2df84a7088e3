package org.yantao.workshop;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.List;
import java.util.Locale;
import org.yantao.error.DomainException;
import org.yantao.http.Responses;
import org.yantao.security.Authenticator;
import org.yantao.security.Caller;

/** Joining, invitations, and who is who. */
public final class ParticipantRoutes {
  private final WorkshopService workshops;
  private final ParticipantService participants;

  public ParticipantRoutes(WorkshopService workshops, ParticipantService participants) {
    this.workshops = workshops;
    this.participants = participants;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("join").addHandler(this::join);
    api.getRoute("getMe").addHandler(this::me);
    api.getRoute("listParticipants").addHandler(this::list);
    api.getRoute("createInvitation").addHandler(this::invite);
  }

  private void join(RoutingContext ctx) {
    JsonObject body = ctx.body().asJsonObject();
    String name = body.getString("name").strip();
    String organisation = body.getString("organisation").strip();
    Future<ParticipantService.Joined> joined;
    if (body.getString("invitation") != null) {
      joined = participants.joinByInvitation(body.getString("invitation").strip(), name, organisation);
    } else if (body.getString("joinCode") != null) {
      joined = participants.joinByCode(body.getString("joinCode"), name, organisation);
    } else {
      throw DomainException.invalid("join.code_required");
    }
    joined.onSuccess(j -> Responses.created(ctx, new JsonObject()
            .put("token", j.token())
            .put("participantId", j.participant().id())
            .put("workshopId", j.participant().workshopId())
            .put("role", j.participant().role().wireName())))
        .onFailure(ctx::fail);
  }

  private void me(RoutingContext ctx) {
    Caller caller = Authenticator.caller(ctx);
    if (caller.organiser()) {
      Responses.ok(ctx, new JsonObject().put("role", "organiser"));
      return;
    }
    participants.get(caller.participantId())
        .compose(p -> workshops.get(p.workshopId()).map(w -> {
          JsonArray facilitates = new JsonArray();
          w.facilitatedBy(p.id()).forEach(r -> facilitates.add(WorkshopJson.room(w, r)));
          return new JsonObject()
              .put("role", p.role().wireName())
              .put("participant", WorkshopJson.participant(p, w))
              .put("workshop", WorkshopJson.summary(w))
              .put("room", w.roomOf(p.id()).map(r -> WorkshopJson.room(w, r)).orElse(null))
              .put("facilitates", facilitates);
        }))
        .onSuccess(json -> Responses.ok(ctx, json))
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    String workshopId = ctx.pathParam("workshopId");
    Authenticator.caller(ctx).requireStaff(workshopId);
    workshops.get(workshopId)
        .compose(w -> participants.of(w).map(all -> {
          JsonArray items = new JsonArray();
          all.forEach(p -> items.add(WorkshopJson.participant(p, w)));
          return new JsonObject().put("participants", items);
        }))
        .onSuccess(json -> Responses.ok(ctx, json))
        .onFailure(ctx::fail);
  }

  private void invite(RoutingContext ctx) {
    Authenticator.caller(ctx).requireOrganiser();
    JsonObject body = ctx.body().asJsonObject();
    Role role = Role.valueOf(body.getString("role", "facilitator").toUpperCase(Locale.ROOT));
    List<String> rooms = body.getJsonArray("rooms").stream().map(String.class::cast).distinct().toList();
    String origin = ctx.request().scheme() + "://" + ctx.request().authority();
    workshops.get(ctx.pathParam("workshopId"))
        .compose(w -> participants.invite(w, role, rooms))
        .onSuccess(issued -> Responses.created(ctx, new JsonObject()
            .put("code", issued.code())
            .put("link", origin + "/i/" + issued.code())
            .put("role", role.wireName())
            .put("rooms", new JsonArray(issued.invitation().roomIds()))))
        .onFailure(ctx::fail);
  }
}
