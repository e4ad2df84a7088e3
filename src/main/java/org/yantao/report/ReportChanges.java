package org.yantao.report;

import com.hazelcast.map.EntryProcessor;
import java.util.List;
import java.util.Map;
import org.yantao.error.DomainException;

/**
 * The changes a {@link ReportState} goes through, each an entry processor on the workshop's key
 * (backups replay them, so each carries its own time).
 */
public final class ReportChanges {
  private ReportChanges() {}

  public static List<Class<?>> types() {
    return List.of(ReportState.class, Generated.class, Accept.class, Forget.class);
  }

  /** The report was generated or refreshed at {@code at}; the first generation fixes its language. */
  public record Generated(String language, long at, Map<String, String> baselines)
      implements EntryProcessor<String, ReportState, ReportState> {
    @Override
    public ReportState process(Map.Entry<String, ReportState> entry) {
      ReportState current = entry.getValue() == null
          ? new ReportState(entry.getKey(), language, at, Map.of(), List.of())
          : entry.getValue();
      ReportState next = current.generated(at, baselines);
      entry.setValue(next);
      return next;
    }
  }

  /** Remembers an accepted overlap group, for undoing it later. */
  public record Accept(ReportState.StoredMerge merge) implements EntryProcessor<String, ReportState, ReportState> {
    @Override
    public ReportState process(Map.Entry<String, ReportState> entry) {
      ReportState next = require(entry).withMerge(merge);
      entry.setValue(next);
      return next;
    }
  }

  /** Forgets an overlap group that was undone. */
  public record Forget(String groupId) implements EntryProcessor<String, ReportState, ReportState> {
    @Override
    public ReportState process(Map.Entry<String, ReportState> entry) {
      ReportState next = require(entry).withoutMerge(groupId);
      entry.setValue(next);
      return next;
    }
  }

  private static ReportState require(Map.Entry<String, ReportState> entry) {
    if (entry.getValue() == null) {
      throw DomainException.conflict("report.not_generated", entry.getKey());
    }
    return entry.getValue();
  }
}
