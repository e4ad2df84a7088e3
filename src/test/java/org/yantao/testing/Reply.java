package org.yantao.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;

/** One HTTP answer, with assertions for the two shapes the API answers in. */
public record Reply(int status, String contentType, String body) {

  public JsonObject json() {
    return new JsonObject(body);
  }

  /** Asserts the status and returns the JSON body (an empty object when there is none). */
  public JsonObject expect(int expectedStatus) {
    assertThat(status).as("status of a reply with body %s", body).isEqualTo(expectedStatus);
    return body == null || body.isEmpty() ? new JsonObject() : json();
  }

  /**
   * Asserts a refusal as the contract describes it: the given status and code, a JSON body holding
   * only {@code {"error":{"code","message"}}}, a readable message, and nothing of the server's insides.
   * Returns the message.
   */
  public String expectError(int expectedStatus, String expectedCode) {
    assertThat(status).as("status of a reply with body %s", body).isEqualTo(expectedStatus);
    assertThat(contentType).as("content type").startsWith("application/json");
    JsonObject json = json();
    assertThat(json.fieldNames()).containsExactly("error");
    JsonObject error = json.getJsonObject("error");
    assertThat(error.fieldNames()).containsExactlyInAnyOrder("code", "message");
    assertThat(error.getString("code")).isEqualTo(expectedCode);
    String message = error.getString("message");
    assertThat(message).isNotBlank().isNotEqualTo(expectedCode)
        .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("org.yantao");
    return message;
  }
}
