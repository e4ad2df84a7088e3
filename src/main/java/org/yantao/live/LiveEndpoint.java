package org.yantao.live;

import com.hazelcast.map.IMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import org.yantao.board.BoardService;
import org.yantao.room.RoomService;
import org.yantao.security.Authenticator;
import org.yantao.text.DocumentState;
import org.yantao.workshop.ParticipantService;
import org.yantao.workshop.WorkshopService;

/** {@code /ws}: upgrades to a WebSocket and starts a live session on it. */
public final class LiveEndpoint {
  /** Browsers cannot set headers on WebSockets; the web app may authenticate with this cookie. */
  public static final String TOKEN_COOKIE = "yantao_token";

  private final LiveServices services;

  public LiveEndpoint(Vertx vertx, Clock clock, Authenticator authenticator, ParticipantService participants,
      WorkshopService workshops, IMap<String, DocumentState> documents, BoardService boards, RoomService rooms) {
    this.services = new LiveServices(vertx, clock, authenticator, participants, new DocumentAccess(workshops),
        new DocumentHub(vertx.eventBus()), new RoomHub(vertx.eventBus(), rooms), documents,
        new BoardHub(vertx.eventBus(), boards));
  }

  public void mount(Router router) {
    router.get("/ws").handler(this::upgrade);
  }

  private void upgrade(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(TOKEN_COOKIE);
    String token = cookie == null ? null : cookie.getValue();
    ctx.request().toWebSocket()
        .onSuccess(socket -> new LiveSession(services, socket).start(token))
        .onFailure(ctx::fail);
  }
}
