package org.yantao.board;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;
import org.yantao.error.DomainException;

/**
 * One change to a board, run by Hazelcast on the member that owns the board's key: changes to one
 * board are applied one at a time without locks (which is what keeps the vote limit under
 * concurrent clicks). Backups replay the same change, which is deterministic in its fields, instead
 * of receiving the whole board. A board nobody has changed yet is the empty board.
 */
public interface BoardChange extends EntryProcessor<String, Board, BoardOutcome> {

  Board.Applied applyTo(Board current);

  @Override
  default BoardOutcome process(Map.Entry<String, Board> entry) {
    Board current = entry.getValue() == null ? Board.empty() : entry.getValue();
    Board.Applied applied;
    try {
      applied = applyTo(current);
    } catch (DomainException refused) {
      return new BoardOutcome(null, BoardOutcome.Refusal.of(refused));
    }
    if (applied.event().changed()) {
      entry.setValue(applied.board());
    }
    return new BoardOutcome(applied.event(), null);
  }
}
