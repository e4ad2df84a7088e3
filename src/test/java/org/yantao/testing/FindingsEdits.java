package org.yantao.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.yantao.text.Delta;
import org.yantao.text.RichText;

/** Edits tests make in a findings document, as a participant writing under a theme would. */
public final class FindingsEdits {
  private FindingsEdits() {}

  /** The change that inserts {@code lines} right after the heading line {@code heading}. */
  public static Delta under(RichText doc, String heading, Delta lines) {
    String text = doc.plainText();
    int line = 0;
    if (!text.startsWith(heading + "\n")) {
      int before = text.indexOf("\n" + heading + "\n");
      assertThat(before).as("heading %s in %s", heading, text).isNotNegative();
      line = before + 1;
    }
    Delta.Builder change = Delta.builder().retain(line + heading.length() + 1);
    lines.ops().forEach(change::push);
    return change.build();
  }
}
