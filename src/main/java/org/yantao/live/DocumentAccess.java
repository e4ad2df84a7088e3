package org.yantao.live;

import io.vertx.core.Future;
import org.yantao.error.DomainException;
import org.yantao.security.Caller;
import org.yantao.text.Delta;
import org.yantao.workshop.DocumentIds;
import org.yantao.workshop.FindingsTemplate;
import org.yantao.workshop.Role;
import org.yantao.workshop.Room;
import org.yantao.workshop.WorkshopService;

/**
 * Who may open and change a document: a room's members, every facilitator of the workshop (a
 * facilitator's console may step into any room) and the organisers; observers of the workshop read
 * only; nobody writes in a closed room. The workshop's report is written by organisers and the
 * workshop's facilitators, read by its observers, and closed to participants.
 */
final class DocumentAccess {
  private static final Delta EMPTY_REPORT = Delta.insert("\n");

  private final WorkshopService workshops;

  DocumentAccess(WorkshopService workshops) {
    this.workshops = workshops;
  }

  record Grant(boolean writable, Delta initial) {}

  Future<Grant> check(Caller caller, String docId) {
    DocumentIds.DocumentRef ref = DocumentIds.parse(docId)
        .orElseThrow(() -> DomainException.notFound("doc.not_found", docId));
    if (!caller.organiser() && !ref.workshopId().equals(caller.workshopId())) {
      return Future.failedFuture(DomainException.forbidden("doc.forbidden", docId));
    }
    return workshops.forRoom(ref.workshopId(), ref.roomId())
        .recover(missing -> Future.failedFuture(DomainException.notFound("doc.not_found", docId)))
        .map(w -> {
      if (ref.report()) {
        return reportGrant(caller, docId);
      }
      Room room = w.room(ref.roomId()).orElseThrow(() -> DomainException.notFound("doc.not_found", docId));
      boolean observer = caller.role() == Role.OBSERVER;
      boolean belongs = caller.organiser() || caller.role() == Role.FACILITATOR
          || room.members().contains(caller.participantId());
      if (!observer && !belongs) {
        throw DomainException.forbidden("doc.forbidden", docId);
      }
      return new Grant(!observer && room.open(), FindingsTemplate.of(w, room));
    });
  }

  /** A report opened before it was generated starts empty; generating it then fills it in. */
  private static Grant reportGrant(Caller caller, String docId) {
    return switch (caller.role()) {
      case ORGANISER, FACILITATOR -> new Grant(true, EMPTY_REPORT);
      case OBSERVER -> new Grant(false, EMPTY_REPORT);
      default -> throw DomainException.forbidden("doc.forbidden", docId);
    };
  }
}
