package org.yantao.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.openapi.validation.ValidatorErrorType;
import io.vertx.openapi.validation.ValidatorException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yantao.cluster.Async;
import org.yantao.error.DomainException;
import org.yantao.error.Messages;

/**
 * The one place where failures become responses: {@code {"error":{"code","message"}}} with a 4xx
 * for anything the client can fix, a 500 (logged once, never with details to the client) otherwise.
 */
public final class ApiFailureHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(ApiFailureHandler.class);

  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return;
    }
    Throwable failure = ctx.failure() == null ? null : Async.unwrap(ctx.failure());
    ApiError error = classify(failure, ctx.statusCode());
    if (error.status() >= 500) {
      LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
    }
    boolean chinese = Messages.prefersChinese(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    send(ctx, error.status(), error.code(), Messages.format(error.code(), error.args(), chinese));
  }

  static void send(RoutingContext ctx, int status, String code, String message) {
    JsonObject body = new JsonObject().put("error", new JsonObject().put("code", code).put("message", message));
    ctx.response().setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
        .end(body.encode());
  }

  private static ApiError classify(Throwable failure, int status) {
    if (failure instanceof HttpException h && h.getCause() instanceof ValidatorException v) {
      failure = v;
    }
    if (failure instanceof DomainException d) {
      return new ApiError(d.kind().httpStatus(), d.code(), d.args());
    }
    if (failure instanceof ValidatorException v) {
      // The validator reports a body that is not JSON at all as an illegal value.
      return v.type() == ValidatorErrorType.ILLEGAL_VALUE
          ? new ApiError(400, "request.malformed_json", List.of())
          : new ApiError(400, "request.invalid", List.of(v.getMessage()));
    }
    if (failure instanceof DecodeException) {
      return new ApiError(400, "request.malformed_json", List.of());
    }
    int code = failure instanceof HttpException h ? h.getStatusCode() : status;
    return switch (code) {
      case 400 -> new ApiError(400, "request.invalid", List.of(""));
      case 404 -> new ApiError(404, "request.not_found", List.of(""));
      case 405 -> new ApiError(405, "request.method_not_allowed", List.of());
      case 413 -> new ApiError(413, "request.too_large", List.of());
      default -> new ApiError(500, "server.error", List.of());
    };
  }

  private record ApiError(int status, String code, List<String> args) {}
}
