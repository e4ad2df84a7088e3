package org.yantao.report.export;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * A download's name twice over: an ASCII-safe one every client understands ({@code filename=}) and
 * the title as written, Chinese included, for clients that read RFC 6266's {@code filename*=}.
 */
public record FileName(String ascii, String unicode) {

  private static final int MAX_STEM = 80;

  /**
   * The name for an export of {@code title}: the ASCII name keeps the title's Latin letters and
   * digits (accents dropped) and falls back to {@code fileId} when nothing of it is left, as for an
   * all-Chinese title.
   */
  public static FileName of(String title, String fileId, String extension) {
    String stem = asciiStem(title);
    if (stem.isEmpty()) {
      stem = asciiStem(fileId);
    }
    if (stem.isEmpty()) {
      stem = "export";
    }
    String unicodeStem = XmlText.clean(title).replaceAll("[\\\\/:*?\"<>|\\s]+", " ").strip();
    if (unicodeStem.isEmpty()) {
      unicodeStem = stem;
    }
    return new FileName(stem + "." + extension, truncate(unicodeStem) + "." + extension);
  }

  /** {@code attachment; filename="…"; filename*=UTF-8''…}: the ASCII name, then the percent-encoded real one. */
  public String contentDisposition() {
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + percentEncoded(unicode);
  }

  private static String asciiStem(String text) {
    String decomposed = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD);
    String stem = decomposed.replaceAll("\\p{M}+", "")
        .replaceAll("[^A-Za-z0-9_-]+", "-")
        .replaceAll("-{2,}", "-")
        .replaceAll("^-+|-+$", "");
    return truncate(stem).replaceAll("-+$", "");
  }

  private static String truncate(String text) {
    return text.codePointCount(0, text.length()) <= MAX_STEM
        ? text : text.substring(0, text.offsetByCodePoints(0, MAX_STEM));
  }

  /** RFC 5987 attr-char stays as it is; every other byte of the UTF-8 is %XX. */
  private static String percentEncoded(String text) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || "!#$&+-.^_`|~".indexOf(c) >= 0) {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return encoded.toString();
  }
}
