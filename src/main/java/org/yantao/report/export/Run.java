package org.yantao.report.export;

/** A stretch of text with one formatting; {@code link} is null or a target {@link SafeLink} accepted. */
record Run(String text, boolean bold, boolean italic, boolean underline, boolean strike, boolean code, String link) {

  boolean sameFormatting(Run other) {
    return bold == other.bold && italic == other.italic && underline == other.underline
        && strike == other.strike && code == other.code
        && (link == null ? other.link == null : link.equals(other.link));
  }

  Run append(String more) {
    return new Run(text + more, bold, italic, underline, strike, code, link);
  }
}
