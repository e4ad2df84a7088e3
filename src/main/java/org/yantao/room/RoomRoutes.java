package org.yantao.room;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.List;
import org.yantao.error.DomainException;
import org.yantao.http.Responses;
import org.yantao.security.Authenticator;
import org.yantao.security.Caller;
import org.yantao.workshop.WorkshopService;

/** Running rooms: timers, broadcasts and the facilitator console. Bodies arrive validated by the contract. */
public final class RoomRoutes {
  private final WorkshopService workshops;
  private final RoomService rooms;
  private final ConsoleService console;

  public RoomRoutes(WorkshopService workshops, RoomService rooms, ConsoleService console) {
    this.workshops = workshops;
    this.rooms = rooms;
    this.console = console;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("setRoomTimer").addHandler(this::roomTimer);
    api.getRoute("setTimers").addHandler(this::allTimers);
    api.getRoute("broadcast").addHandler(this::broadcast);
    api.getRoute("getConsole").addHandler(this::console);
  }

  private void roomTimer(RoutingContext ctx) {
    String roomId = ctx.pathParam("roomId");
    timer(ctx, roomId).map(results -> results.get(0))
        .onSuccess(r -> {
          long now = rooms.now();
          Responses.ok(ctx, new JsonObject().put("room", r.roomId())
              .put("timer", RoomFrames.timer(r.timer(), now)).put("serverTime", now));
        })
        .onFailure(ctx::fail);
  }

  private void allTimers(RoutingContext ctx) {
    timer(ctx, null)
        .onSuccess(results -> {
          long now = rooms.now();
          JsonArray timers = new JsonArray();
          results.forEach(r -> timers.add(new JsonObject().put("room", r.roomId())
              .put("timer", RoomFrames.timer(r.timer(), now)).put("applied", r.applied())));
          Responses.ok(ctx, new JsonObject().put("timers", timers).put("serverTime", now));
        })
        .onFailure(ctx::fail);
  }

  private io.vertx.core.Future<List<RoomService.TimerResult>> timer(RoutingContext ctx, String roomId) {
    String workshopId = ctx.pathParam("workshopId");
    Caller caller = Authenticator.caller(ctx);
    caller.requireStaff(workshopId);
    JsonObject body = ctx.body().asJsonObject();
    TimerAction action = TimerAction.of(body.getString("action"));
    Integer seconds = body.getInteger("seconds");
    if (action.needsSeconds() && seconds == null) {
      throw DomainException.invalid("timer.seconds_required", action.name().toLowerCase(java.util.Locale.ROOT));
    }
    return rooms.timer(caller, workshopId, roomId, action, seconds == null ? 0 : seconds * 1000L);
  }

  private void broadcast(RoutingContext ctx) {
    String workshopId = ctx.pathParam("workshopId");
    Caller caller = Authenticator.caller(ctx);
    caller.requireStaff(workshopId);
    JsonObject body = ctx.body().asJsonObject();
    rooms.broadcast(caller, workshopId, body.getString("room"), body.getString("text").strip())
        .onSuccess(sent -> Responses.created(ctx, sent))
        .onFailure(ctx::fail);
  }

  private void console(RoutingContext ctx) {
    String workshopId = ctx.pathParam("workshopId");
    Authenticator.caller(ctx).requireStaff(workshopId);
    workshops.get(workshopId).compose(console::overview)
        .onSuccess(overview -> Responses.ok(ctx, overview))
        .onFailure(ctx::fail);
  }
}
