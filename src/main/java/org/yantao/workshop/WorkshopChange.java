package org.yantao.workshop;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;
import org.yantao.error.DomainException;

/**
 * One change to an existing workshop. Hazelcast runs it on the member that owns the workshop's key,
 * so changes to one workshop are applied one at a time without locks; backups replay the same change,
 * which is why every change carries its own timestamp instead of reading the clock.
 */
public interface WorkshopChange extends EntryProcessor<String, Workshop, Workshop> {

  Workshop applyTo(Workshop current);

  /** What the caller gets back: the whole changed workshop, unless a change says less will do. */
  default Workshop answer(Workshop next) {
    return next;
  }

  @Override
  default Workshop process(Map.Entry<String, Workshop> entry) {
    Workshop current = entry.getValue();
    if (current == null) {
      throw DomainException.notFound("workshop.not_found", entry.getKey());
    }
    Workshop next = applyTo(current);
    entry.setValue(next);
    return answer(next);
  }
}
