package org.yantao.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yantao.testing.CoEditor;
import org.yantao.testing.LiveFixture;
import org.yantao.testing.Poll;
import org.yantao.testing.RandomEdits;
import org.yantao.text.Delta;
import org.yantao.text.RichText;

/** Many people typing at once at random places, in English, Chinese and emoji, end with one text. */
class ConvergenceIT {
  @RegisterExtension
  static final LiveFixture fixture = LiveFixture.withMembers(10);

  @Test
  void twoClientsTypingConcurrentlyConverge() {
    typeAndCompare(2, 300, RandomEdits.Script.MIXED);
  }

  @Test
  void tenClientsTypingChineseImeCommitsConverge() {
    typeAndCompare(10, 100, RandomEdits.Script.CHINESE);
  }

  @Test
  void tenClientsTypingMixedScriptsConverge() {
    typeAndCompare(10, 100, RandomEdits.Script.MIXED);
  }

  private void typeAndCompare(int clients, int editsEach, RandomEdits.Script script) {
    List<CoEditor> editors = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      editors.add(fixture.editor(i));
    }
    List<Future<Void>> typing = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Random random = new Random(31L * i + editsEach);
      List<Function<RichText, Delta>> edits = new ArrayList<>();
      for (int k = 0; k < editsEach; k++) {
        edits.add(RandomEdits.next(random, script));
      }
      typing.add(editors.get(i).editAll(edits, 2, 3));
    }
    LiveFixture.await(Future.all(typing));
    for (CoEditor editor : editors) {
      LiveFixture.await(editor.synced());
    }
    String server = fixture.serverText();
    long serverRev = fixture.serverRev();
    for (CoEditor editor : editors) {
      Poll.until(() -> LiveFixture.await(editor.rev()) == serverRev, 30);
      assertThat(LiveFixture.await(editor.text())).isEqualTo(server);
      assertThat(editor.errors()).isEmpty();
      assertThat(editor.violations()).isEmpty();
      fixture.disconnect(editor);
    }
    assertThat(serverRev).as("edits were interleaved, not all composed into a few ops").isGreaterThan(clients * 10L);
  }
}
