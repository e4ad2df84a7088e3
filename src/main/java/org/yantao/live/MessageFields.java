package org.yantao.live;

import com.fasterxml.jackson.databind.JsonNode;
import org.yantao.error.DomainException;

/**
 * Reads the fields of a client message, refusing wrong types and lengths with
 * {@code message.invalid} before anything is changed.
 */
final class MessageFields {
  /** Client-chosen ids and the ids of rooms, ideas and participants. */
  static final int MAX_ID_LENGTH = 64;

  private MessageFields() {}

  static String text(JsonNode message, String field, int maxLength) {
    String value = optionalText(message, field, maxLength);
    if (value == null) {
      throw DomainException.invalid("message.invalid", "\"" + field + "\" is required");
    }
    return value;
  }

  /** Null when the field is absent or null. */
  static String optionalText(JsonNode message, String field, int maxLength) {
    JsonNode node = message.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual() || node.asText().isEmpty() || node.asText().length() > maxLength) {
      throw DomainException.invalid("message.invalid", "\"" + field + "\" must be a string of 1 to " + maxLength + " characters");
    }
    return node.asText();
  }

  static String id(JsonNode message, String field) {
    return text(message, field, MAX_ID_LENGTH);
  }

  static String optionalId(JsonNode message, String field) {
    return optionalText(message, field, MAX_ID_LENGTH);
  }

  /** A reference checked elsewhere (a theme's id or name): absent or null for none, else any string. */
  static String reference(JsonNode message, String field) {
    JsonNode node = message.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw DomainException.invalid("message.invalid", "\"" + field + "\" must be a string or null");
    }
    return node.asText();
  }

  /** Null when the field is absent or null. */
  static Boolean flag(JsonNode message, String field) {
    JsonNode node = message.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isBoolean()) {
      throw DomainException.invalid("message.invalid", "\"" + field + "\" must be true or false");
    }
    return node.asBoolean();
  }

  static int count(JsonNode message, String field, int max) {
    JsonNode node = message.get(field);
    if (node == null || !node.isIntegralNumber() || node.asLong() < 0 || node.asLong() > max) {
      throw DomainException.invalid("message.invalid", "\"" + field + "\" must be a whole number from 0 to " + max);
    }
    return node.asInt();
  }
}
