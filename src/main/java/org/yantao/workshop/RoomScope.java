package org.yantao.workshop;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/**
 * Reads a workshop as one of its rooms needs it, on the member that owns it: the workshop's own
 * fields and that room, without the other rooms or the list of participants. Every connection
 * checks its room this way when it opens a document, a board or the room itself, and every idea and
 * vote does too; a workshop of thousands is a value of hundreds of kilobytes, and reading it whole
 * each time cost a full copy and parse on the partition's thread per check.
 */
public record RoomScope(String roomId) implements EntryProcessor<String, Workshop, Workshop>, ReadOnly {

  @Override
  public Workshop process(Map.Entry<String, Workshop> entry) {
    Workshop workshop = entry.getValue();
    return workshop == null ? null : workshop.scopedTo(roomId);
  }

  @Override
  public EntryProcessor<String, Workshop, Workshop> getBackupProcessor() {
    return null;
  }
}
