package org.yantao.report.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * {@code ideas.xlsx}: one sheet, a bold header row that stays in view, votes as numbers and times
 * as real dates (local to the configured zone), so organisers can sort and filter at once. Text
 * cells are never formulas in this format, but they are neutralised like the CSV's: a sheet saved
 * on as CSV must not turn them into formulas either.
 */
public final class IdeasXlsxExporter implements IdeasExporter {

  public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final int[] COLUMN_WIDTHS = {18, 18, 60, 14, 24, 8, 18};

  private final ZoneId zone;

  public IdeasXlsxExporter(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ExportedFile export(String title, List<IdeaExportRow> ideas, Locale locale, String fileId) {
    Labels labels = Labels.of(locale);
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      workbook.getProperties().getCoreProperties().setTitle(XmlText.clean(title));
      Sheet sheet = workbook.createSheet(labels.chinese() ? "观点" : "Ideas");
      Font bold = workbook.createFont();
      bold.setBold(true);
      CellStyle header = workbook.createCellStyle();
      header.setFont(bold);
      CellStyle wrapped = workbook.createCellStyle();
      wrapped.setWrapText(true);
      CellStyle time = workbook.createCellStyle();
      time.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));

      Row head = sheet.createRow(0);
      List<String> columns = labels.ideaColumns();
      for (int i = 0; i < columns.size(); i++) {
        head.createCell(i).setCellValue(columns.get(i));
        head.getCell(i).setCellStyle(header);
        sheet.setColumnWidth(i, COLUMN_WIDTHS[i] * 256);
      }
      sheet.createFreezePane(0, 1);
      int r = 1;
      for (IdeaExportRow idea : ideas) {
        Row row = sheet.createRow(r++);
        row.createCell(0).setCellValue(FormulaGuard.text(idea.room()));
        row.createCell(1).setCellValue(FormulaGuard.text(idea.theme()));
        row.createCell(2).setCellValue(FormulaGuard.text(idea.text()));
        row.getCell(2).setCellStyle(wrapped);
        row.createCell(3).setCellValue(FormulaGuard.text(idea.author()));
        row.createCell(4).setCellValue(FormulaGuard.text(idea.organisation()));
        row.createCell(5).setCellValue(idea.votes());
        row.createCell(6).setCellValue(Instant.ofEpochMilli(idea.createdAt()).atZone(zone).toLocalDateTime());
        row.getCell(6).setCellStyle(time);
      }
      workbook.write(out);
      return new ExportedFile(out.toByteArray(), CONTENT_TYPE, FileName.of(title, fileId, "ideas.xlsx"));
    } catch (IOException e) {
      throw new UncheckedIOException("XLSX rendering failed", e);
    }
  }
}
