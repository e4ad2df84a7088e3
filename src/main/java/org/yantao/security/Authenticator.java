package org.yantao.security;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import org.yantao.error.DomainException;

/**
 * Resolves the bearer token of a request, if any, into a {@link Caller}. Requests without a token
 * pass on anonymous (some endpoints are public); a token that resolves to nobody is refused here.
 * WebSocket sessions resolve the token of their {@code hello} the same way.
 */
public final class Authenticator implements Handler<RoutingContext> {
  private static final String CALLER = "yantao.caller";
  private static final String BEARER = "Bearer ";

  private final String organiserKeyHash;
  private final AccessTokens tokens;

  public Authenticator(String organiserKey, AccessTokens tokens) {
    this.organiserKeyHash = Secrets.hash(organiserKey);
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
    resolve(header.substring(BEARER.length()).trim())
        .onSuccess(caller -> {
          ctx.put(CALLER, caller);
          ctx.next();
        })
        .onFailure(ctx::fail);
  }

  /** Who a token (or the organiser key) belongs to; fails with {@code auth.invalid} for nobody. */
  public Future<Caller> resolve(String token) {
    if (token == null || token.isEmpty()) {
      return Future.failedFuture(DomainException.unauthorized("auth.invalid"));
    }
    String hash = Secrets.hash(token);
    if (Secrets.sameHash(hash, organiserKeyHash)) {
      return Future.succeededFuture(Caller.ORGANISER);
    }
    return tokens.resolveHash(hash).compose(grant -> grant == null
        ? Future.failedFuture(DomainException.unauthorized("auth.invalid"))
        : Future.succeededFuture(Caller.of(grant)));
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
