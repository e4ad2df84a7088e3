package org.yantao.live;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The server's WebSocket messages (see docs/protocol.md). Deltas are spliced in as the JSON text
 * they already are, so a keystroke fanned out to a hundred screens is encoded once.
 */
final class Frames {
  static final ObjectMapper JSON = new ObjectMapper();

  private Frames() {}

  static ObjectNode typed(String type) {
    return JSON.createObjectNode().put("type", type);
  }

  static String welcome(Identity who, long serverTime) {
    ObjectNode frame = typed("welcome");
    frame.putObject("participant")
        .put("id", who.id())
        .put("name", who.name())
        .put("organisation", who.organisation())
        .put("role", who.role().wireName())
        .put("colour", who.colour());
    return frame.put("serverTime", serverTime).toString();
  }

  static String snapshot(String doc, long rev, String deltaJson, boolean writable) {
    ObjectNode frame = typed("doc.snapshot").put("doc", doc).put("rev", rev).put("writable", writable);
    frame.putRawValue("delta", new RawValue(deltaJson));
    return frame.toString();
  }

  /** The answer to an open with a revision: the ops since then follow as doc.op (and doc.ack) messages. */
  static String resumed(String doc, long rev, boolean writable) {
    return typed("doc.resumed").put("doc", doc).put("rev", rev).put("writable", writable).toString();
  }

  static String ack(String doc, String id, long rev) {
    return written(64 + doc.length() + id.length(), out -> {
      out.writeStringField("type", "doc.ack");
      out.writeStringField("doc", doc);
      out.writeStringField("id", id);
      out.writeNumberField("rev", rev);
    });
  }

  /**
   * Written straight to a generator, not through a tree: one is built for every stored op. It is
   * UTF-8 already, encoded once for every screen it goes to rather than once per screen.
   */
  static byte[] op(String doc, long rev, String id, String author, String deltaJson) {
    return utf8(96 + doc.length() + id.length() + author.length() + deltaJson.length(), out -> {
      out.writeStringField("type", "doc.op");
      out.writeStringField("doc", doc);
      out.writeNumberField("rev", rev);
      out.writeStringField("id", id);
      out.writeStringField("author", author);
      out.writeFieldName("delta");
      out.writeRawValue(deltaJson);
    });
  }

  private interface Fields {
    void write(JsonGenerator out) throws IOException;
  }

  /** One JSON object with the given fields, sized up front: the frames sent for every keystroke. */
  private static String written(int expectedLength, Fields fields) {
    StringWriter text = new StringWriter(expectedLength);
    try (JsonGenerator out = JSON.getFactory().createGenerator(text)) {
      write(out, fields);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private static byte[] utf8(int expectedLength, Fields fields) {
    ByteArrayBuilder bytes = new ByteArrayBuilder(expectedLength);
    try (JsonGenerator out = JSON.getFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
      write(out, fields);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void write(JsonGenerator out, Fields fields) throws IOException {
    out.writeStartObject();
    fields.write(out);
    out.writeEndObject();
  }

  /** A collaborator's caret or selection as of revision {@code rev}; a null index means they left. */
  static String cursor(String doc, Identity who, Integer index, Integer length, long rev) {
    ObjectNode frame = typed("doc.cursor").put("doc", doc)
        .put("author", who.id()).put("name", who.name()).put("colour", who.colour()).put("rev", rev);
    if (index == null) {
      frame.putNull("index").putNull("length");
    } else {
      frame.put("index", index).put("length", length);
    }
    return frame.toString();
  }

  static String error(String code, String message, String ref, String doc) {
    ObjectNode frame = typed("error").put("code", code).put("message", message);
    if (ref != null) {
      frame.put("ref", ref);
    }
    if (doc != null) {
      frame.put("doc", doc);
    }
    return frame.toString();
  }

  static String pong(String id, long serverTime) {
    ObjectNode frame = typed("pong").put("serverTime", serverTime);
    return (id == null ? frame : frame.put("id", id)).toString();
  }
}
