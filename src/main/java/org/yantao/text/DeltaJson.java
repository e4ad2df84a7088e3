package org.yantao.text;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Strict conversion between quill-delta's JSON form ({@code {"ops":[...]}}) and {@link Delta}. */
public final class DeltaJson {

  public static final String INVALID = "delta.invalid";
  public static final String EMBED_UNSUPPORTED = "delta.embed_unsupported";
  public static final String TOO_MANY_OPS = "delta.too_many_ops";

  private static final Set<String> OP_KEYS = Set.of("insert", "retain", "delete", "attributes");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DeltaJson() {
  }

  /** Parses {@code {"ops":[...]}}, accepting at most {@code maxOps} ops. */
  public static Delta parse(JsonNode json, int maxOps) {
    if (json == null || !json.isObject()) {
      throw invalid("a delta must be a JSON object with an \"ops\" array");
    }
    JsonNode ops = json.get("ops");
    if (ops == null || !ops.isArray() || json.size() != 1) {
      throw invalid("a delta must be a JSON object with only an \"ops\" array");
    }
    if (ops.size() > maxOps) {
      throw new DeltaFormatException(TOO_MANY_OPS,
          "a delta may have at most " + maxOps + " ops, this one has " + ops.size());
    }
    Delta.Builder builder = Delta.builder();
    try {
      for (int i = 0; i < ops.size(); i++) {
        builder.push(parseOp(ops.get(i), i));
      }
    } catch (ArithmeticException overflow) {
      throw invalid("the delta is longer than " + Integer.MAX_VALUE + " characters");
    }
    return builder.build();
  }

  /** Reads a delta this server wrote itself (stored ops and snapshots), so without an op limit. */
  public static Delta parse(String json) {
    try {
      return parse(MAPPER.readTree(json), Integer.MAX_VALUE);
    } catch (JsonProcessingException e) {
      throw invalid("a stored delta is not JSON: " + e.getOriginalMessage());
    }
  }

  /**
   * The same text as {@code toJson(delta).toString()}, written straight to a generator: the
   * journal writes every op this way, and building the tree first cost as much as the writing.
   */
  public static String toJsonString(Delta delta) {
    StringWriter text = new StringWriter(32 + 16 * delta.ops().size());
    try (JsonGenerator out = MAPPER.getFactory().createGenerator(text)) {
      out.writeStartObject();
      out.writeArrayFieldStart("ops");
      for (Op op : delta.ops()) {
        out.writeStartObject();
        if (op instanceof Op.Insert insert) {
          out.writeStringField("insert", insert.text());
        } else if (op instanceof Op.Retain) {
          out.writeNumberField("retain", op.length());
        } else {
          out.writeNumberField("delete", op.length());
        }
        if (!op.attributes().isEmpty()) {
          out.writeObjectFieldStart("attributes");
          for (Map.Entry<String, Object> attribute : op.attributes().entrySet()) {
            out.writeFieldName(attribute.getKey());
            writeScalar(out, attribute.getValue());
          }
          out.writeEndObject();
        }
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private static void writeScalar(JsonGenerator out, Object value) throws IOException {
    if (value == null) {
      out.writeNull();
    } else if (value instanceof String text) {
      out.writeString(text);
    } else if (value instanceof Boolean bool) {
      out.writeBoolean(bool);
    } else if (value instanceof Long number) {
      if (number == number.intValue()) {
        out.writeNumber(number.intValue());
      } else {
        out.writeNumber(number);
      }
    } else {
      out.writeNumber(((Number) value).doubleValue());
    }
  }

  public static ObjectNode toJson(Delta delta) {
    ObjectNode json = NODES.objectNode();
    ArrayNode ops = json.putArray("ops");
    for (Op op : delta.ops()) {
      ObjectNode node = ops.addObject();
      if (op instanceof Op.Insert insert) {
        node.put("insert", insert.text());
      } else if (op instanceof Op.Retain) {
        node.put("retain", op.length());
      } else {
        node.put("delete", op.length());
      }
      if (!op.attributes().isEmpty()) {
        ObjectNode attributes = node.putObject("attributes");
        op.attributes().forEach((key, value) -> attributes.set(key, scalarNode(value)));
      }
    }
    return json;
  }

  private static Op parseOp(JsonNode node, int index) {
    if (!node.isObject()) {
      throw invalid("op " + index + " is not an object");
    }
    int actions = 0;
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!OP_KEYS.contains(name)) {
        throw invalid("op " + index + " has an unknown key \"" + name + "\"");
      }
      if (!name.equals("attributes")) {
        actions++;
      }
    }
    if (actions != 1) {
      throw invalid("op " + index + " must have exactly one of insert, retain or delete");
    }
    Map<String, Object> attributes = parseAttributes(node.get("attributes"), index);
    JsonNode insert = node.get("insert");
    if (insert != null) {
      return parseInsert(insert, attributes, index);
    }
    JsonNode retain = node.get("retain");
    if (retain != null) {
      return new Op.Retain(parseLength(retain, "retain", index), attributes);
    }
    if (node.has("attributes")) {
      throw invalid("op " + index + ": a delete cannot have attributes");
    }
    return new Op.Delete(parseLength(node.get("delete"), "delete", index));
  }

  private static Op parseInsert(JsonNode insert, Map<String, Object> attributes, int index) {
    if (insert.isObject()) {
      throw new DeltaFormatException(EMBED_UNSUPPORTED, "op " + index + " inserts an embed; only text is supported");
    }
    if (!insert.isTextual()) {
      throw invalid("op " + index + ": insert must be a string");
    }
    if (insert.textValue().isEmpty()) {
      throw invalid("op " + index + ": insert must not be empty");
    }
    if (Attributes.removesAny(attributes)) {
      throw invalid("op " + index + ": inserted text cannot have null attributes");
    }
    return new Op.Insert(insert.textValue(), attributes);
  }

  private static int parseLength(JsonNode length, String action, int index) {
    if (length.isObject()) {
      throw new DeltaFormatException(EMBED_UNSUPPORTED, "op " + index + " retains an embed; only text is supported");
    }
    if (!length.isIntegralNumber()) {
      throw invalid("op " + index + ": " + action + " must be an integer");
    }
    if (!length.canConvertToInt() || length.intValue() <= 0) {
      throw invalid("op " + index + ": " + action + " must be between 1 and " + Integer.MAX_VALUE);
    }
    return length.intValue();
  }

  private static Map<String, Object> parseAttributes(JsonNode attributes, int index) {
    if (attributes == null) {
      return Attributes.NONE;
    }
    if (!attributes.isObject()) {
      throw invalid("op " + index + ": attributes must be an object");
    }
    LinkedHashMap<String, Object> values = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = attributes.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      values.put(field.getKey(), scalarValue(field.getValue(), field.getKey(), index));
    }
    return Attributes.copyOf(values);
  }

  private static Object scalarValue(JsonNode value, String key, int index) {
    if (value.isNull()) {
      return null;
    }
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isNumber()) {
      double number = value.doubleValue();
      if (!Double.isFinite(number)) {
        throw invalid("op " + index + ": attribute \"" + key + "\" is not a finite number");
      }
      return Attributes.canonicalValue(value.isIntegralNumber() ? value.bigIntegerValue() : number);
    }
    throw invalid("op " + index + ": attribute \"" + key + "\" must be a string, number, boolean or null");
  }

  private static JsonNode scalarNode(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof String text) {
      return NODES.textNode(text);
    }
    if (value instanceof Boolean bool) {
      return NODES.booleanNode(bool);
    }
    if (value instanceof Long number) {
      return number == number.intValue() ? NODES.numberNode(number.intValue()) : NODES.numberNode(number);
    }
    return NODES.numberNode(((Number) value).doubleValue());
  }

  private static DeltaFormatException invalid(String message) {
    return new DeltaFormatException(INVALID, message);
  }
}
