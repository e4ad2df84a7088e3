package org.yantao.testing;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.Callable;

/** Runs work on a client's own Vert.x context, where all its state lives, and answers with a future. */
public final class OnContext {
  private OnContext() {}

  public static <T> Future<T> call(Context context, Callable<T> work) {
    Promise<T> result = Promise.promise();
    context.runOnContext(v -> {
      try {
        result.complete(work.call());
      } catch (Exception e) {
        result.fail(e);
      }
    });
    return result.future();
  }
}
