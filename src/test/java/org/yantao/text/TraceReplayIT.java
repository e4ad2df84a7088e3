package org.yantao.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yantao.testing.CoEditor;
import org.yantao.testing.LiveFixture;
import org.yantao.testing.Poll;

/**
 * Real keystroke histories typed through the server over a WebSocket, with two people watching:
 * the stored document and both screens end exactly as the recorded author's text did.
 *
 * <p>The room has no themes, so its findings document starts as Quill's empty document, a lone
 * "\n" (the test checks that rather than assuming it). The traces start from "" and never touch
 * text beyond their own end, so every patch lands before that closing newline and the exact
 * expected text is the trace's {@code endContent} followed by "\n".
 */
class TraceReplayIT {
  private static final int AUTHOR = 0;
  private static final int EDITS_PER_SLICE = 200;
  /**
   * A pause of 0 runs the slices back to back on the client's event loop and the acks hardly get
   * in between (a whole trace became 2 to 12 server ops); 1 ms lets them through, so the server
   * applies, stores and fans out hundreds of ops per trace, each composed of what was typed meanwhile.
   */
  private static final long PAUSE_MS = 1;

  @RegisterExtension
  static final LiveFixture fixture = LiveFixture.withMembers(3);

  @ParameterizedTest
  @ValueSource(strings = {"sveltecomponent", EditingTrace.AUTOMERGE_PAPER})
  void aRecordedTraceTypedThroughTheServerEndsWithTheRecordedText(String name) throws Exception {
    // A missing trace fails here with the path it looked for; it is never skipped.
    EditingTrace trace = EditingTrace.load(name);
    assertThat(trace.startContent()).isEmpty();

    CoEditor author = fixture.editor(AUTHOR);
    CoEditor watcher1 = fixture.editor(1);
    CoEditor watcher2 = fixture.editor(2);
    clear(author);
    long startRev = LiveFixture.await(author.rev());
    Poll.until(() -> LiveFixture.await(watcher1.rev()) == startRev && LiveFixture.await(watcher2.rev()) == startRev, 30);
    assertThat(LiveFixture.await(author.text())).isEqualTo("\n");

    List<Function<RichText, Delta>> typing = trace.changes().stream()
        .<Function<RichText, Delta>>map(change -> doc -> change)
        .toList();
    long started = System.nanoTime();
    LiveFixture.await(author.editAll(typing, EDITS_PER_SLICE, PAUSE_MS));
    LiveFixture.await(author.synced());
    long serverRev = LiveFixture.await(author.rev());
    for (CoEditor watcher : List.of(watcher1, watcher2)) {
      Poll.until(() -> LiveFixture.await(watcher.rev()) == serverRev, 120);
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf("Trace %s: %,d edits replayed as %,d server revisions in %,d ms (%,.0f edits/s)%n",
        name, trace.changes().size(), serverRev - startRev, millis, trace.changes().size() * 1000.0 / Math.max(1, millis));

    String expected = trace.endContent() + "\n";
    assertThat(fixture.serverText()).as("the stored document, opened afresh").isEqualTo(expected);
    assertThat(fixture.serverRev()).isEqualTo(serverRev);
    assertThat(LiveFixture.await(author.text())).isEqualTo(expected);
    assertThat(LiveFixture.await(watcher1.text())).as("first watcher's screen").isEqualTo(expected);
    assertThat(LiveFixture.await(watcher2.text())).as("second watcher's screen").isEqualTo(expected);
    for (CoEditor editor : List.of(author, watcher1, watcher2)) {
      assertThat(editor.errors()).isEmpty();
      assertThat(editor.violations()).isEmpty();
      fixture.disconnect(editor);
    }
  }

  /** Empties the shared document (left over from the previous trace) down to Quill's lone "\n". */
  private static void clear(CoEditor author) {
    if (LiveFixture.await(author.text()).length() > 1) {
      LiveFixture.await(author.edit(doc -> Delta.builder().delete(doc.length() - 1).build()));
      LiveFixture.await(author.synced());
    }
  }
}
