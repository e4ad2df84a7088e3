package org.yantao.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yantao.testing.LiveFixture;
import org.yantao.testing.TestNode;

/** Every response, page or API, success or error, carries the security headers; the app's pages are served. */
class SecurityHeadersIT {
  private static TestNode node;
  private static Vertx vertx;
  private static WebClient client;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.startInScratch("yantao-headers");
    vertx = Vertx.vertx();
    client = WebClient.create(vertx);
  }

  @AfterAll
  static void stop() {
    LiveFixture.await(vertx.close());
    node.close();
  }

  private static HttpResponse<Buffer> get(String path) {
    return LiveFixture.await(client.get(node.port(), "127.0.0.1", path).send());
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    for (String path : List.of("/", "/j/ABC234", "/room", "/console", "/organiser", "/app.js", "/app.css",
        "/api/health", "/api/me", "/api/nothing-here", "/no-such-file")) {
      HttpResponse<Buffer> response = get(path);
      String csp = response.getHeader("Content-Security-Policy");
      assertThat(csp).as(path).contains("script-src 'self'", "frame-ancestors 'none'", "connect-src 'self'", "object-src 'none'")
          .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
      assertThat(response.getHeader("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(response.getHeader("Referrer-Policy")).as(path).isEqualTo("no-referrer");
      assertThat(response.getHeader("X-Frame-Options")).as(path).isEqualTo("DENY");
    }
  }

  @Test
  void theAppsPagesAreOneDocumentWithoutInlineScript() {
    for (String path : List.of("/", "/j/ABC234", "/i/some-invitation", "/room", "/console", "/organiser")) {
      HttpResponse<Buffer> page = get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(200);
      assertThat(page.getHeader("Content-Type")).as(path).startsWith("text/html");
      String html = page.bodyAsString();
      assertThat(html).as(path).contains("<script type=\"module\" src=\"/app.js\"></script>");
      assertThat(html.replace("<script type=\"module\" src=\"/app.js\"></script>", "")).as(path).doesNotContain("<script");
    }
    HttpResponse<Buffer> script = get("/app.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.getHeader("Content-Type")).contains("javascript");
    assertThat(script.bodyAsString()).contains("quill");
  }
}
