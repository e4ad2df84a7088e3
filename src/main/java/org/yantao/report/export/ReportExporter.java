package org.yantao.report.export;

/** Renders a report or a room's findings to one file format. */
public interface ReportExporter {

  /**
   * The exported file; {@code fileId} names it when the title has nothing ASCII-safe to name it by
   * (an all-Chinese title, say).
   */
  ExportedFile export(ExportDocument document, String fileId);
}
