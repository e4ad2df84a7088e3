package org.yantao.store;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.hazelcast.map.EntryProcessor;

/**
 * The JSON form of stored values, shared by the database rows and the Hazelcast serialisers so
 * that a value reads back the same from either. Unknown fields are ignored so older code can read
 * rows written by newer code during a rolling upgrade.
 */
public final class StoredJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .addMixIn(EntryProcessor.class, EntryProcessorJson.class)
      .build();

  /**
   * An entry processor travels to other members as its own fields only. Without this its
   * {@code getBackupProcessor()} (by default the processor itself) reads as a property, and
   * writing it recurses: every change sent to another member would fail.
   */
  @JsonIgnoreProperties("backupProcessor")
  private interface EntryProcessorJson {}

  private StoredJson() {}

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot store " + value.getClass().getSimpleName(), e);
    }
  }

  public static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored " + type.getSimpleName() + " is unreadable", e);
    }
  }
}
