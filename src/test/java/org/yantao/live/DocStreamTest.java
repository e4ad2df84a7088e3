package org.yantao.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order in which one connection is sent a document's ops and its own acks. */
class DocStreamTest {
  private static final String DOC = "doc-1";
  private static final String ME = "connection-me";
  private static final String OTHER = "connection-other";
  private static final String MY_AUTHOR = "participant-me";
  private static final String OTHER_AUTHOR = "participant-other";

  private final List<String> sent = new ArrayList<>();
  private final DocStream stream = new DocStream(DOC, ME, MY_AUTHOR, sent::add, frame -> sent.add(new String(frame, StandardCharsets.UTF_8)));

  @Test
  void opsArrivingOutOfOrderGoOutInOrderOnceTheGapIsFilled() {
    stream.start(3);
    stream.offer(event(5, "e", OTHER));
    stream.deliver();
    assertThat(sent).isEmpty();
    assertThat(stream.hasGap()).isTrue();

    stream.offer(event(4, "d", OTHER));
    stream.deliver();
    assertThat(summary()).containsExactly("doc.op d 4", "doc.op e 5");
    assertThat(stream.hasGap()).isFalse();
    assertThat(stream.lastRev()).isEqualTo(5);
  }

  @Test
  void nothingGoesOutBeforeTheStartAndNothingAlreadySentGoesOutAgain() {
    stream.offer(event(2, "b", OTHER));
    stream.offer(event(3, "c", OTHER));
    stream.deliver();
    assertThat(sent).isEmpty();

    stream.start(2);
    stream.offer(event(3, "c", OTHER));
    stream.offer(event(1, "a", OTHER));
    stream.deliver();
    assertThat(summary()).containsExactly("doc.op c 3");
  }

  @Test
  void ownOpIsAckedInsteadOfSent() {
    stream.start(0);
    stream.offer(event(1, "mine", ME));
    stream.deliver();
    assertThat(summary()).containsExactly("doc.ack mine 1");
  }

  /** The crash case: the op's first copy was applied through a member that died, and its ack never came. */
  @Test
  void copySentAgainIsAckedOnlyAfterTheOpsBeforeIt() {
    stream.start(10);
    assertThat(stream.ackInPlace("mine", 12)).as("the ack waits").isFalse();
    assertThat(sent).isEmpty();

    stream.offer(event(12, "mine", MY_AUTHOR, OTHER));
    stream.deliver();
    assertThat(sent).as("revision 11 has not gone out").isEmpty();

    stream.offer(event(11, "theirs", OTHER));
    stream.deliver();
    assertThat(summary()).containsExactly("doc.op theirs 11", "doc.ack mine 12");
  }

  @Test
  void copyOfAnOpAlreadySentIsAckedAtOnce() {
    stream.start(10);
    assertThat(stream.ackInPlace("mine", 9)).isTrue();
    assertThat(summary()).containsExactly("doc.ack mine 9");
  }

  @Test
  void copiesSentBeforeTheStartAreAckedWithTheSnapshotThatHoldsThem() {
    stream.ackInPlace("mine", 4);
    stream.ackInPlace("mine", 4);
    stream.ackInPlace("later", 6);
    assertThat(sent).isEmpty();

    stream.start(5);
    assertThat(summary()).containsExactly("doc.ack mine 4", "doc.ack mine 4");
    stream.offer(event(6, "later", MY_AUTHOR, OTHER));
    stream.deliver();
    assertThat(summary()).endsWith("doc.ack later 6");
  }

  /** Clients choose op ids, unique only per author: another author's op with the same id is not this one. */
  @Test
  void anotherAuthorsOpWithTheSameIdIsSentAsAnOp() {
    stream.start(1);
    stream.ackInPlace("op-7", 3);
    stream.offer(event(2, "op-7", OTHER));
    stream.offer(event(3, "op-7", MY_AUTHOR, OTHER));
    assertThat(summary()).containsExactly("doc.op op-7 2", "doc.ack op-7 3");
  }

  /** An op from the connection {@code origin}: this one's author's if it is this connection, another's otherwise. */
  private static DocEvent event(long rev, String id, String origin) {
    return event(rev, id, ME.equals(origin) ? MY_AUTHOR : OTHER_AUTHOR, origin);
  }

  private static DocEvent event(long rev, String id, String author, String origin) {
    return new DocEvent(rev, id, author, origin, Frames.op(DOC, rev, id, author, "{\"ops\":[{\"insert\":\"x\"}]}"));
  }

  private List<String> summary() {
    return sent.stream().map(DocStreamTest::describe).toList();
  }

  private static String describe(String frame) {
    try {
      JsonNode message = Frames.JSON.readTree(frame);
      return message.get("type").asText() + " " + message.get("id").asText() + " " + message.get("rev").asLong();
    } catch (Exception e) {
      throw new AssertionError("Not JSON: " + frame, e);
    }
  }
}
