package org.yantao.board;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import org.yantao.http.Responses;
import org.yantao.security.Authenticator;
import org.yantao.security.Caller;
import org.yantao.workshop.Theme;
import org.yantao.workshop.Workshop;

/** Boards over REST: settings for staff, a room's ideas, and every idea of a workshop for reports. */
public final class BoardRoutes {
  private final BoardService boards;

  public BoardRoutes(BoardService boards) {
    this.boards = boards;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("updateBoardSettings").addHandler(this::updateSettings);
    api.getRoute("getRoomIdeas").addHandler(this::roomIdeas);
    api.getRoute("listWorkshopIdeas").addHandler(this::workshopIdeas);
  }

  private void updateSettings(RoutingContext ctx) {
    String workshopId = ctx.pathParam("workshopId");
    String roomId = ctx.pathParam("roomId");
    Authenticator.caller(ctx).requireStaff(workshopId);
    JsonObject body = ctx.body().asJsonObject();
    BoardChanges.ChangeSettings change = new BoardChanges.ChangeSettings(body.getInteger("votesPerParticipant"),
        body.getBoolean("stacking"), body.getBoolean("anonymous"));
    boards.workshops().get(workshopId)
        .map(w -> w.requireRoom(roomId))
        .compose(room -> boards.change(workshopId, roomId, change, null))
        .onSuccess(event -> Responses.ok(ctx, new JsonObject()
            .put("room", roomId)
            .put("rev", event.rev())
            .put("settings", BoardJson.settings(event.settings()))))
        .onFailure(ctx::fail);
  }

  private void roomIdeas(RoutingContext ctx) {
    String workshopId = ctx.pathParam("workshopId");
    String roomId = ctx.pathParam("roomId");
    Caller caller = Authenticator.caller(ctx);
    caller.requireWorkshop(workshopId);
    boards.workshops().get(workshopId)
        .map(w -> BoardAccess.readable(caller, w, roomId))
        .compose(room -> boards.board(workshopId, roomId))
        .onSuccess(board -> Responses.ok(ctx, BoardJson.board(roomId, board, BoardAccess.participantId(caller))))
        .onFailure(ctx::fail);
  }

  private void workshopIdeas(RoutingContext ctx) {
    String workshopId = ctx.pathParam("workshopId");
    Authenticator.caller(ctx).requireStaff(workshopId);
    boards.workshops().get(workshopId)
        .compose(w -> boards.workshopIdeas(w).map(all -> {
          JsonArray items = new JsonArray();
          all.forEach(item -> items.add(reportItem(w, item)));
          return new JsonObject().put("ideas", items);
        }))
        .onSuccess(json -> Responses.ok(ctx, json))
        .onFailure(ctx::fail);
  }

  private static JsonObject reportItem(Workshop w, BoardService.RoomIdea item) {
    Idea idea = item.idea();
    JsonObject author = idea.anonymous() ? null : new JsonObject()
        .put("name", idea.author().name())
        .put("organisation", idea.author().organisation());
    String themeName = w.themes().stream().filter(t -> t.id().equals(idea.theme())).map(Theme::name).findFirst().orElse(null);
    return new JsonObject()
        .put("room", item.room().id())
        .put("roomName", item.room().name())
        .put("id", idea.id())
        .put("text", idea.text())
        .put("theme", idea.theme())
        .put("themeName", themeName)
        .put("author", author)
        .put("votes", idea.totalVotes())
        .put("createdAt", idea.createdAt())
        .put("updatedAt", idea.updatedAt());
  }
}
