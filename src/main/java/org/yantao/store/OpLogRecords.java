package org.yantao.store;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.yantao.text.DeltaJson;
import org.yantao.text.DocumentSnapshot;
import org.yantao.text.LoggedOp;

/**
 * The op log's records: {@code [length][CRC-32][body]}, where the body is one op or one snapshot.
 * A process killed while writing leaves at most its last record torn; its length or checksum gives
 * it away, and reading stops there (that record was never acknowledged).
 */
final class OpLogRecords {
  private static final byte OP = 1;
  private static final byte SNAPSHOT = 2;
  private static final int HEADER_BYTES = 8;

  /** What a segment held: the entries of its whole records, and how many bytes after them were not whole. */
  record Read(List<JournalEntry> entries, int tornBytes) {}

  /** Encodes records one after another into a buffer that is reused from batch to batch. */
  static final class Writer {
    private final Bytes batch = new Bytes();
    private final Bytes body = new Bytes();
    private final CRC32 crc = new CRC32();

    /** Starts a new batch. */
    void clear() {
      batch.reset();
    }

    void add(JournalEntry entry) {
      if (entry instanceof JournalEntry.Ops ops) {
        for (int i = 0; i < ops.ops().size(); i++) {
          LoggedOp op = ops.ops().get(i);
          body.reset();
          body.write(OP);
          body.text(ops.docId());
          body.number(op.rev());
          body.text(op.id());
          body.text(op.author());
          body.number(op.at());
          body.text(ops.json(i));
          record();
        }
      } else if (entry instanceof JournalEntry.Snapshot s) {
        body.reset();
        body.write(SNAPSHOT);
        body.text(s.docId());
        body.number(s.snapshot().rev());
        body.number(s.at());
        body.text(s.snapshot().deltaJson());
        record();
      }
    }

    /** The batch so far, without copying it. */
    ByteBuffer bytes() {
      return batch.view();
    }

    private void record() {
      crc.reset();
      crc.update(body.view());
      batch.integer(body.size());
      batch.integer((int) crc.getValue());
      body.writeTo(batch);
    }
  }

  private OpLogRecords() {}

  static Read read(byte[] segment) {
    ByteBuffer in = ByteBuffer.wrap(segment);
    List<JournalEntry> entries = new ArrayList<>();
    CRC32 crc = new CRC32();
    while (in.remaining() >= HEADER_BYTES) {
      int start = in.position();
      int length = in.getInt();
      int checksum = in.getInt();
      if (length <= 0 || length > in.remaining()) {
        in.position(start);
        break;
      }
      crc.reset();
      crc.update(segment, in.position(), length);
      if ((int) crc.getValue() != checksum) {
        in.position(start);
        break;
      }
      ByteBuffer body = in.slice(in.position(), length);
      in.position(in.position() + length);
      entries.add(decode(body));
    }
    return new Read(entries, in.remaining());
  }

  private static JournalEntry decode(ByteBuffer body) {
    byte kind = body.get();
    String docId = text(body);
    long rev = body.getLong();
    if (kind == SNAPSHOT) {
      long at = body.getLong();
      return new JournalEntry.Snapshot(docId, new DocumentSnapshot(rev, text(body)), at);
    }
    if (kind != OP) {
      throw new IllegalStateException("Unknown op log record kind " + kind);
    }
    String id = text(body);
    String author = text(body);
    long at = body.getLong();
    String json = text(body);
    LoggedOp op = new LoggedOp(rev, id, author, "", DeltaJson.parse(json), at);
    return new JournalEntry.Ops(docId, List.of(op), true, new String[] {json});
  }

  private static String text(ByteBuffer body) {
    int length = body.getInt();
    String text = new String(body.array(), body.arrayOffset() + body.position(), length, StandardCharsets.UTF_8);
    body.position(body.position() + length);
    return text;
  }

  /** A growable byte buffer whose contents can be handed out without a copy. */
  private static final class Bytes extends ByteArrayOutputStream {
    Bytes() {
      super(64 * 1024);
    }

    ByteBuffer view() {
      return ByteBuffer.wrap(buf, 0, count);
    }

    void integer(int value) {
      write(value >>> 24);
      write(value >>> 16);
      write(value >>> 8);
      write(value);
    }

    void number(long value) {
      integer((int) (value >>> 32));
      integer((int) value);
    }

    void text(String value) {
      byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
      integer(utf8.length);
      write(utf8, 0, utf8.length);
    }

    void writeTo(Bytes target) {
      target.write(buf, 0, count);
    }
  }
}
