package org.yantao.report.export;

import java.util.List;
import java.util.Locale;

/** Writes a workshop's or a room's ideas as a table: room, theme, idea, author, organisation, votes, time. */
public interface IdeasExporter {

  /** {@code title} names the file; {@code fileId} when the title has nothing ASCII-safe in it. */
  ExportedFile export(String title, List<IdeaExportRow> ideas, Locale locale, String fileId);
}
