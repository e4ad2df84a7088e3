package org.yantao.report.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class IdeasExportTest {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final List<IdeaExportRow> FORMULAS = List.of(
      new IdeaExportRow("=1+1", "+SUM(A1:A9)", "-2+3", "@cmd", "\t=TAB()", 1, 0),
      new IdeaExportRow("\r=CR()", "＝全角", "=HYPERLINK(\"http://evil.example\",\"点我\")", null, null, 2, 0));

  @Test
  void csvIsUtf8WithABomAndParsesBackToTheIdeas() throws IOException {
    ExportedFile file = new IdeasCsvExporter(ZONE).export(SampleReport.TITLE, SampleReport.ideas(), Locale.SIMPLIFIED_CHINESE, "w1");

    assertThat(Arrays.copyOf(file.content(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
    List<CSVRecord> records = csv(file.content());
    assertThat(records.get(0).toList()).containsExactly("分组", "主题", "观点", "作者", "单位", "票数", "时间");
    assertThat(records.get(1).toList()).containsExactly(
        SampleReport.ROOMS.get(0), SampleReport.THEMES.get(0), "案例教学要贴近实际", "张老师", "某省委党校", "12", "2026-11-18 18:06");
    assertThat(records.get(2).toList()).containsExactly(
        SampleReport.ROOMS.get(1), SampleReport.THEMES.get(0), "Share lecturers, \"fairly\", across provinces", "", "", "7", "2026-11-18 18:36");
    assertThat(records.get(3).get(2)).isEqualTo("多行\n观点，含逗号");
    assertThat(records.get(3).get(1)).isEmpty();
    assertThat(records).hasSize(4);
    assertThat(new String(file.content(), StandardCharsets.UTF_8)).contains("\r\n");
    assertThat(file.contentType()).isEqualTo("text/csv; charset=UTF-8");
    assertThat(file.fileName().ascii()).isEqualTo("2026-Seminar-Report.ideas.csv");
  }

  @Test
  void csvCellsThatWouldBeFormulasAreNeutralised() throws IOException {
    byte[] bytes = new IdeasCsvExporter(ZONE).export("t", FORMULAS, Locale.ENGLISH, "w1").content();

    List<CSVRecord> records = csv(bytes);
    assertThat(records.get(0).toList()).startsWith("Room", "Theme", "Idea");
    assertThat(records.get(1).toList().subList(0, 5)).containsExactly("'=1+1", "'+SUM(A1:A9)", "'-2+3", "'@cmd", "'\t=TAB()");
    assertThat(records.get(2).toList().subList(0, 3))
        .containsExactly("'\r=CR()", "'＝全角", "'=HYPERLINK(\"http://evil.example\",\"点我\")");
  }

  @Test
  void xlsxReadsBackWithNumbersDatesAndNeutralisedText() throws IOException {
    ExportedFile file = new IdeasXlsxExporter(ZONE).export(SampleReport.TITLE, SampleReport.ideas(), Locale.SIMPLIFIED_CHINESE, "w1");

    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.content()))) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getSheetName()).isEqualTo("观点");
      assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("观点");
      Row first = sheet.getRow(1);
      assertThat(first.getCell(0).getStringCellValue()).isEqualTo(SampleReport.ROOMS.get(0));
      assertThat(first.getCell(2).getStringCellValue()).isEqualTo("案例教学要贴近实际");
      assertThat(first.getCell(3).getStringCellValue()).isEqualTo("张老师");
      assertThat(first.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(first.getCell(5).getNumericCellValue()).isEqualTo(12);
      assertThat(first.getCell(6).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 11, 18, 18, 6, 40));
      assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).isEmpty();
      assertThat(sheet.getLastRowNum()).isEqualTo(3);
    }
    assertThat(file.fileName().ascii()).isEqualTo("2026-Seminar-Report.ideas.xlsx");

    byte[] formulas = new IdeasXlsxExporter(ZONE).export("t", FORMULAS, Locale.ENGLISH, "w1").content();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(formulas))) {
      Sheet sheet = workbook.getSheetAt(0);
      for (Row row : sheet) {
        row.forEach(cell -> assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA));
      }
      assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("'=1+1");
      assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).startsWith("'=HYPERLINK(");
    }
  }

  static List<CSVRecord> csv(byte[] bytes) throws IOException {
    String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
    try (CSVParser parser = CSVParser.parse(text, CSVFormat.RFC4180)) {
      return parser.getRecords();
    }
  }
}
