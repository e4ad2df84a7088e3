package org.yantao.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yantao.testing.CoEditor;
import org.yantao.testing.LiveFixture;
import org.yantao.testing.Poll;
import org.yantao.text.Delta;

/** Collaborators see each other's carets, in the right place, and see them go when someone leaves. */
class CursorIT {
  @RegisterExtension
  static final LiveFixture fixture = LiveFixture.withMembers(2);

  @Test
  void caretIsRelayedWithNameAndColourFollowsEditsAndGoesOnLeave() {
    CoEditor a = fixture.editor(0);
    CoEditor b = fixture.editor(1);
    String aId = fixture.participantIds.get(0);
    List<JsonNode> seenByB = new CopyOnWriteArrayList<>();
    b.onMessage(m -> {
      if (m.path("type").asText().equals("doc.cursor") && m.path("author").asText().equals(aId)) {
        seenByB.add(m);
      }
    });

    LiveFixture.await(a.cursor(5, 0));
    Poll.until(() -> !seenByB.isEmpty(), 15);
    JsonNode cursor = seenByB.get(0);
    assertThat(cursor.path("doc").asText()).isEqualTo(fixture.docId);
    assertThat(cursor.path("index").asInt()).isEqualTo(5);
    assertThat(cursor.path("length").asInt()).isZero();
    assertThat(cursor.path("name").asText()).isEqualTo("成员0");
    assertThat(cursor.path("colour").asText()).matches("#[0-9a-f]{6}");
    assertThat(cursor.path("rev").isIntegralNumber()).isTrue();
    assertThat(LiveFixture.await(b.cursorOf(aId))).containsExactly(5, 0);

    LiveFixture.await(b.edit(doc -> Delta.insert("abc")));
    assertThat(LiveFixture.await(b.cursorOf(aId))).as("A's caret moves right past B's typing").containsExactly(8, 0);
    LiveFixture.await(b.synced());

    fixture.disconnect(a);
    Poll.until(() -> seenByB.size() >= 2, 15);
    JsonNode leave = seenByB.get(seenByB.size() - 1);
    assertThat(leave.path("index").isNull()).isTrue();
    assertThat(leave.path("length").isNull()).isTrue();
    assertThat(LiveFixture.await(b.cursorOf(aId))).as("B forgets A's caret").isNull();
    assertThat(b.errors()).isEmpty();
    assertThat(b.violations()).isEmpty();
    fixture.disconnect(b);
  }

  @Test
  void ownCaretIsNotEchoedBack() {
    CoEditor a = fixture.editor(0);
    CoEditor b = fixture.editor(1);
    String aId = fixture.participantIds.get(0);
    String bId = fixture.participantIds.get(1);
    LiveFixture.await(a.cursor(2, 3));
    LiveFixture.await(b.cursor(1, 0));
    Poll.until(() -> LiveFixture.await(b.cursorOf(aId)) != null && LiveFixture.await(a.cursorOf(bId)) != null, 15);
    assertThat(LiveFixture.await(b.cursorOf(aId))).containsExactly(2, 3);
    assertThat(LiveFixture.await(a.cursorOf(aId))).as("nobody sees their own caret twice").isNull();
    assertThat(LiveFixture.await(b.cursorOf(bId))).isNull();
    fixture.disconnect(a);
    fixture.disconnect(b);
  }
}
