package org.yantao.report;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.List;
import org.yantao.http.Responses;
import org.yantao.security.Authenticator;
import org.yantao.workshop.Room;
import org.yantao.workshop.Theme;
import org.yantao.workshop.Workshop;

/** The consolidated report over REST: generating it and deciding on overlaps. */
public final class ReportRoutes {
  private final ReportService reports;

  public ReportRoutes(ReportService reports) {
    this.reports = reports;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("generateReport").addHandler(this::generate);
    api.getRoute("listOverlaps").addHandler(this::overlaps);
    api.getRoute("acceptOverlap").addHandler(this::accept);
    api.getRoute("undoOverlap").addHandler(this::undo);
  }

  private void generate(RoutingContext ctx) {
    Authenticator.caller(ctx).requireOrganiser();
    String workshopId = ctx.pathParam("workshopId");
    JsonObject body = ctx.body().isEmpty() ? new JsonObject() : ctx.body().asJsonObject();
    String language = body.getString("language", preferredLanguage(ctx));
    reports.workshops().get(workshopId)
        .compose(w -> reports.generate(workshopId, language).map(generation -> generated(w, generation)))
        .onSuccess(json -> Responses.ok(ctx, json))
        .onFailure(ctx::fail);
  }

  private static String preferredLanguage(RoutingContext ctx) {
    return ReportState.preferredLanguage(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
  }

  private static JsonObject generated(Workshop w, ReportService.Generation generation) {
    JsonArray rooms = new JsonArray();
    for (ReportRefresh.RoomChange change : generation.rooms()) {
      rooms.add(new JsonObject()
          .put("room", change.roomId())
          .put("roomName", w.room(change.roomId()).map(Room::name).orElse(null))
          .put("fromRevision", change.fromRevision().orElse(null))
          .put("toRevision", change.toRevision())
          .put("newLines", change.newLines()));
    }
    return new JsonObject()
        .put("doc", generation.docId())
        .put("rev", generation.rev())
        .put("created", generation.created())
        .put("rooms", rooms);
  }

  private void overlaps(RoutingContext ctx) {
    String workshopId = ctx.pathParam("workshopId");
    Authenticator.caller(ctx).requireStaff(workshopId);
    reports.workshops().get(workshopId)
        .compose(w -> reports.overlaps(workshopId).compose(all -> reports.language(workshopId, preferredLanguage(ctx))
            .map(language -> overlapsJson(w, all, language))))
        .onSuccess(json -> Responses.ok(ctx, json))
        .onFailure(ctx::fail);
  }

  private static JsonObject overlapsJson(Workshop w, List<ReportService.Overlap> overlaps, String language) {
    ReportText text = ReportText.of(ReportState.locale(language));
    JsonArray groups = new JsonArray();
    for (ReportService.Overlap overlap : overlaps) {
      OverlapGroup group = overlap.group();
      JsonArray members = new JsonArray();
      for (OverlapPoint point : group.members()) {
        members.add(new JsonObject()
            .put("room", point.roomId())
            .put("roomName", w.room(point.roomId()).map(Room::name).orElse(null))
            .put("text", point.text())
            .put("kind", point.isIdea() ? "idea" : "finding"));
      }
      Theme theme = w.themes().stream().filter(t -> t.id().equals(group.themeId())).findFirst().orElseThrow();
      groups.add(new JsonObject()
          .put("id", group.id())
          .put("theme", group.themeId())
          .put("themeName", text.theme(theme))
          .put("rooms", group.rooms())
          .put("of", group.of())
          .put("raisedBy", text.raisedBy(group.rooms(), group.of()).strip().replaceAll("^[（(]|[）)]$", ""))
          .put("accepted", overlap.accepted())
          .put("members", members));
    }
    return new JsonObject().put("groups", groups);
  }

  private void accept(RoutingContext ctx) {
    Authenticator.caller(ctx).requireOrganiser();
    reports.accept(ctx.pathParam("workshopId"), ctx.pathParam("groupId"))
        .onSuccess(decision -> Responses.ok(ctx, decision(decision)))
        .onFailure(ctx::fail);
  }

  private void undo(RoutingContext ctx) {
    Authenticator.caller(ctx).requireOrganiser();
    reports.undo(ctx.pathParam("workshopId"), ctx.pathParam("groupId"))
        .onSuccess(decision -> Responses.ok(ctx, decision(decision)))
        .onFailure(ctx::fail);
  }

  private static JsonObject decision(ReportService.Decision decision) {
    return new JsonObject()
        .put("group", decision.groupId())
        .put("accepted", decision.accepted())
        .put("doc", decision.docId())
        .put("rev", decision.rev());
  }
}
