package org.yantao.security;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import org.yantao.error.DomainException;

/**
 * Resolves the bearer token of a request, if any, into a {@link Caller}. Requests without a token
 * pass on anonymous (some endpoints are public); a token that resolves to nobody is refused here.
 */
public final class Authenticator implements Handler<RoutingContext> {
  private static final String CALLER = "yantao.caller";
  private static final String BEARER = "Bearer ";

  private final String organiserKey;
  private final AccessTokens tokens;

  public Authenticator(String organiserKey, AccessTokens tokens) {
    this.organiserKey = organiserKey;
    this.tokens = tokens;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null) {
      ctx.next();
      return;
    }
    if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length()) || header.length() == BEARER.length()) {
      ctx.fail(DomainException.unauthorized("auth.invalid"));
      return;
    }
    String token = header.substring(BEARER.length()).trim();
    if (Secrets.sameSecret(token, organiserKey)) {
      ctx.put(CALLER, Caller.ORGANISER);
      ctx.next();
      return;
    }
    tokens.resolve(token).onComplete(found -> {
      if (found.failed()) {
        ctx.fail(found.cause());
      } else if (found.result() == null) {
        ctx.fail(DomainException.unauthorized("auth.invalid"));
      } else {
        ctx.put(CALLER, Caller.of(found.result()));
        ctx.next();
      }
    });
  }

  /** The authenticated caller; throws (and so answers 401) for anonymous requests. */
  public static Caller caller(RoutingContext ctx) {
    Caller caller = ctx.get(CALLER);
    if (caller == null) {
      throw DomainException.unauthorized("auth.missing");
    }
    return caller;
  }
}
