package org.yantao.room;

import io.vertx.core.Future;

/**
 * The idea board's part of the console: how many ideas and votes a room has, and when its board
 * last changed, provided by the board feature.
 */
public interface BoardFigures {
  /** @return the room's counts, or null when there is no board to count */
  Future<Counts> counts(String workshopId, String roomId);

  /** @param lastChangeAt when the board last changed (ms), 0 if never */
  record Counts(int ideas, int votes, long lastChangeAt) {}
}
