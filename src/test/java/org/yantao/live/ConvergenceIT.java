package org.yantao.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yantao.testing.CoEditor;
import org.yantao.testing.LiveFixture;
import org.yantao.testing.RandomEdits;
import org.yantao.text.Delta;
import org.yantao.text.RichText;

/** Many people typing at once at random places, in English, Chinese and emoji, end with one text. */
class ConvergenceIT {
  static LiveFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = LiveFixture.start(10);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void twoClientsTypingConcurrentlyConverge() throws Exception {
    typeAndCompare(2, 300, RandomEdits.Script.MIXED);
  }

  @Test
  void tenClientsTypingChineseImeCommitsConverge() throws Exception {
    typeAndCompare(10, 100, RandomEdits.Script.CHINESE);
  }

  @Test
  void tenClientsTypingMixedScriptsConverge() throws Exception {
    typeAndCompare(10, 100, RandomEdits.Script.MIXED);
  }

  private void typeAndCompare(int clients, int editsEach, RandomEdits.Script script) throws Exception {
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
    Future.all(typing).await(120, TimeUnit.SECONDS);
    for (CoEditor editor : editors) {
      editor.synced().await(60, TimeUnit.SECONDS);
    }
    String server = fixture.serverText();
    long serverRev = fixture.editor(fixture.node.organiserKey()).rev().await();
    for (CoEditor editor : editors) {
      org.yantao.testing.Poll.until(() -> editor.rev().await() == serverRev, 30);
      assertThat(editor.text().await()).isEqualTo(server);
      assertThat(editor.errors()).isEmpty();
      fixture.vertx.undeploy(editor.deploymentID()).await();
    }
    assertThat(serverRev).as("edits were interleaved, not all composed into a few ops").isGreaterThan(clients * 10L);
  }
}
