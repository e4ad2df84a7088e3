package org.yantao.report.export;

/**
 * Spreadsheet cells that would start a formula (CSV injection: {@code =HYPERLINK(...)},
 * {@code @SUM(...)}, {@code -2+3}) get a leading apostrophe, so that Excel, WPS and LibreOffice show
 * them as the text they are. Full-width signs count too: some input methods produce them and some
 * spreadsheet programs read them as the ASCII ones.
 */
final class FormulaGuard {

  private static final String TRIGGERS = "=+-@\t\r＝＋－＠";

  private FormulaGuard() {
  }

  static String text(String value) {
    String clean = XmlText.clean(value);
    return !clean.isEmpty() && TRIGGERS.indexOf(clean.charAt(0)) >= 0 ? "'" + clean : clean;
  }
}
