package org.yantao.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yantao.error.Messages;
import org.yantao.text.Delta;
import org.yantao.text.DeltaJson;

/**
 * What the server keeps about a workshop's report besides the document itself (stored as JSON,
 * written through): that it was generated, in which language, each room's findings as the last
 * generation read them, and the overlap groups the organiser accepted.
 *
 * @param baselines by room id, the findings (Delta JSON) the report last took in from the room:
 *     a refresh treats their lines as known, so a line an organiser deleted from the report does
 *     not come back as new
 */
public record ReportState(
    String workshopId, String language, long generatedAt, Map<String, String> baselines, List<StoredMerge> merges) {

  public static final String CHINESE = "zh";
  public static final String ENGLISH = "en";

  public ReportState {
    baselines = Map.copyOf(baselines);
    merges = List.copyOf(merges);
  }

  public Locale locale() {
    return locale(language);
  }

  /** Chinese unless English was asked for. */
  public static Locale locale(String language) {
    return ENGLISH.equals(language) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
  }

  /** Chinese unless an Accept-Language header prefers English (or names another language before Chinese). */
  public static String preferredLanguage(String acceptLanguage) {
    return acceptLanguage == null || Messages.prefersChinese(acceptLanguage) ? CHINESE : ENGLISH;
  }

  public Map<String, Delta> baselineDeltas() {
    Map<String, Delta> deltas = new HashMap<>();
    baselines.forEach((room, json) -> deltas.put(room, DeltaJson.parse(json)));
    return deltas;
  }

  public Optional<StoredMerge> merge(String groupId) {
    return merges.stream().filter(m -> m.groupId().equals(groupId)).findFirst();
  }

  ReportState generated(long at, Map<String, String> newBaselines) {
    Map<String, String> all = new HashMap<>(baselines);
    all.putAll(newBaselines);
    return new ReportState(workshopId, language, at, all, merges);
  }

  ReportState withMerge(StoredMerge merge) {
    List<StoredMerge> all = new ArrayList<>(merges);
    all.removeIf(m -> m.groupId().equals(merge.groupId()));
    all.add(merge);
    return new ReportState(workshopId, language, generatedAt, baselines, all);
  }

  ReportState withoutMerge(String groupId) {
    List<StoredMerge> all = new ArrayList<>(merges);
    all.removeIf(m -> m.groupId().equals(groupId));
    return new ReportState(workshopId, language, generatedAt, baselines, all);
  }

  /** The JSON form of an {@link AcceptedMerge}: removed lines as Delta JSON. */
  public record StoredMerge(String groupId, String themeId, String annotation, List<StoredLine> removed) {
    public StoredMerge {
      removed = List.copyOf(removed);
    }

    static StoredMerge of(AcceptedMerge merge) {
      return new StoredMerge(merge.groupId(), merge.themeId(), merge.annotation(), merge.removed().stream()
          .map(r -> new StoredLine(DeltaJson.toJsonString(r.line()), r.anchorProvenance(), r.anchorText()))
          .toList());
    }

    AcceptedMerge accepted() {
      return new AcceptedMerge(groupId, themeId, annotation, removed.stream()
          .map(r -> new AcceptedMerge.RemovedLine(DeltaJson.parse(r.line()), r.anchorProvenance(), r.anchorText()))
          .toList());
    }
  }

  public record StoredLine(String line, String anchorProvenance, String anchorText) {}
}
