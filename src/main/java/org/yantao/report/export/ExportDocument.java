package org.yantao.report.export;

import java.util.Locale;
import java.util.Objects;
import org.yantao.text.Delta;

/**
 * A report or a room's findings as it is exported: a title page (title, optional subtitle, when it
 * was generated) and the document's content. In a consolidated report header 1 is a theme and
 * header 2 a room or section; the PDF's table of contents is built from them.
 */
public record ExportDocument(String title, String subtitle, long generatedAt, Delta content, Locale locale) {

  public ExportDocument {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(locale, "locale");
  }
}
