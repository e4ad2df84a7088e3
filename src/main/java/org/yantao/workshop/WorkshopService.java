package org.yantao.workshop;

import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yantao.cluster.Async;
import org.yantao.cluster.InsertNew;
import org.yantao.error.DomainException;
import org.yantao.security.Ids;

/** Creates, reads and changes workshops and their rooms; every change is one processor on one key. */
public final class WorkshopService {
  private static final int JOIN_CODE_ATTEMPTS = 8;

  private final Vertx vertx;
  private final IMap<String, Workshop> workshops;
  private final IMap<String, JoinCode> joinCodes;
  private final Clock clock;

  public WorkshopService(Vertx vertx, IMap<String, Workshop> workshops, IMap<String, JoinCode> joinCodes, Clock clock) {
    this.vertx = vertx;
    this.workshops = workshops;
    this.joinCodes = joinCodes;
    this.clock = clock;
  }

  /** Claims a join code first, so a stored workshop always has one that leads back to it. */
  public Future<Workshop> create(String title, String description, List<Theme> themes, List<WorkshopChanges.NewRoom> rooms) {
    String id = Ids.next("w");
    return claimJoinCode(id, JOIN_CODE_ATTEMPTS).compose(code -> {
      long now = clock.millis();
      Workshop empty = new Workshop(id, title, description == null ? "" : description,
          themes == null ? Theme.defaults() : themes, code, true, List.of(), List.of(), now, now);
      Workshop workshop = rooms.isEmpty() ? empty : new WorkshopChanges.AddRooms(rooms, now).applyTo(empty);
      return Async.of(workshops.submitToKey(id, new WorkshopChanges.Create(workshop)));
    });
  }

  private Future<String> claimJoinCode(String workshopId, int attemptsLeft) {
    String code = JoinCodes.next();
    return Async.of(joinCodes.submitToKey(code, new InsertNew<>(new JoinCode(workshopId))))
        .compose(claimed -> {
          if (claimed) {
            return Future.succeededFuture(code);
          }
          if (attemptsLeft <= 1) {
            return Future.failedFuture(new IllegalStateException("No free join code after " + JOIN_CODE_ATTEMPTS + " tries"));
          }
          return claimJoinCode(workshopId, attemptsLeft - 1);
        });
  }

  public Future<List<Workshop>> list() {
    return vertx.executeBlocking(() -> {
      List<Workshop> all = new ArrayList<>(workshops.values());
      all.sort(Comparator.comparingLong(Workshop::createdAt).thenComparing(Workshop::id));
      return all;
    });
  }

  public Future<Workshop> get(String id) {
    return Async.of(workshops.getAsync(id)).compose(w -> found(w, id));
  }

  /**
   * The workshop as one of its rooms sees it ({@link Workshop#scopedTo}; no room if {@code roomId}
   * is null): for the checks made per join, per connection and per change, which must not copy a
   * workshop of thousands of participants each time.
   */
  public Future<Workshop> forRoom(String workshopId, String roomId) {
    return Async.of(workshops.submitToKey(workshopId, new RoomScope(roomId))).compose(w -> found(w, workshopId));
  }

  private static Future<Workshop> found(Workshop w, String id) {
    return w == null
        ? Future.failedFuture(DomainException.notFound("workshop.not_found", id))
        : Future.succeededFuture(w);
  }

  /** The workshop a typed join code opens. */
  public Future<Workshop> byJoinCode(String typed) {
    String code = JoinCodes.normalise(typed);
    if (code == null) {
      return Future.failedFuture(DomainException.notFound("join.code_unknown", typed));
    }
    return Async.of(joinCodes.getAsync(code)).compose(found -> found == null
        ? Future.failedFuture(DomainException.notFound("join.code_unknown", typed))
        : forRoom(found.workshopId(), null));
  }

  public Future<Workshop> change(String workshopId, WorkshopChange change) {
    return Async.of(workshops.submitToKey(workshopId, change));
  }

  public long now() {
    return clock.millis();
  }
}
