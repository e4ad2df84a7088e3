package org.yantao.room;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import java.util.Map;
import org.yantao.text.DocumentState;
import org.yantao.text.LoggedOp;
import org.yantao.text.WordCount;

/**
 * Counts a findings document's words where the document lives, on its owner, so that the console
 * neither opens the document nor copies its content across the cluster.
 */
public record FindingsFigures() implements EntryProcessor<String, DocumentState, FindingsFigures.Figures>, ReadOnly {

  /** @param lastOpAt when the last op was applied; 0 when none is known (never edited, or just loaded) */
  public record Figures(int words, long lastOpAt) {
    static final Figures NONE = new Figures(0, 0);
  }

  @Override
  public Figures process(Map.Entry<String, DocumentState> entry) {
    DocumentState state = entry.getValue();
    if (state == null) {
      return Figures.NONE;
    }
    LoggedOp last = state.lastOp();
    return new Figures(WordCount.of(state.content().plainText()), last == null ? 0 : last.at());
  }

  @Override
  public EntryProcessor<String, DocumentState, Figures> getBackupProcessor() {
    return null;
  }
}
