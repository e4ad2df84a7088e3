package org.yantao.report;

import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yantao.board.BoardService;
import org.yantao.cluster.Async;
import org.yantao.error.DomainException;
import org.yantao.text.Delta;
import org.yantao.text.DeltaJson;
import org.yantao.text.DocumentState;
import org.yantao.workshop.DocumentIds;
import org.yantao.workshop.FindingsTemplate;
import org.yantao.workshop.Participant;
import org.yantao.workshop.ParticipantService;
import org.yantao.workshop.Room;
import org.yantao.workshop.Workshop;
import org.yantao.workshop.WorkshopService;

/**
 * Generates and refreshes a workshop's report and applies the organiser's overlap decisions. Reads
 * the rooms' findings, people and boards as they are, runs the pure functions of this package on
 * them, and sends the result into the report document as an op of {@link ReportDocuments#SYSTEM_AUTHOR}.
 * Every answer comes once the change is stored.
 */
public final class ReportService {
  /** The op id of the first generation: two organisers generating at once fill the report once. */
  private static final String GENERATE_OP = "report-generate";
  private static final Delta EMPTY = Delta.insert(DocumentLine.NEWLINE);

  private final WorkshopService workshops;
  private final ParticipantService participants;
  private final BoardService boards;
  private final IMap<String, ReportState> reports;
  private final ReportDocuments documents;
  private final Clock clock;

  public ReportService(Vertx vertx, Clock clock, WorkshopService workshops, ParticipantService participants,
      BoardService boards, IMap<String, DocumentState> documents, IMap<String, ReportState> reports) {
    this.workshops = workshops;
    this.participants = participants;
    this.boards = boards;
    this.reports = reports;
    this.documents = new ReportDocuments(vertx, clock, documents);
    this.clock = clock;
  }

  /** What a generation did: the report's revision, whether it was created, and the rooms that brought lines. */
  public record Generation(String docId, long rev, boolean created, List<ReportRefresh.RoomChange> rooms) {}

  /** An overlap group and whether the organiser merged it in the report. */
  public record Overlap(OverlapGroup group, boolean accepted) {}

  /** The report's revision after an overlap decision. */
  public record Decision(String groupId, boolean accepted, String docId, long rev) {}

  /** The report's content and state, for exports. */
  public record Current(Workshop workshop, ReportState state, Delta content) {}

  public WorkshopService workshops() {
    return workshops;
  }

  /**
   * Creates the report from the sources the first time (or fills a report that is still empty);
   * otherwise inserts what rooms wrote since, marked fresh, and changes nothing else.
   *
   * @param language {@code zh} or {@code en}; kept from the first generation on
   */
  public Future<Generation> generate(String workshopId, String language) {
    String docId = DocumentIds.report(workshopId);
    return workshops.get(workshopId).compose(w -> Future.all(sources(w), state(workshopId), documents.open(docId, EMPTY))
        .compose(all -> {
          ReportSources sources = all.resultAt(0);
          Optional<ReportState> state = all.resultAt(1);
          ReportDocuments.Read report = all.resultAt(2);
          String reportLanguage = state.map(ReportState::language).orElse(language);
          Locale locale = ReportState.locale(reportLanguage);
          ReportRefresh refresh = new ReportRefresh(locale);
          Future<Generation> written;
          if (report.rev() == 0) {
            Delta built = new ReportBuilder(locale, ReportBuilder.DEFAULT_TOP_IDEAS).build(sources);
            List<ReportRefresh.RoomChange> rooms = refresh.refresh(EMPTY, sources, Map.of()).rooms();
            Delta.Builder fill = Delta.builder();
            built.ops().forEach(fill::push);
            fill.delete(EMPTY.length());
            written = documents.apply(docId, GENERATE_OP, 0, fill.build())
                .map(done -> new Generation(docId, done.rev(), done.applied(), done.applied() ? rooms : List.of()));
          } else {
            Map<String, Delta> baselines = state.map(ReportState::baselineDeltas).orElse(Map.of());
            ReportRefresh.Result result = refresh.refresh(report.content(), sources, baselines);
            written = result.change().ops().isEmpty()
                ? Future.succeededFuture(new Generation(docId, report.rev(), false, List.of()))
                : documents.apply(docId, opId("refresh", report.rev(), result.change()), report.rev(), result.change())
                    .map(done -> new Generation(docId, done.rev(), false, done.applied() ? result.rooms() : List.of()));
          }
          return written.compose(generation -> Async.of(reports.submitToKey(workshopId,
                  new ReportChanges.Generated(reportLanguage, clock.millis(), baselines(sources))))
              .map(generation));
        }));
  }

  /** The overlap groups among the rooms' points as they are now, each with the organiser's decision. */
  public Future<List<Overlap>> overlaps(String workshopId) {
    return workshops.get(workshopId).compose(w -> Future.all(sources(w), state(workshopId)).map(all -> {
      ReportSources sources = all.resultAt(0);
      Optional<ReportState> state = all.resultAt(1);
      List<Overlap> overlaps = new ArrayList<>();
      for (OverlapGroup group : OverlapFinder.find(sources)) {
        overlaps.add(new Overlap(group, state.flatMap(s -> s.merge(group.id())).isPresent()));
      }
      return overlaps;
    }));
  }

  /** The language the report is written in, or {@code preferred} before it is generated. */
  public Future<String> language(String workshopId, String preferred) {
    return state(workshopId).map(state -> state.map(ReportState::language).orElse(preferred));
  }

  /** Merges an overlap group's points in the report into its first, annotated "raised by k of n groups". */
  public Future<Decision> accept(String workshopId, String groupId) {
    String docId = DocumentIds.report(workshopId);
    return workshops.get(workshopId).compose(w -> Future.all(sources(w), requireState(workshopId)).compose(all -> {
      ReportSources sources = all.resultAt(0);
      ReportState state = all.resultAt(1);
      OverlapGroup group = OverlapFinder.find(sources).stream().filter(g -> g.id().equals(groupId)).findFirst()
          .orElseThrow(() -> DomainException.notFound("overlap.not_found", groupId));
      if (state.merge(groupId).isPresent()) {
        throw DomainException.conflict("overlap.already_accepted", groupId);
      }
      return documents.open(docId, EMPTY).compose(report -> {
        OverlapMerge.Accepted accepted = OverlapMerge.accept(report.content(), group, state.locale())
            .orElseThrow(() -> DomainException.conflict("overlap.not_in_report", groupId));
        return documents.apply(docId, opId("accept-" + groupId, report.rev(), accepted.change()), report.rev(), accepted.change())
            .compose(done -> Async.of(reports.submitToKey(workshopId,
                    new ReportChanges.Accept(ReportState.StoredMerge.of(accepted.merge()))))
                .map(new Decision(groupId, true, docId, done.rev())));
      });
    }));
  }

  /** Undoes an accepted group against the report as it is now: the removed points come back. */
  public Future<Decision> undo(String workshopId, String groupId) {
    String docId = DocumentIds.report(workshopId);
    return workshops.get(workshopId).compose(w -> requireState(workshopId)).compose(state -> {
      AcceptedMerge merge = state.merge(groupId).orElseThrow(() -> DomainException.conflict("overlap.not_accepted", groupId))
          .accepted();
      return documents.open(docId, EMPTY).compose(report -> {
        Delta change = OverlapMerge.undo(report.content(), merge);
        Future<Long> rev = change.ops().isEmpty()
            ? Future.succeededFuture(report.rev())
            : documents.apply(docId, opId("undo-" + groupId, report.rev(), change), report.rev(), change)
                .map(ReportDocuments.Written::rev);
        return rev.compose(done -> Async.of(reports.submitToKey(workshopId, new ReportChanges.Forget(groupId)))
            .map(new Decision(groupId, false, docId, done)));
      });
    });
  }

  /** The generated report as it is now; {@code report.not_generated} before the first generation. */
  public Future<Current> current(String workshopId) {
    return workshops.get(workshopId).compose(w -> requireState(workshopId).compose(state ->
        documents.open(DocumentIds.report(workshopId), EMPTY).map(report -> new Current(w, state, report.content()))));
  }

  /** A room's findings as they are now. */
  public Future<Delta> findings(Workshop workshop, Room room) {
    return documents.open(DocumentIds.findings(workshop.id(), room.id()), FindingsTemplate.of(workshop, room))
        .map(ReportDocuments.Read::content);
  }

  /** Every room's findings, the organisations of the people in the rooms, and every idea with its votes. */
  private Future<ReportSources> sources(Workshop w) {
    List<Future<RoomFindings>> findings = w.rooms().stream()
        .map(room -> documents.open(DocumentIds.findings(w.id(), room.id()), FindingsTemplate.of(w, room))
            .map(read -> new RoomFindings(room.id(), read.content(), read.rev())))
        .toList();
    Future<Map<String, String>> organisations = participants.of(w).map(people -> {
      Map<String, String> byId = new HashMap<>();
      for (Participant p : people) {
        if (p.organisation() != null) {
          byId.put(p.id(), p.organisation());
        }
      }
      return byId;
    });
    Future<List<ReportIdea>> ideas = boards.workshopIdeas(w).map(all -> all.stream()
        .map(item -> new ReportIdea(item.idea().id(), item.room().id(), item.idea().theme(), item.idea().text(),
            item.idea().totalVotes(), item.idea().createdAt()))
        .toList());
    return Future.all(Future.all(findings), organisations, ideas)
        .map(all -> ReportSources.of(w, findings.stream().map(Future::result).toList(), organisations.result(), ideas.result()));
  }

  private static Map<String, String> baselines(ReportSources sources) {
    Map<String, String> baselines = new HashMap<>();
    sources.findings().forEach((room, findings) -> baselines.put(room, DeltaJson.toJsonString(findings.content())));
    return baselines;
  }

  private Future<Optional<ReportState>> state(String workshopId) {
    return Async.of(reports.getAsync(workshopId)).map(Optional::ofNullable);
  }

  private Future<ReportState> requireState(String workshopId) {
    return state(workshopId).map(state -> state.orElseThrow(() -> DomainException.conflict("report.not_generated", workshopId)));
  }

  /**
   * The same change computed from the same revision gets the same id, so two organisers pressing
   * the same button at once change the report once.
   */
  private static String opId(String kind, long baseRev, Delta change) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(DeltaJson.toJsonString(change).getBytes(StandardCharsets.UTF_8));
      String id = kind + "-" + baseRev + "-" + HexFormat.of().formatHex(hash, 0, 8);
      return id.length() <= 64 ? id : id.substring(id.length() - 64);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
