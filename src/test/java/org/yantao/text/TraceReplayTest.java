package org.yantao.text;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class TraceReplayTest {

  @Test
  void automergePaperTraceEndsWithTheRecordedContent() throws IOException {
    EditingTrace trace = EditingTrace.load(EditingTrace.AUTOMERGE_PAPER);
    RichText text = RichText.of(Delta.insert(trace.startContent()));

    for (Delta change : trace.changes()) {
      text.apply(change);
    }

    assertThat(trace.changes()).hasSizeGreaterThan(250_000);
    assertThat(text.length()).isEqualTo(trace.endContent().length());
    assertThat(text.plainText()).isEqualTo(trace.endContent());
    assertThat(text.toDelta()).isEqualTo(Delta.insert(trace.endContent()));
  }
}
