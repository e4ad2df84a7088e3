package org.yantao.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A recorded sequential editing trace from the shared folder beside the checkout, turned into
 * one delta per patch.
 */
public record EditingTrace(String name, String startContent, String endContent, List<Delta> changes) {

  static final String AUTOMERGE_PAPER = "automerge-paper";

  public static Path directory() {
    Path project = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    return project.resolve("../shared/traces/sequential_traces").toAbsolutePath().normalize();
  }

  public static EditingTrace load(String name) throws IOException {
    Path file = directory().resolve(name + ".json.gz");
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("Editing trace " + file + " is missing: the shared/ folder must sit"
          + " beside the project checkout with traces/sequential_traces/" + name + ".json.gz in it");
    }
    JsonNode json;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      json = new ObjectMapper().readTree(in);
    }
    List<Delta> changes = new ArrayList<>();
    for (JsonNode txn : json.get("txns")) {
      for (JsonNode patch : txn.get("patches")) {
        String inserted = patch.get(2).asText();
        // The trace counts code points; for ASCII text they are UTF-16 code units too.
        requireAscii(name, inserted);
        changes.add(Delta.builder()
            .retain(patch.get(0).intValue())
            .delete(patch.get(1).intValue())
            .insert(inserted)
            .build());
      }
    }
    String start = json.get("startContent").asText();
    String end = json.get("endContent").asText();
    requireAscii(name, start);
    requireAscii(name, end);
    return new EditingTrace(name, start, end, List.copyOf(changes));
  }

  private static void requireAscii(String name, String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0x7f) {
        throw new IllegalStateException("trace " + name + " has non-ASCII text, whose code point"
            + " positions would need converting to UTF-16");
      }
    }
  }
}
