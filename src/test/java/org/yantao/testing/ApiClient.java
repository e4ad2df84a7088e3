package org.yantao.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A small JSON client for the REST API over real HTTP. Immutable: {@link #withToken} and
 * {@link #withLanguage} return a client that adds those headers, sharing the same connections.
 * The blocking methods are for test threads; {@link #send} is for tests that need many requests
 * in flight at once.
 */
public final class ApiClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final WebClient web;
  private final String host;
  private final int port;
  private final String authorization;
  private final String language;

  private ApiClient(WebClient web, String host, int port, String authorization, String language) {
    this.web = web;
    this.host = host;
    this.port = port;
    this.authorization = authorization;
    this.language = language;
  }

  public static ApiClient create(Vertx vertx, String host, int port) {
    WebClient web = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(16));
    return new ApiClient(web, host, port, null, null);
  }

  public ApiClient withToken(String token) {
    return withAuthorization("Bearer " + token);
  }

  /** Sends this exact Authorization header, e.g. a malformed one. */
  public ApiClient withAuthorization(String header) {
    return new ApiClient(web, host, port, header, language);
  }

  public ApiClient withoutToken() {
    return new ApiClient(web, host, port, null, language);
  }

  public ApiClient withLanguage(String acceptLanguage) {
    return new ApiClient(web, host, port, authorization, acceptLanguage);
  }

  public Reply get(String path) {
    return await(send(HttpMethod.GET, path, null));
  }

  public Reply post(String path, Object body) {
    return await(send(HttpMethod.POST, path, body));
  }

  public Reply put(String path, Object body) {
    return await(send(HttpMethod.PUT, path, body));
  }

  public Reply patch(String path, Object body) {
    return await(send(HttpMethod.PATCH, path, body));
  }

  public Reply delete(String path) {
    return await(send(HttpMethod.DELETE, path, null));
  }

  /** A GET whose answer is kept as bytes with its headers, for downloads. */
  public Download download(String path) {
    try {
      return request(HttpMethod.GET, path).send()
          .map(r -> new Download(r.statusCode(), r.headers(), r.body() == null ? new byte[0] : r.body().getBytes()))
          .await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("No answer from the server: " + e, e);
    }
  }

  /** Sends a body exactly as given, for requests a well-behaved client would never make. */
  public Reply sendRaw(HttpMethod method, String path, String contentType, String body) {
    HttpRequest<Buffer> request = request(method, path);
    if (contentType != null) {
      request.putHeader("Content-Type", contentType);
    }
    return await(request.sendBuffer(Buffer.buffer(body)).map(r -> new Reply(r.statusCode(), r.getHeader("Content-Type"), r.bodyAsString())));
  }

  /**
   * Sends a request without waiting. A {@link JsonObject} or {@link JsonArray} body is sent as JSON;
   * null sends no body.
   */
  public Future<Reply> send(HttpMethod method, String path, Object body) {
    HttpRequest<Buffer> request = request(method, path);
    Future<io.vertx.ext.web.client.HttpResponse<Buffer>> response;
    if (body == null) {
      response = request.send();
    } else if (body instanceof JsonObject || body instanceof JsonArray) {
      response = request.sendJson(body);
    } else {
      throw new IllegalArgumentException("Body must be a JsonObject or JsonArray, not " + body.getClass());
    }
    return response.map(r -> new Reply(r.statusCode(), r.getHeader("Content-Type"), r.bodyAsString()));
  }

  private HttpRequest<Buffer> request(HttpMethod method, String path) {
    HttpRequest<Buffer> request = web.request(method, port, host, path).timeout(TIMEOUT.toMillis());
    if (authorization != null) {
      request.putHeader("Authorization", authorization);
    }
    if (language != null) {
      request.putHeader("Accept-Language", language);
    }
    return request;
  }

  private static Reply await(Future<Reply> reply) {
    try {
      return reply.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("No answer from the server: " + e, e);
    }
  }
}
