package org.yantao.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeltaJsonTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void roundTripsQuillJson() throws Exception {
    String json = "{\"ops\":[{\"retain\":3,\"attributes\":{\"bold\":null,\"header\":1}},"
        + "{\"insert\":\"你好😀\",\"attributes\":{\"link\":\"https://example.org\",\"size\":1.5}},"
        + "{\"delete\":2}]}";

    Delta delta = parse(json);

    assertThat(DeltaJson.toJson(delta)).isEqualTo(MAPPER.readTree(json));
    assertThat(delta.ops()).containsExactly(
        new Op.Retain(3, nullable("bold", null, "header", 1L)),
        new Op.Insert("你好😀", Map.of("link", "https://example.org", "size", 1.5)),
        new Op.Delete(2));
  }

  @Test
  void normalisesAsQuillDeltaPushDoes() {
    Delta delta = parse("{\"ops\":[{\"insert\":\"a\"},{\"insert\":\"b\",\"attributes\":{}},{\"delete\":1},"
        + "{\"delete\":2},{\"insert\":\"c\"},{\"retain\":1},{\"retain\":2}]}");

    assertThat(DeltaJson.toJson(delta).toString())
        .isEqualTo("{\"ops\":[{\"insert\":\"abc\"},{\"delete\":3},{\"retain\":3}]}");
  }

  @Test
  void treatsIntegralNumbersAsJavaScriptDoes() {
    Delta integer = parse("{\"ops\":[{\"retain\":1,\"attributes\":{\"header\":1}}]}");
    Delta decimal = parse("{\"ops\":[{\"retain\":1,\"attributes\":{\"header\":1.0}}]}");

    assertThat(integer).isEqualTo(decimal);
    assertThat(DeltaJson.toJson(decimal).toString()).isEqualTo("{\"ops\":[{\"retain\":1,\"attributes\":{\"header\":1}}]}");
  }

  @Test
  void writesTheSameTextAsItsTreeForm() {
    Delta mixed = parse("{\"ops\":[{\"retain\":3,\"attributes\":{\"bold\":null,\"header\":1,\"size\":1.5}},"
        + "{\"insert\":\"\\\"你好😀\\n\",\"attributes\":{\"link\":\"https://example.org\",\"big\":12345678901}},"
        + "{\"delete\":2}]}");
    assertThat(DeltaJson.toJsonString(mixed)).isEqualTo(DeltaJson.toJson(mixed).toString());

    RandomDeltas random = new RandomDeltas(7, 6);
    for (int i = 0; i < 500; i++) {
      Delta document = random.document();
      Delta change = random.change(document);
      assertThat(DeltaJson.toJsonString(document)).isEqualTo(DeltaJson.toJson(document).toString());
      assertThat(DeltaJson.toJsonString(change)).isEqualTo(DeltaJson.toJson(change).toString());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      not an object              | []
      no ops                     | {}
      ops not an array           | {"ops":{}}
      extra top-level key        | {"ops":[],"version":1}
      op not an object           | {"ops":["a"]}
      unknown op key             | {"ops":[{"insert":"a","bold":true}]}
      no action                  | {"ops":[{"attributes":{"bold":true}}]}
      two actions                | {"ops":[{"insert":"a","retain":1}]}
      insert not a string        | {"ops":[{"insert":5}]}
      empty insert               | {"ops":[{"insert":""}]}
      null insert attribute      | {"ops":[{"insert":"a","attributes":{"bold":null}}]}
      retain zero                | {"ops":[{"retain":0}]}
      delete negative            | {"ops":[{"delete":-1}]}
      retain fraction            | {"ops":[{"retain":1.5}]}
      retain as string           | {"ops":[{"retain":"1"}]}
      retain too large           | {"ops":[{"retain":2147483648}]}
      delete with attributes     | {"ops":[{"delete":1,"attributes":{"bold":true}}]}
      attributes not an object   | {"ops":[{"retain":1,"attributes":["bold"]}]}
      nested attribute value     | {"ops":[{"retain":1,"attributes":{"font":{"size":1}}}]}
      array attribute value      | {"ops":[{"retain":1,"attributes":{"font":[1]}}]}
      infinite attribute value   | {"ops":[{"retain":1,"attributes":{"size":1e400}}]}
      overflowing merged retains | {"ops":[{"retain":2147483647},{"retain":1}]}
      """)
  void rejectsMalformedDeltas(String description, String json) {
    assertRejected(json, DeltaJson.INVALID);
  }

  @Test
  void rejectsEmbeds() {
    assertRejected("{\"ops\":[{\"insert\":{\"image\":\"x.png\"}}]}", DeltaJson.EMBED_UNSUPPORTED);
    assertRejected("{\"ops\":[{\"retain\":{\"image\":\"y.png\"}}]}", DeltaJson.EMBED_UNSUPPORTED);
  }

  @Test
  void rejectsTooManyOps() throws Exception {
    JsonNode json = MAPPER.readTree("{\"ops\":[{\"insert\":\"a\"},{\"retain\":1},{\"delete\":1}]}");

    assertThat(DeltaJson.parse(json, 3).length()).isEqualTo(3);
    assertThatThrownBy(() -> DeltaJson.parse(json, 2))
        .isInstanceOfSatisfying(DeltaFormatException.class,
            e -> assertThat(e.code()).isEqualTo(DeltaJson.TOO_MANY_OPS))
        .hasMessageContaining("at most 2 ops");
  }

  private static void assertRejected(String json, String code) {
    assertThatThrownBy(() -> parse(json))
        .isInstanceOfSatisfying(DeltaFormatException.class, e -> {
          assertThat(e.code()).isEqualTo(code);
          assertThat(e.getMessage()).isNotBlank();
        });
  }

  private static Delta parse(String json) {
    try {
      return DeltaJson.parse(MAPPER.readTree(json), 100);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static Map<String, Object> nullable(String key1, Object value1, String key2, Object value2) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(key1, value1);
    map.put(key2, value2);
    return map;
  }
}
