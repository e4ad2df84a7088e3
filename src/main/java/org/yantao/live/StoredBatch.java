package org.yantao.live;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The ops of one document stored by one journal commit, announced as one event-bus message: each
 * clustered publish looks up its subscribers in Hazelcast, so announcing op by op would cost a
 * lookup per keystroke.
 */
record StoredBatch(List<DocEvent> ops) {

  /** Passed as is within a node, written compactly between nodes. */
  static final class Codec implements MessageCodec<StoredBatch, StoredBatch> {
    @Override
    public void encodeToWire(Buffer buffer, StoredBatch batch) {
      buffer.appendInt(batch.ops().size());
      for (DocEvent op : batch.ops()) {
        buffer.appendLong(op.rev());
        appendText(buffer, op.id());
        appendText(buffer, op.author());
        appendText(buffer, op.origin());
        appendBytes(buffer, op.frame());
      }
    }

    @Override
    public StoredBatch decodeFromWire(int pos, Buffer buffer) {
      int[] at = {pos};
      int count = buffer.getInt(at[0]);
      at[0] += Integer.BYTES;
      List<DocEvent> ops = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        long rev = buffer.getLong(at[0]);
        at[0] += Long.BYTES;
        ops.add(new DocEvent(rev, readText(buffer, at), readText(buffer, at), readText(buffer, at), readBytes(buffer, at)));
      }
      return new StoredBatch(ops);
    }

    @Override
    public StoredBatch transform(StoredBatch batch) {
      return batch;
    }

    @Override
    public String name() {
      return "yantao.storedBatch";
    }

    @Override
    public byte systemCodecID() {
      return -1;
    }

    private static void appendText(Buffer buffer, String text) {
      appendBytes(buffer, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void appendBytes(Buffer buffer, byte[] bytes) {
      buffer.appendInt(bytes.length).appendBytes(bytes);
    }

    private static String readText(Buffer buffer, int[] at) {
      return new String(readBytes(buffer, at), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(Buffer buffer, int[] at) {
      int length = buffer.getInt(at[0]);
      at[0] += Integer.BYTES;
      byte[] bytes = buffer.getBytes(at[0], at[0] + length);
      at[0] += length;
      return bytes;
    }
  }
}
