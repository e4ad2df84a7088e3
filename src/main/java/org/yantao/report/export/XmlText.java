package org.yantao.report.export;

/**
 * Text made fit for every export: HTML, XHTML (for the PDF) and Office files are XML, which cannot
 * hold most control characters or a lone surrogate, and a writer that meets one produces a file
 * that will not open.
 */
final class XmlText {

  private XmlText() {
  }

  static String clean(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder cleaned = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean keep;
      if (Character.isHighSurrogate(c)) {
        keep = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        if (keep) {
          if (cleaned != null) {
            cleaned.append(c).append(text.charAt(i + 1));
          }
          i++;
          continue;
        }
      } else {
        keep = !Character.isLowSurrogate(c) && allowed(c);
      }
      if (!keep && cleaned == null) {
        cleaned = new StringBuilder(text.length()).append(text, 0, i);
      } else if (keep && cleaned != null) {
        cleaned.append(c);
      }
    }
    return cleaned == null ? text : cleaned.toString();
  }

  private static boolean allowed(char c) {
    return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
  }
}
