package org.yantao.report.export;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * {@code ideas.csv}: RFC 4180 (comma separated, CRLF, fields quoted when they hold a comma, quote or
 * line break), in UTF-8 with a byte-order mark, without which Excel reads the file in the system's
 * legacy code page and garbles the Chinese. Times are local to the configured zone, in a form
 * spreadsheets recognise as a date.
 */
public final class IdeasCsvExporter implements IdeasExporter {

  public static final String CONTENT_TYPE = "text/csv; charset=UTF-8";
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

  private final ZoneId zone;

  public IdeasCsvExporter(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ExportedFile export(String title, List<IdeaExportRow> ideas, Locale locale, String fileId) {
    StringBuilder csv = new StringBuilder("\uFEFF");
    row(csv, Labels.of(locale).ideaColumns());
    for (IdeaExportRow idea : ideas) {
      row(csv, List.of(
          FormulaGuard.text(idea.room()),
          FormulaGuard.text(idea.theme()),
          FormulaGuard.text(idea.text()),
          FormulaGuard.text(idea.author()),
          FormulaGuard.text(idea.organisation()),
          Integer.toString(idea.votes()),
          TIME.format(Instant.ofEpochMilli(idea.createdAt()).atZone(zone))));
    }
    return new ExportedFile(csv.toString().getBytes(StandardCharsets.UTF_8), CONTENT_TYPE,
        FileName.of(title, fileId, "ideas.csv"));
  }

  private static void row(StringBuilder csv, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(field(fields.get(i)));
    }
    csv.append("\r\n");
  }

  private static String field(String value) {
    boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0
        || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }
}
