package org.yantao.text;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Explicit Hazelcast serialisers for documents and the processors that carry deltas. A document
 * is serialised only when a backup or a new owner needs a full copy, or for a plain read; ops
 * travel as their own small processors. Answers are serialised too, even from a processor on this
 * member (Hazelcast hands out copies), so the per-keystroke ones are plain fields rather than JSON:
 * as JSON, writing and parsing the outcome of each op took a third of the partition thread.
 */
public final class DocumentSerializers {
  private DocumentSerializers() {}

  public static List<CompactSerializer<?>> all() {
    return List.of(new State(), new Logged(), new Apply(), new Open(), new Outcome(), new Opened(), new Durable());
  }

  static final class State implements CompactSerializer<DocumentState> {
    @Override
    public DocumentState read(CompactReader in) {
      long[] revs = in.readArrayOfInt64("logRevs");
      String[] ids = in.readArrayOfString("logIds");
      String[] authors = in.readArrayOfString("logAuthors");
      String[] origins = in.readArrayOfString("logOrigins");
      String[] deltas = in.readArrayOfString("logDeltas");
      long[] ats = in.readArrayOfInt64("logAts");
      List<LoggedOp> log = new ArrayList<>(revs.length);
      for (int i = 0; i < revs.length; i++) {
        log.add(new LoggedOp(revs[i], ids[i], authors[i], origins[i], DeltaJson.parse(deltas[i]), ats[i]));
      }
      String[] recentIds = in.readArrayOfString("recentIds");
      long[] recentRevs = in.readArrayOfInt64("recentRevs");
      Map<String, Long> recent = new LinkedHashMap<>();
      for (int i = 0; i < recentIds.length; i++) {
        recent.put(recentIds[i], recentRevs[i]);
      }
      RichText content = RichText.of(DeltaJson.parse(in.readString("content")), DocumentState.MAX_LENGTH);
      DocumentState state = new DocumentState(in.readString("id"), content, in.readInt64("rev"), in.readInt64("durableRev"), log, recent);
      state.readOnly(in.readBoolean("readOnly"));
      return state;
    }

    @Override
    public void write(CompactWriter out, DocumentState state) {
      out.writeString("id", state.id());
      out.writeInt64("rev", state.rev());
      out.writeInt64("durableRev", state.durableRev());
      out.writeBoolean("readOnly", state.readOnly());
      out.writeString("content", DeltaJson.toJsonString(state.content().toDelta()));
      List<LoggedOp> log = new ArrayList<>(state.log());
      int n = log.size();
      long[] revs = new long[n];
      String[] ids = new String[n];
      String[] authors = new String[n];
      String[] origins = new String[n];
      String[] deltas = new String[n];
      long[] ats = new long[n];
      for (int i = 0; i < n; i++) {
        LoggedOp op = log.get(i);
        revs[i] = op.rev();
        ids[i] = op.id();
        authors[i] = op.author();
        origins[i] = op.origin();
        deltas[i] = DeltaJson.toJsonString(op.delta());
        ats[i] = op.at();
      }
      out.writeArrayOfInt64("logRevs", revs);
      out.writeArrayOfString("logIds", ids);
      out.writeArrayOfString("logAuthors", authors);
      out.writeArrayOfString("logOrigins", origins);
      out.writeArrayOfString("logDeltas", deltas);
      out.writeArrayOfInt64("logAts", ats);
      out.writeArrayOfString("recentIds", state.recentIds().keySet().toArray(String[]::new));
      out.writeArrayOfInt64("recentRevs", state.recentIds().values().stream().mapToLong(Long::longValue).toArray());
    }

    @Override
    public String getTypeName() {
      return "yantao.DocumentState";
    }

    @Override
    public Class<DocumentState> getCompactClass() {
      return DocumentState.class;
    }
  }

  static final class Logged implements CompactSerializer<LoggedOp> {
    @Override
    public LoggedOp read(CompactReader in) {
      return new LoggedOp(in.readInt64("rev"), in.readString("id"), in.readString("author"),
          in.readString("origin"), DeltaJson.parse(in.readString("delta")), in.readInt64("at"));
    }

    @Override
    public void write(CompactWriter out, LoggedOp op) {
      out.writeInt64("rev", op.rev());
      out.writeString("id", op.id());
      out.writeString("author", op.author());
      out.writeString("origin", op.origin());
      out.writeString("delta", DeltaJson.toJsonString(op.delta()));
      out.writeInt64("at", op.at());
    }

    @Override
    public String getTypeName() {
      return "yantao.LoggedOp";
    }

    @Override
    public Class<LoggedOp> getCompactClass() {
      return LoggedOp.class;
    }
  }

  static final class Apply implements CompactSerializer<DocumentProcessors.ApplyOp> {
    @Override
    public DocumentProcessors.ApplyOp read(CompactReader in) {
      return new DocumentProcessors.ApplyOp(in.readString("opId"), in.readString("author"), in.readString("origin"),
          in.readInt64("baseRev"), DeltaJson.parse(in.readString("delta")), in.readInt64("at"), in.readBoolean("backup"),
          List.of(in.readArrayOfCompact("takenOver", LoggedOp.class)));
    }

    @Override
    public void write(CompactWriter out, DocumentProcessors.ApplyOp op) {
      out.writeString("opId", op.opId);
      out.writeString("author", op.author);
      out.writeString("origin", op.origin);
      out.writeInt64("baseRev", op.baseRev);
      out.writeString("delta", DeltaJson.toJsonString(op.delta));
      out.writeInt64("at", op.at);
      out.writeBoolean("backup", op.backup);
      out.writeArrayOfCompact("takenOver", op.takenOver.toArray(LoggedOp[]::new));
    }

    @Override
    public String getTypeName() {
      return "yantao.ApplyOp";
    }

    @Override
    public Class<DocumentProcessors.ApplyOp> getCompactClass() {
      return DocumentProcessors.ApplyOp.class;
    }
  }

  static final class Open implements CompactSerializer<DocumentProcessors.OpenDocument> {
    @Override
    public DocumentProcessors.OpenDocument read(CompactReader in) {
      return new DocumentProcessors.OpenDocument(in.readString("initial"), in.readNullableBoolean("readOnly"), in.readBoolean("backup"),
          List.of(in.readArrayOfCompact("takenOver", LoggedOp.class)));
    }

    @Override
    public void write(CompactWriter out, DocumentProcessors.OpenDocument open) {
      out.writeString("initial", open.initialJson);
      out.writeNullableBoolean("readOnly", open.readOnly);
      out.writeBoolean("backup", open.backup);
      out.writeArrayOfCompact("takenOver", open.takenOver.toArray(LoggedOp[]::new));
    }

    @Override
    public String getTypeName() {
      return "yantao.OpenDocument";
    }

    @Override
    public Class<DocumentProcessors.OpenDocument> getCompactClass() {
      return DocumentProcessors.OpenDocument.class;
    }
  }

  static final class Outcome implements CompactSerializer<ApplyOutcome> {
    private static final ApplyOutcome.Status[] STATUSES = ApplyOutcome.Status.values();

    @Override
    public ApplyOutcome read(CompactReader in) {
      return new ApplyOutcome(STATUSES[in.readInt8("status")], in.readInt64("rev"), in.readString("code"),
          in.readString("message"));
    }

    @Override
    public void write(CompactWriter out, ApplyOutcome outcome) {
      out.writeInt8("status", (byte) outcome.status().ordinal());
      out.writeInt64("rev", outcome.rev());
      out.writeString("code", outcome.code());
      out.writeString("message", outcome.message());
    }

    @Override
    public String getTypeName() {
      return "yantao.ApplyOutcome";
    }

    @Override
    public Class<ApplyOutcome> getCompactClass() {
      return ApplyOutcome.class;
    }
  }

  static final class Opened implements CompactSerializer<OpenedDocument> {
    @Override
    public OpenedDocument read(CompactReader in) {
      return new OpenedDocument(in.readInt64("rev"), in.readInt64("durableRev"), in.readString("delta"));
    }

    @Override
    public void write(CompactWriter out, OpenedDocument opened) {
      out.writeInt64("rev", opened.rev());
      out.writeInt64("durableRev", opened.durableRev());
      out.writeString("delta", opened.deltaJson());
    }

    @Override
    public String getTypeName() {
      return "yantao.OpenedDocument";
    }

    @Override
    public Class<OpenedDocument> getCompactClass() {
      return OpenedDocument.class;
    }
  }

  static final class Durable implements CompactSerializer<DocumentProcessors.MarkDurable> {
    @Override
    public DocumentProcessors.MarkDurable read(CompactReader in) {
      return new DocumentProcessors.MarkDurable(in.readInt64("rev"));
    }

    @Override
    public void write(CompactWriter out, DocumentProcessors.MarkDurable mark) {
      out.writeInt64("rev", mark.rev());
    }

    @Override
    public String getTypeName() {
      return "yantao.MarkDurable";
    }

    @Override
    public Class<DocumentProcessors.MarkDurable> getCompactClass() {
      return DocumentProcessors.MarkDurable.class;
    }
  }
}
