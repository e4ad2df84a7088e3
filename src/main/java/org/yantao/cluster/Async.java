package org.yantao.cluster;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/** Brings Hazelcast's asynchronous answers back onto the caller's Vert.x context. */
public final class Async {
  private Async() {}

  public static <T> Future<T> of(CompletionStage<T> stage) {
    Context context = Vertx.currentContext();
    Future<T> future = context == null ? Future.fromCompletionStage(stage) : Future.fromCompletionStage(stage, context);
    return future.recover(e -> Future.failedFuture(unwrap(e)));
  }

  /** The exception a change actually threw, without the wrappers added on the way back. */
  public static Throwable unwrap(Throwable e) {
    Throwable cause = e;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
