package org.yantao.report;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.yantao.board.BoardService;
import org.yantao.board.Idea;
import org.yantao.error.DomainException;
import org.yantao.report.export.CjkFonts;
import org.yantao.report.export.DocxExporter;
import org.yantao.report.export.ExportDocument;
import org.yantao.report.export.ExportedFile;
import org.yantao.report.export.HtmlExporter;
import org.yantao.report.export.IdeaExportRow;
import org.yantao.report.export.IdeasCsvExporter;
import org.yantao.report.export.IdeasExporter;
import org.yantao.report.export.IdeasXlsxExporter;
import org.yantao.report.export.MarkdownExporter;
import org.yantao.report.export.PdfExporter;
import org.yantao.report.export.ReportExporter;
import org.yantao.security.Authenticator;
import org.yantao.security.Caller;
import org.yantao.workshop.Role;
import org.yantao.workshop.Room;
import org.yantao.workshop.Workshop;

/**
 * Downloads: the report, a room's findings and a workshop's ideas, each as a file with its type
 * and an ASCII-safe name. Rendering runs on a worker thread (PDF and DOCX take a good part of a
 * second for a full report), never on the event loop.
 */
public final class ExportRoutes {
  private final Vertx vertx;
  private final ReportService reports;
  private final BoardService boards;
  private final Map<String, ReportExporter> documentFormats;
  private final Map<String, IdeasExporter> ideaFormats;

  public ExportRoutes(Vertx vertx, ReportService reports, BoardService boards, CjkFonts fonts, ZoneId zone) {
    this.vertx = vertx;
    this.reports = reports;
    this.boards = boards;
    this.documentFormats = Map.of(
        "md", new MarkdownExporter(zone),
        "html", new HtmlExporter(zone),
        "pdf", new PdfExporter(fonts, zone),
        "docx", new DocxExporter(zone));
    this.ideaFormats = Map.of("csv", new IdeasCsvExporter(zone), "xlsx", new IdeasXlsxExporter(zone));
  }

  public void mount(RouterBuilder api) {
    for (Map.Entry<String, String> format : Map.of("md", "Markdown", "html", "Html", "pdf", "Pdf", "docx", "Docx").entrySet()) {
      api.getRoute("exportReport" + format.getValue()).addHandler(ctx -> report(ctx, format.getKey()));
      api.getRoute("exportFindings" + format.getValue()).addHandler(ctx -> findings(ctx, format.getKey()));
    }
    api.getRoute("exportIdeasCsv").addHandler(ctx -> ideas(ctx, "csv"));
    api.getRoute("exportIdeasXlsx").addHandler(ctx -> ideas(ctx, "xlsx"));
  }

  private void report(RoutingContext ctx, String format) {
    String workshopId = ctx.pathParam("workshopId");
    Authenticator.caller(ctx).requireStaff(workshopId);
    reports.current(workshopId)
        .compose(report -> {
          ReportText text = ReportText.of(report.state().locale());
          ExportDocument document = new ExportDocument(report.workshop().title(), text.reportTitle(),
              report.state().generatedAt(), report.content(), report.state().locale());
          return render(() -> documentFormats.get(format).export(document, workshopId + "-report"));
        })
        .onSuccess(file -> send(ctx, file))
        .onFailure(ctx::fail);
  }

  /** Staff of the workshop, and the room's members. */
  private void findings(RoutingContext ctx, String format) {
    String workshopId = ctx.pathParam("workshopId");
    String roomId = ctx.pathParam("roomId");
    Caller caller = Authenticator.caller(ctx);
    caller.requireWorkshop(workshopId);
    Locale locale = locale(ctx);
    reports.workshops().get(workshopId)
        .compose(w -> {
          Room room = w.requireRoom(roomId);
          boolean staff = caller.organiser() || caller.role() == Role.FACILITATOR;
          if (!staff && !room.members().contains(caller.participantId())) {
            throw DomainException.forbidden("auth.forbidden");
          }
          return reports.findings(w, room).compose(content -> render(() -> documentFormats.get(format).export(
              new ExportDocument(room.name(), w.title(), boards.now(), content, locale), roomId + "-findings")));
        })
        .onSuccess(file -> send(ctx, file))
        .onFailure(ctx::fail);
  }

  private void ideas(RoutingContext ctx, String format) {
    String workshopId = ctx.pathParam("workshopId");
    Authenticator.caller(ctx).requireStaff(workshopId);
    Locale locale = locale(ctx);
    reports.workshops().get(workshopId)
        .compose(w -> boards.workshopIdeas(w).compose(all -> {
          List<IdeaExportRow> rows = all.stream().map(item -> row(w, item, locale)).toList();
          return render(() -> ideaFormats.get(format).export(w.title(), rows, locale, workshopId));
        }))
        .onSuccess(file -> send(ctx, file))
        .onFailure(ctx::fail);
  }

  /** An anonymous idea shows neither its author nor their organisation, which could name them as well. */
  private static IdeaExportRow row(Workshop w, BoardService.RoomIdea item, Locale locale) {
    Idea idea = item.idea();
    String theme = w.themes().stream().filter(t -> t.id().equals(idea.theme())).findFirst()
        .map(t -> ReportText.of(locale).theme(t)).orElse(null);
    return new IdeaExportRow(item.room().name(), theme, idea.text(),
        idea.anonymous() ? null : idea.author().name(),
        idea.anonymous() ? null : idea.author().organisation(),
        idea.totalVotes(), idea.createdAt());
  }

  private static Locale locale(RoutingContext ctx) {
    return ReportState.locale(ReportState.preferredLanguage(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
  }

  private Future<ExportedFile> render(Callable<ExportedFile> export) {
    return vertx.executeBlocking(export, false);
  }

  private static void send(RoutingContext ctx, ExportedFile file) {
    ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, file.contentType())
        .putHeader(HttpHeaders.CONTENT_DISPOSITION, file.contentDisposition())
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end(Buffer.buffer(file.content()));
  }
}
