package org.yantao.cluster;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import org.yantao.store.StoredJson;

/**
 * Serialises a record for Hazelcast as one JSON field. Explicit (no reflection guessing, no Java
 * serialisation) and tolerant of added fields, at the cost of a parse per read: fine for workshop
 * data, which changes at human speed.
 */
public final class JsonCompactSerializer<T> implements CompactSerializer<T> {
  private final Class<T> type;

  public JsonCompactSerializer(Class<T> type) {
    this.type = type;
  }

  @Override
  public T read(CompactReader reader) {
    return StoredJson.read(reader.readString("json"), type);
  }

  @Override
  public void write(CompactWriter writer, T value) {
    writer.writeString("json", StoredJson.write(value));
  }

  @Override
  public String getTypeName() {
    return "yantao." + type.getName().substring(type.getPackageName().length() + 1);
  }

  @Override
  public Class<T> getCompactClass() {
    return type;
  }
}
