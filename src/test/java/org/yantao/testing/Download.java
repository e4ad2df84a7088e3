package org.yantao.testing;

import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;

/** One HTTP answer kept as bytes, for files. */
public record Download(int status, MultiMap headers, byte[] body) {

  public String header(String name) {
    return headers.get(name);
  }

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The answer as a JSON reply, for refusals. */
  public Reply reply() {
    return new Reply(status, header("Content-Type"), text());
  }
}
