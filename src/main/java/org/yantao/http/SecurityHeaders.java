package org.yantao.http;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerResponse;

/**
 * Headers every response carries. The web app runs only its own bundled script (no inline script,
 * no eval), talks only to this origin (REST and the WebSocket: CSP 3 lets 'self' cover ws: and wss:
 * on the same host), draws the QR code on a canvas, and may not be framed.
 */
public final class SecurityHeaders {
  static final String CONTENT_SECURITY_POLICY = String.join("; ",
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'");

  private SecurityHeaders() {}

  public static void apply(HttpServerResponse response) {
    MultiMap headers = response.headers();
    headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("X-Frame-Options", "DENY");
    headers.set("Cross-Origin-Opener-Policy", "same-origin");
  }
}
