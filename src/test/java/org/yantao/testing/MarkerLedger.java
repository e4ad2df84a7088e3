package org.yantao.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yantao.text.Delta;
import org.yantao.text.RichText;

/**
 * Unique markers typed by editors, and which of them the server acknowledged. An editor composes
 * what is typed while an op is in flight, so one op may carry several markers; the ledger reads
 * the markers out of every op an editor sends and counts them acknowledged when the server acks
 * that op's id (a {@code doc.ack}, or a {@code doc.op} with the id after a resume).
 *
 * <p>Markers are only ever inserted whole, at the start or the end of the text, and never deleted,
 * so no edit can split one and each must appear in the text exactly once.
 */
public final class MarkerLedger {
  private static final Pattern MARKER = Pattern.compile("⟦[^⟦⟧]+⟧");

  private final String prefix;
  private final AtomicInteger counter = new AtomicInteger();
  private final List<String> typed = new CopyOnWriteArrayList<>();
  private final Map<String, Set<String>> markersByOpId = new ConcurrentHashMap<>();
  private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

  public MarkerLedger(String prefix) {
    this.prefix = prefix;
  }

  /** Tracks what {@code editor} sends and what the server acknowledges to it. */
  public void watch(CoEditor editor) {
    editor.onSentOp(message -> markersByOpId
        .computeIfAbsent(message.get("id").asText(), id -> ConcurrentHashMap.newKeySet())
        .addAll(markersIn(message.get("delta"))));
    editor.onMessage(message -> {
      String type = message.path("type").asText();
      if (type.equals("doc.ack") || type.equals("doc.op")) {
        Set<String> markers = markersByOpId.get(message.path("id").asText());
        if (markers != null) {
          acknowledged.addAll(markers);
        }
      }
    });
  }

  /** {@code count} edits, each inserting a new marker at the start or the end of the text. */
  public List<Function<RichText, Delta>> edits(int count, Random random) {
    List<Function<RichText, Delta>> edits = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      boolean atEnd = random.nextBoolean();
      edits.add(doc -> {
        String marker = "⟦" + prefix + counter.incrementAndGet() + "⟧";
        typed.add(marker);
        // The last character is the document's closing newline; "the end" is just before it.
        return Delta.builder().retain(atEnd ? doc.length() - 1 : 0).insert(marker).build();
      });
    }
    return edits;
  }

  public List<String> typed() {
    return List.copyOf(typed);
  }

  public Set<String> acknowledged() {
    return Set.copyOf(acknowledged);
  }

  public int acknowledgedCount() {
    return acknowledged.size();
  }

  /** How often each marker occurs in {@code text}. */
  public static Map<String, Integer> occurrences(String text) {
    Map<String, Integer> counts = new ConcurrentHashMap<>();
    Matcher m = MARKER.matcher(text);
    while (m.find()) {
      counts.merge(m.group(), 1, Integer::sum);
    }
    return counts;
  }

  private static List<String> markersIn(JsonNode delta) {
    List<String> found = new ArrayList<>();
    for (JsonNode op : delta.path("ops")) {
      if (op.path("insert").isTextual()) {
        Matcher m = MARKER.matcher(op.get("insert").asText());
        while (m.find()) {
          found.add(m.group());
        }
      }
    }
    return found;
  }
}
