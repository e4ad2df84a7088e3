package org.yantao.cluster;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;

/**
 * Stores a value under a key that must still be free, answering whether it was. Used to claim
 * join codes and to register tokens, participants and invitations without get-then-put races.
 */
public record InsertNew<V>(V value) implements EntryProcessor<String, V, Boolean> {

  @Override
  public Boolean process(Map.Entry<String, V> entry) {
    if (entry.getValue() != null) {
      return false;
    }
    entry.setValue(value);
    return true;
  }

  /** Writes the value as a nested Compact object, so its own serialiser and type travel with it. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public static final class Serializer implements CompactSerializer<InsertNew> {
    @Override
    public InsertNew read(CompactReader reader) {
      return new InsertNew(reader.readCompact("value"));
    }

    @Override
    public void write(CompactWriter writer, InsertNew insert) {
      writer.writeCompact("value", insert.value());
    }

    @Override
    public String getTypeName() {
      return "yantao.InsertNew";
    }

    @Override
    public Class<InsertNew> getCompactClass() {
      return InsertNew.class;
    }
  }
}
