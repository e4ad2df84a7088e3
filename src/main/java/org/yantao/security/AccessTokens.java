package org.yantao.security;

import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import org.yantao.cluster.Async;
import org.yantao.cluster.InsertNew;

/** Issues participant tokens and resolves them again; only hashes reach the map and the database. */
public final class AccessTokens {
  private final IMap<String, AccessGrant> grants;

  public AccessTokens(IMap<String, AccessGrant> grants) {
    this.grants = grants;
  }

  /** A new token for the grant, returned once and never stored. */
  public Future<String> issue(AccessGrant grant) {
    String token = Secrets.newSecret();
    return Async.of(grants.submitToKey(Secrets.hash(token), new InsertNew<>(grant)))
        .compose(inserted -> inserted ? Future.succeededFuture(token)
            : Future.failedFuture(new IllegalStateException("Token hash collision")));
  }

  /** The grant behind a token, given as its {@link Secrets#hash}, or null when the token is unknown. */
  public Future<AccessGrant> resolveHash(String tokenHash) {
    return Async.of(grants.getAsync(tokenHash));
  }
}
