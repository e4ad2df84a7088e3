package org.yantao.live;

import com.hazelcast.map.IMap;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yantao.cluster.Async;
import org.yantao.store.JdbcDocumentJournal;
import org.yantao.text.DocumentProcessors;
import org.yantao.text.DocumentState;
import org.yantao.text.LoggedOp;

/**
 * Announces ops once the journal has stored them: to every node showing the document (the author's
 * node turns its own op into an ack), and to the document itself, which records how far it is stored.
 */
public final class DocumentFanout implements JdbcDocumentJournal.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(DocumentFanout.class);

  private final EventBus bus;
  private final IMap<String, DocumentState> documents;

  public DocumentFanout(EventBus bus, IMap<String, DocumentState> documents) {
    this.bus = bus;
    this.documents = documents;
    bus.registerDefaultCodec(StoredBatch.class, new StoredBatch.Codec());
  }

  @Override
  public void stored(List<JdbcDocumentJournal.StoredOps> batch) {
    for (JdbcDocumentJournal.StoredOps stored : batch) {
      List<DocEvent> events = new ArrayList<>(stored.ops().size());
      for (int i = 0; i < stored.ops().size(); i++) {
        LoggedOp op = stored.ops().get(i);
        events.add(new DocEvent(op.rev(), op.id(), op.author(), op.origin(),
            Frames.op(stored.docId(), op.rev(), op.id(), op.author(), stored.deltaJson().get(i))));
      }
      bus.publish(DocumentHub.address(stored.docId()), new StoredBatch(events),
          new DeliveryOptions().addHeader(DocumentHub.KIND, DocumentHub.KIND_OPS));
      long last = stored.ops().get(stored.ops().size() - 1).rev();
      documents.submitToKey(stored.docId(), new DocumentProcessors.MarkDurable(last))
          .whenCompleteAsync((done, e) -> {
            if (e != null) {
              LOG.warn("Could not mark {} stored through revision {}", stored.docId(), last, e);
            }
          }, Async.ON_COMPLETING_THREAD);
    }
  }
}
