package org.yantao.report;

import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.UUID;
import org.yantao.cluster.Async;
import org.yantao.error.DomainException;
import org.yantao.text.ApplyOutcome;
import org.yantao.text.Delta;
import org.yantao.text.DeltaJson;
import org.yantao.text.DocumentProcessors;
import org.yantao.text.DocumentState;
import org.yantao.text.OpenedDocument;

/**
 * The server's own reading and writing of co-edited documents, through the same entry processors
 * as the WebSocket path: a change is an op like anyone's, based on the revision it was computed
 * from, transformed against what others typed meanwhile, journaled and fanned out.
 */
final class ReportDocuments {
  /** The author of the server's ops, as collaborators see it in {@code doc.op}. */
  static final String SYSTEM_AUTHOR = "yantao";
  private static final String ORIGIN = "report";
  private static final long DURABLE_POLL_MS = 50;
  private static final long DURABLE_TIMEOUT_MS = 30_000;

  private final Vertx vertx;
  private final Clock clock;
  private final IMap<String, DocumentState> documents;

  ReportDocuments(Vertx vertx, Clock clock, IMap<String, DocumentState> documents) {
    this.vertx = vertx;
    this.clock = clock;
    this.documents = documents;
  }

  /** A document as of now. */
  record Read(long rev, Delta content) {}

  /** The document, created with {@code initial} if it never existed. */
  Future<Read> open(String docId, Delta initial) {
    return Async.of(documents.submitToKey(docId, new DocumentProcessors.OpenDocument(DeltaJson.toJsonString(initial))))
        .map((OpenedDocument opened) -> new Read(opened.rev(), DeltaJson.parse(opened.deltaJson())));
  }

  /** What became of a change: its revision, and whether it was applied now (not before, under the same id). */
  record Written(long rev, boolean applied) {}

  /** Applies a change made against {@code baseRev} with a fresh op id and answers once it is stored. */
  Future<Written> apply(String docId, long baseRev, Delta change) {
    return apply(docId, "report-" + UUID.randomUUID(), baseRev, change);
  }

  /**
   * Applies a change under {@code opId}: a change sent again under the same id is not applied
   * twice. Answers once the change is stored, as an ack on the WebSocket would.
   */
  Future<Written> apply(String docId, String opId, long baseRev, Delta change) {
    return Async.of(documents.submitToKey(docId,
            new DocumentProcessors.ApplyOp(opId, SYSTEM_AUTHOR, ORIGIN, baseRev, change, clock.millis())))
        .compose(outcome -> switch (outcome.status()) {
          case APPLIED -> durable(docId, outcome.rev()).map(new Written(outcome.rev(), true));
          case DUPLICATE_DURABLE, DUPLICATE_PENDING -> durable(docId, outcome.rev()).map(new Written(outcome.rev(), false));
          case RESYNC -> Future.failedFuture(new IllegalStateException(
              "The report changed by more than the server keeps while the change was computed: " + outcome.message()));
          case REJECTED -> Future.failedFuture(rejected(docId, outcome));
        });
  }

  private static DomainException rejected(String docId, ApplyOutcome outcome) {
    return DomainException.conflict(outcome.code(), docId);
  }

  /**
   * Completes once the journal has stored the document through {@code rev}: the stored ops after
   * {@code rev - 1} include {@code rev} only then.
   */
  Future<Void> durable(String docId, long rev) {
    Promise<Void> done = Promise.promise();
    poll(docId, rev, clock.millis() + DURABLE_TIMEOUT_MS, done);
    return done.future();
  }

  private void poll(String docId, long rev, long deadline, Promise<Void> done) {
    Async.of(documents.submitToKey(docId, new DocumentProcessors.ReadOps(rev - 1))).onComplete(read -> {
      if (read.failed()) {
        done.fail(read.cause());
      } else if (read.result() == null || !read.result().isEmpty()) {
        // Null: the op log has moved past rev, which it does only for stored ops.
        done.complete();
      } else if (clock.millis() > deadline) {
        done.fail(new IllegalStateException("Revision " + rev + " of " + docId + " was not stored in time"));
      } else {
        vertx.setTimer(DURABLE_POLL_MS, t -> poll(docId, rev, deadline, done));
      }
    });
  }
}
