package org.yantao.workshop;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.ArrayList;
import java.util.List;
import org.yantao.http.Responses;
import org.yantao.security.Authenticator;
import org.yantao.security.Caller;
import org.yantao.security.Ids;

/** Workshops and rooms. Bodies arrive already validated against the OpenAPI contract. */
public final class WorkshopRoutes {
  private final WorkshopService workshops;
  private final RoomWatcher rooms;

  public WorkshopRoutes(WorkshopService workshops, RoomWatcher rooms) {
    this.workshops = workshops;
    this.rooms = rooms;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("listWorkshops").addHandler(this::list);
    api.getRoute("createWorkshop").addHandler(this::create);
    api.getRoute("getWorkshop").addHandler(this::get);
    api.getRoute("updateWorkshop").addHandler(this::update);
    api.getRoute("createRoom").addHandler(this::createRoom);
    api.getRoute("updateRoom").addHandler(this::updateRoom);
    api.getRoute("deleteRoom").addHandler(this::deleteRoom);
    api.getRoute("assignMember").addHandler(this::assignMember);
    api.getRoute("submitRoom").addHandler(this::submitRoom);
    api.getRoute("withdrawSubmission").addHandler(this::withdrawSubmission);
  }

  private void list(RoutingContext ctx) {
    Authenticator.caller(ctx).requireOrganiser();
    workshops.list()
        .onSuccess(all -> {
          JsonArray items = new JsonArray();
          all.forEach(w -> items.add(WorkshopJson.summary(w)));
          Responses.ok(ctx, new JsonObject().put("workshops", items));
        })
        .onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    Authenticator.caller(ctx).requireOrganiser();
    JsonObject body = ctx.body().asJsonObject();
    List<Theme> themes = body.containsKey("themes") ? themes(body.getJsonArray("themes"), List.of()) : null;
    List<WorkshopChanges.NewRoom> rooms = new ArrayList<>();
    body.getJsonArray("rooms", new JsonArray()).forEach(r -> rooms.add(newRoom((JsonObject) r)));
    workshops.create(body.getString("title").strip(), body.getString("description"), themes, rooms)
        .onSuccess(w -> Responses.created(ctx, WorkshopJson.workshop(w)))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    String id = ctx.pathParam("workshopId");
    Authenticator.caller(ctx).requireWorkshop(id);
    workshops.get(id).onSuccess(w -> Responses.ok(ctx, WorkshopJson.workshop(w))).onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    Authenticator.caller(ctx).requireOrganiser();
    String id = ctx.pathParam("workshopId");
    JsonObject body = ctx.body().asJsonObject();
    workshops.get(id)
        .compose(current -> {
          List<Theme> themes = body.containsKey("themes") ? themes(body.getJsonArray("themes"), current.themes()) : null;
          String status = body.getString("status");
          String title = body.getString("title");
          return workshops.change(id, new WorkshopChanges.Edit(title == null ? null : title.strip(),
              body.getString("description"), themes, status == null ? null : status.equals("open"), workshops.now()));
        })
        .onSuccess(w -> Responses.ok(ctx, WorkshopJson.workshop(w)))
        .onFailure(ctx::fail);
  }

  private void createRoom(RoutingContext ctx) {
    Authenticator.caller(ctx).requireOrganiser();
    WorkshopChanges.NewRoom room = newRoom(ctx.body().asJsonObject());
    workshops.change(ctx.pathParam("workshopId"), new WorkshopChanges.AddRooms(List.of(room), workshops.now()))
        .onSuccess(w -> Responses.created(ctx, WorkshopJson.room(w, w.requireRoom(room.id()))))
        .onFailure(ctx::fail);
  }

  private void updateRoom(RoutingContext ctx) {
    Authenticator.caller(ctx).requireOrganiser();
    String roomId = ctx.pathParam("roomId");
    JsonObject body = ctx.body().asJsonObject();
    String status = body.getString("status");
    WorkshopChanges.EditRoom edit = new WorkshopChanges.EditRoom(roomId, strip(body.getString("name")),
        themeRefs(body), body.getString("question"), status == null ? null : status.equals("open"),
        body.getInteger("capacity"), workshops.now());
    workshops.change(ctx.pathParam("workshopId"), edit)
        .compose(w -> rooms.roomChanged(w, w.requireRoom(roomId)).map(w))
        .onSuccess(w -> Responses.ok(ctx, WorkshopJson.room(w, w.requireRoom(roomId))))
        .onFailure(ctx::fail);
  }

  private void deleteRoom(RoutingContext ctx) {
    Authenticator.caller(ctx).requireOrganiser();
    workshops.change(ctx.pathParam("workshopId"), new WorkshopChanges.DeleteRoom(ctx.pathParam("roomId"), workshops.now()))
        .onSuccess(w -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void assignMember(RoutingContext ctx) {
    String workshopId = ctx.pathParam("workshopId");
    String roomId = ctx.pathParam("roomId");
    Caller caller = Authenticator.caller(ctx);
    caller.requireStaff(workshopId);
    String participantId = ctx.body().asJsonObject().getString("participantId");
    workshops.change(workshopId, new WorkshopChanges.AssignMember(roomId, participantId,
            caller.participantId(), caller.organiser(), workshops.now()))
        .onSuccess(w -> {
          rooms.assigned(w, List.of(participantId));
          Responses.ok(ctx, WorkshopJson.room(w, w.requireRoom(roomId)));
        })
        .onFailure(ctx::fail);
  }

  private void submitRoom(RoutingContext ctx) {
    String workshopId = ctx.pathParam("workshopId");
    String roomId = ctx.pathParam("roomId");
    Caller caller = Authenticator.caller(ctx);
    caller.requireStaff(workshopId);
    workshops.change(workshopId, new WorkshopChanges.SubmitRoom(roomId, caller.participantId(), caller.organiser(),
            workshops.now()))
        .compose(w -> rooms.roomChanged(w, w.requireRoom(roomId)).map(w))
        .onSuccess(w -> Responses.ok(ctx, WorkshopJson.room(w, w.requireRoom(roomId))))
        .onFailure(ctx::fail);
  }

  private void withdrawSubmission(RoutingContext ctx) {
    String workshopId = ctx.pathParam("workshopId");
    String roomId = ctx.pathParam("roomId");
    Caller caller = Authenticator.caller(ctx);
    caller.requireStaff(workshopId);
    workshops.change(workshopId, new WorkshopChanges.WithdrawSubmission(roomId, caller.participantId(),
            caller.organiser(), workshops.now()))
        .compose(w -> rooms.roomChanged(w, w.requireRoom(roomId)).map(w))
        .onSuccess(w -> Responses.ok(ctx, WorkshopJson.room(w, w.requireRoom(roomId))))
        .onFailure(ctx::fail);
  }

  private static WorkshopChanges.NewRoom newRoom(JsonObject r) {
    List<String> refs = themeRefs(r);
    return new WorkshopChanges.NewRoom(Ids.next("r"), r.getString("name").strip(),
        refs == null ? List.of() : refs, r.getString("question", ""), r.getInteger("capacity"));
  }

  /** The themes a room body names; null when it names none. */
  private static List<String> themeRefs(JsonObject r) {
    List<String> refs = new ArrayList<>();
    if (r.getString("theme") != null) {
      refs.add(r.getString("theme").strip());
    }
    r.getJsonArray("themes", new JsonArray()).forEach(t -> refs.add(((String) t).strip()));
    return refs.isEmpty() ? null : refs;
  }

  /** Themes from a request: an entry with a known id keeps that id, others get new ones. */
  private static List<Theme> themes(JsonArray items, List<Theme> existing) {
    List<Theme> themes = new ArrayList<>();
    for (Object item : items) {
      JsonObject t = (JsonObject) item;
      String requested = t.getString("id");
      boolean known = requested != null && existing.stream().anyMatch(e -> e.id().equals(requested));
      themes.add(new Theme(known ? requested : Ids.next("t"), t.getString("name").strip(), strip(t.getString("nameEn"))));
    }
    return themes;
  }

  private static String strip(String text) {
    return text == null ? null : text.strip();
  }
}
