package org.yantao.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.yantao.error.DomainException;
import org.yantao.security.Authenticator;

/**
 * The HTTP front door: the REST API generated from the OpenAPI contract (which validates every
 * request before a handler sees it), the contract itself, and the web app (bundled into the jar's
 * {@code webroot}), whose pages are all one document that routes by its path.
 */
public final class ApiVerticle extends VerticleBase {
  public static final String CONTRACT = "openapi/yantao.yaml";
  private static final String WEBROOT = "webroot";
  /** The web app's pages: join (also by link or invitation), room, console, organiser. */
  private static final List<String> APP_PAGES = List.of("/", "/j/:joinCode", "/i/:invitation", "/room", "/console", "/organiser", "/report");
  /** The largest request body and WebSocket message accepted (documented in the README and protocol). */
  static final int MAX_BODY_BYTES = 256 * 1024;

  private final OpenAPIContract contract;
  private final String host;
  private final int port;
  private final Authenticator authenticator;
  private final List<Consumer<RouterBuilder>> features;
  private final List<Consumer<Router>> extraRoutes;
  private HttpServer server;

  public ApiVerticle(OpenAPIContract contract, String host, int port, Authenticator authenticator,
      List<Consumer<RouterBuilder>> features, List<Consumer<Router>> extraRoutes) {
    this.contract = contract;
    this.host = host;
    this.port = port;
    this.authenticator = authenticator;
    this.features = List.copyOf(features);
    this.extraRoutes = List.copyOf(extraRoutes);
  }

  /**
   * Reads and checks the contract. It takes seconds on a cold JVM, so the node does it while the
   * database and Hazelcast start, on a Vert.x of its own: the contract is plain data afterwards.
   */
  public static OpenAPIContract loadContract() throws Exception {
    Vertx loader = Vertx.vertx();
    try {
      return OpenAPIContract.from(loader, CONTRACT).await(60, TimeUnit.SECONDS);
    } finally {
      loader.close();
    }
  }

  @Override
  public Future<?> start() {
    RouterBuilder api = RouterBuilder.create(vertx, contract, RequestExtractor.withBodyHandler());
    api.rootHandler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
    api.rootHandler(authenticator);
    features.forEach(feature -> feature.accept(api));
    api.getRoutes().forEach(route -> route.setDoSecurity(false));
    Router router = api.createRouter();

    router.get("/api/openapi.yaml").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/yaml; charset=utf-8").sendFile(CONTRACT));
    extraRoutes.forEach(routes -> routes.accept(router));
    // The contract knows every path: a path it has, asked with another method, is a 405.
    router.route("/api/*").handler(ctx -> ctx.fail(contract.findPath(ctx.normalizedPath()) != null
        ? new HttpException(405)
        : DomainException.notFound("request.not_found", ctx.request().path())));
    APP_PAGES.forEach(page -> router.get(page).handler(ApiVerticle::appPage));
    router.route().handler(StaticHandler.create(WEBROOT));
    ApiFailureHandler failures = new ApiFailureHandler();
    router.route().failureHandler(failures);
    router.errorHandler(404, failures);
    router.errorHandler(405, failures);
    router.errorHandler(500, failures);

    HttpServerOptions options = new HttpServerOptions()
        .setMaxWebSocketFrameSize(MAX_BODY_BYTES)
        .setMaxWebSocketMessageSize(MAX_BODY_BYTES);
    return vertx.createHttpServer(options)
        .requestHandler(request -> {
          SecurityHeaders.apply(request.response());
          router.handle(request);
        })
        .listen(port, host)
        .onSuccess(listening -> server = listening);
  }

  /** The page is always fetched afresh, so that a new version of the app is picked up on reload. */
  private static void appPage(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-cache")
        .sendFile(WEBROOT + "/index.html");
  }

  public int actualPort() {
    return server.actualPort();
  }
}
