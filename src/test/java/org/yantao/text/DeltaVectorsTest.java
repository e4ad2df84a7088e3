package org.yantao.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Replays the vectors written by quill-delta itself (tools/delta-vectors) and requires identical JSON. */
class DeltaVectorsTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int MAX_OPS = 10_000;

  /** JSON equality where 1 and 1.0 are the same number, as in JavaScript. */
  private static final Comparator<JsonNode> JSON_VALUES = (a, b) -> {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return a.equals(b) ? 0 : 1;
  };

  @Test
  void compose() throws IOException {
    assertVectors("compose.jsonl", 3000, vector -> DeltaJson.toJson(
        delta(vector.get("a")).compose(delta(vector.get("b")))));
  }

  @Test
  void transform() throws IOException {
    assertVectors("transform.jsonl", 4000, vector -> DeltaJson.toJson(
        delta(vector.get("a")).transform(delta(vector.get("b")), vector.get("priority").booleanValue())));
  }

  @Test
  void transformPosition() throws IOException {
    assertVectors("transform-position.jsonl", 2000, vector -> MAPPER.getNodeFactory().numberNode(
        delta(vector.get("delta")).transformPosition(
            vector.get("index").intValue(), vector.get("priority").booleanValue())));
  }

  @Test
  void applyThroughCompose() throws IOException {
    assertVectors("apply.jsonl", 3000, vector -> {
      Delta document = delta(vector.get("document"));
      for (JsonNode change : vector.get("changes")) {
        document = document.compose(delta(change));
      }
      return DeltaJson.toJson(document);
    });
  }

  @Test
  void applyThroughRichText() throws IOException {
    assertVectors("apply.jsonl", 3000, vector -> {
      RichText text = RichText.of(delta(vector.get("document")));
      for (JsonNode change : vector.get("changes")) {
        text.apply(delta(change));
      }
      assertThat(text.plainText()).isEqualTo(RandomDeltas.plainText(text.toDelta()));
      return DeltaJson.toJson(text.toDelta());
    });
  }

  private static Delta delta(JsonNode json) {
    return DeltaJson.parse(json, MAX_OPS);
  }

  private static void assertVectors(String file, int expectedCount, Function<JsonNode, JsonNode> actual)
      throws IOException {
    List<String> mismatches = new ArrayList<>();
    int count = 0;
    try (BufferedReader lines = open(file)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        count++;
        JsonNode vector = MAPPER.readTree(line);
        JsonNode result = actual.apply(vector);
        if (!vector.get("expected").equals(JSON_VALUES, result) && mismatches.size() < 5) {
          mismatches.add("line " + count + ": " + line + "\n  got " + result);
        }
      }
    }
    assertThat(count).as("vectors in %s", file).isEqualTo(expectedCount);
    assertThat(mismatches).as("vectors of %s that disagree with quill-delta", file).isEmpty();
  }

  private static BufferedReader open(String file) {
    InputStream stream = DeltaVectorsTest.class.getResourceAsStream("/delta-vectors/" + file);
    assertThat(stream).as("test resource delta-vectors/%s", file).isNotNull();
    return new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
  }
}
