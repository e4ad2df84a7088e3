package org.yantao.text;

import com.hazelcast.map.IMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.yantao.Yantao;
import org.yantao.cluster.Async;
import org.yantao.cluster.MapNames;
import org.yantao.config.AppConfig;
import org.yantao.testing.ScratchDirectory;

/**
 * Replays the automerge-paper trace through a running node's apply path: one entry processor per
 * edit on the document's owner, with up to {@link #WINDOW} edits in flight (as many connections
 * would keep them), each handed to the journal and stored in the embedded database. Reports edits
 * per second until every edit is applied, and until every edit is durable.
 */
public final class ApplyPathBenchmark {
  private static final int WINDOW = 1000;
  private static final String EMPTY_DOCUMENT = "{\"ops\":[{\"insert\":\"\\n\"}]}";

  private ApplyPathBenchmark() {}

  public static void main(String[] args) throws Exception {
    EditingTrace trace = EditingTrace.load(EditingTrace.AUTOMERGE_PAPER);
    List<Delta> changes = trace.changes();
    try (ScratchDirectory data = ScratchDirectory.create("yantao-bench");
         Yantao node = Yantao.start(AppConfig.load(Map.of("YANTAO_DATA_DIR", data.path().toString(), "YANTAO_PORT", "0"))
             .withCluster("bench-" + UUID.randomUUID(), List.of(), AppConfig.DEFAULT_CLUSTER_PORT))) {
      IMap<String, DocumentState> documents = node.hazelcast().getMap(MapNames.DOCUMENTS);
      System.out.printf("trace %s: %d edits, final length %d; %d cores%n", trace.name(), changes.size(),
          trace.endContent().length(), Runtime.getRuntime().availableProcessors());
      replay(documents, "bench.warmup", changes, trace.endContent());
      for (int run = 1; run <= 3; run++) {
        replay(documents, "bench.run" + run, changes, trace.endContent());
      }
    }
  }

  private static void replay(IMap<String, DocumentState> documents, String docId, List<Delta> changes, String expected)
      throws Exception {
    documents.submitToKey(docId, new DocumentProcessors.OpenDocument(EMPTY_DOCUMENT)).toCompletableFuture().get();
    Semaphore window = new Semaphore(WINDOW);
    AtomicInteger refused = new AtomicInteger();
    long begin = System.nanoTime();
    for (int i = 0; i < changes.size(); i++) {
      window.acquire();
      documents.submitToKey(docId, new DocumentProcessors.ApplyOp("op" + i, "bench", "bench", i, changes.get(i), 0))
          .whenCompleteAsync((outcome, failure) -> {
            if (failure != null || outcome.status() != ApplyOutcome.Status.APPLIED) {
              refused.incrementAndGet();
            }
            window.release();
          }, Async.ON_COMPLETING_THREAD);
    }
    window.acquire(WINDOW);
    long applied = System.nanoTime() - begin;
    OpenedDocument state;
    do {
      TimeUnit.MILLISECONDS.sleep(5);
      state = documents.submitToKey(docId, new DocumentProcessors.OpenDocument(EMPTY_DOCUMENT)).toCompletableFuture().get();
    } while (state.durableRev() < changes.size());
    long durable = System.nanoTime() - begin;
    String text = RichText.of(DeltaJson.parse(state.deltaJson())).plainText();
    if (refused.get() > 0 || !text.equals(expected + "\n")) {
      throw new IllegalStateException(docId + ": " + refused.get() + " edits refused or the final text differs");
    }
    System.out.printf("%s: applied %.0f edits/s (%.2f s), durable %.0f edits/s (%.2f s)%n", docId,
        changes.size() / (applied / 1e9), applied / 1e9, changes.size() / (durable / 1e9), durable / 1e9);
  }
}
