package org.yantao.report.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * A Word document built with Apache POI. Headings use Word's built-in heading styles (style ids
 * {@code Heading1..3}, names {@code heading 1..3}, with outline levels), which POI's blank document
 * does not have, so they are defined here: that is what makes Word's navigation pane and its
 * table of contents work. Lists use real numbering definitions; each numbered list starts at 1.
 *
 * <p>Chinese text gets an East-Asian font on every run: 宋体 (SimSun) for body text and 黑体 (SimHei)
 * for the title and headings, the pairing Chinese reports conventionally use. Both ship with every
 * Chinese Windows and with WPS; LibreOffice maps them to the CJK fonts it has. Latin text uses
 * Calibri, Word's default.
 */
public final class DocxExporter implements ReportExporter {

  public static final String CONTENT_TYPE =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  static final String BODY_EAST_ASIAN_FONT = "宋体";
  static final String HEADING_EAST_ASIAN_FONT = "黑体";
  private static final String LATIN_FONT = "Calibri";
  private static final String CODE_FONT = "Consolas";
  private static final String LINK_COLOUR = "0563C1";
  /** Half-points, as Word counts font sizes: title, heading 1..3, body (10.5 pt, 五号). */
  private static final int[] HEADING_SIZES = {44, 32, 28, 24};
  private static final int BODY_SIZE = 21;

  private final ZoneId zone;

  public DocxExporter(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ExportedFile export(ExportDocument document, String fileId) {
    return new ExportedFile(render(document), CONTENT_TYPE, FileName.of(document.title(), fileId, "docx"));
  }

  byte[] render(ExportDocument document) {
    Labels labels = Labels.of(document.locale());
    try (XWPFDocument docx = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      docx.getProperties().getCoreProperties().setTitle(XmlText.clean(document.title()));
      docx.getProperties().getCoreProperties().setCreator("Yantao");
      defineStyles(docx.createStyles(), document);
      Lists lists = new Lists(docx.createNumbering());

      XWPFParagraph title = docx.createParagraph();
      title.setStyle("Title");
      title.setAlignment(ParagraphAlignment.CENTER);
      text(title.createRun(), document.title(), HEADING_EAST_ASIAN_FONT);
      if (document.subtitle() != null && !document.subtitle().isBlank()) {
        XWPFParagraph subtitle = docx.createParagraph();
        subtitle.setStyle("Subtitle");
        subtitle.setAlignment(ParagraphAlignment.CENTER);
        text(subtitle.createRun(), document.subtitle(), BODY_EAST_ASIAN_FONT);
      }
      XWPFParagraph generated = docx.createParagraph();
      generated.setAlignment(ParagraphAlignment.CENTER);
      text(generated.createRun(), labels.generatedLine(document.generatedAt(), zone), BODY_EAST_ASIAN_FONT);

      Block previous = null;
      for (Block block : DeltaBlocks.of(document.content())) {
        XWPFParagraph paragraph = docx.createParagraph();
        String eastAsian = BODY_EAST_ASIAN_FONT;
        switch (block.kind()) {
          case HEADING -> {
            paragraph.setStyle("Heading" + block.level());
            eastAsian = HEADING_EAST_ASIAN_FONT;
          }
          case BULLET -> lists.item(paragraph, lists.bullets());
          case ORDERED -> lists.item(paragraph,
              previous != null && previous.kind() == Block.Kind.ORDERED ? lists.currentNumbered() : lists.newNumbered());
          case QUOTE -> paragraph.setStyle("Quote");
          case PARAGRAPH -> { }
        }
        appendRuns(paragraph, block.runs(), eastAsian);
        previous = block;
      }
      docx.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("DOCX rendering failed", e);
    }
  }

  private static void appendRuns(XWPFParagraph paragraph, List<Run> runs, String eastAsianFont) {
    for (Run run : runs) {
      XWPFRun r = run.link() != null ? paragraph.createHyperlinkRun(run.link()) : paragraph.createRun();
      text(r, run.text(), eastAsianFont);
      r.setBold(run.bold());
      r.setItalic(run.italic());
      if (run.underline() || run.link() != null) {
        r.setUnderline(UnderlinePatterns.SINGLE);
      }
      r.setStrikeThrough(run.strike());
      if (run.code()) {
        r.setFontFamily(CODE_FONT, XWPFRun.FontCharRange.ascii);
        r.setFontFamily(CODE_FONT, XWPFRun.FontCharRange.hAnsi);
      }
      if (run.link() != null) {
        r.setColor(LINK_COLOUR);
      }
    }
  }

  private static void text(XWPFRun run, String text, String eastAsianFont) {
    run.setText(XmlText.clean(text));
    run.setFontFamily(eastAsianFont, XWPFRun.FontCharRange.eastAsia);
  }

  private static void defineStyles(XWPFStyles styles, ExportDocument document) {
    CTFonts fonts = CTFonts.Factory.newInstance();
    fonts.setAscii(LATIN_FONT);
    fonts.setHAnsi(LATIN_FONT);
    fonts.setCs(LATIN_FONT);
    fonts.setEastAsia(BODY_EAST_ASIAN_FONT);
    styles.setDefaultFonts(fonts);
    // Word picks the East-Asian font for ambiguous characters (quotes, dashes) by this language.
    styles.setEastAsia("zh-CN");
    styles.setSpellingLanguage(document.locale().getLanguage().equals("zh") ? "zh-CN" : "en-GB");

    CTStyle normal = paragraphStyle("Normal", "Normal", null);
    normal.setDefault(true);
    normal.addNewRPr().addNewSz().setVal(BigInteger.valueOf(BODY_SIZE));
    styles.addStyle(new XWPFStyle(normal));

    CTStyle title = paragraphStyle("Title", "Title", "Normal");
    headingLook(title, HEADING_SIZES[0]);
    title.getPPr().addNewSpacing().setAfter(BigInteger.valueOf(240));
    styles.addStyle(new XWPFStyle(title));

    CTStyle subtitle = paragraphStyle("Subtitle", "Subtitle", "Normal");
    subtitle.addNewRPr().addNewSz().setVal(BigInteger.valueOf(28));
    styles.addStyle(new XWPFStyle(subtitle));

    for (int level = 1; level <= 3; level++) {
      CTStyle heading = paragraphStyle("Heading" + level, "heading " + level, "Normal");
      headingLook(heading, HEADING_SIZES[level]);
      CTPPrGeneral paragraph = heading.getPPr();
      paragraph.addNewKeepNext();
      paragraph.addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1));
      paragraph.addNewSpacing().setBefore(BigInteger.valueOf(360 - level * 60));
      heading.addNewUiPriority().setVal(BigInteger.valueOf(9));
      heading.addNewQFormat();
      styles.addStyle(new XWPFStyle(heading));
    }

    CTStyle quote = paragraphStyle("Quote", "Quote", "Normal");
    quote.getPPr().addNewInd().setLeft(BigInteger.valueOf(567));
    CTRPr quoteRun = quote.addNewRPr();
    quoteRun.addNewI();
    quoteRun.addNewColor().setVal("404040");
    styles.addStyle(new XWPFStyle(quote));
  }

  private static CTStyle paragraphStyle(String id, String name, String basedOn) {
    CTStyle style = CTStyle.Factory.newInstance();
    style.setStyleId(id);
    style.setType(STStyleType.PARAGRAPH);
    style.addNewName().setVal(name);
    if (basedOn != null) {
      style.addNewBasedOn().setVal(basedOn);
      style.addNewNext().setVal("Normal");
    }
    style.addNewPPr();
    return style;
  }

  private static void headingLook(CTStyle style, int halfPoints) {
    CTRPr run = style.addNewRPr();
    CTFonts fonts = run.addNewRFonts();
    fonts.setEastAsia(HEADING_EAST_ASIAN_FONT);
    run.addNewB();
    run.addNewSz().setVal(BigInteger.valueOf(halfPoints));
  }

  /** One bullet list definition shared by all bullet items; a fresh start at 1 for each numbered list. */
  private static final class Lists {
    private final XWPFNumbering numbering;
    private final BigInteger bulletNum;
    private final BigInteger decimalAbstract;
    private BigInteger currentNumbered;

    Lists(XWPFNumbering numbering) {
      this.numbering = numbering;
      this.bulletNum = numbering.addNum(numbering.addAbstractNum(
          new XWPFAbstractNum(definition(0, STNumberFormat.BULLET, "•"))));
      this.decimalAbstract = numbering.addAbstractNum(
          new XWPFAbstractNum(definition(1, STNumberFormat.DECIMAL, "%1.")));
    }

    void item(XWPFParagraph paragraph, BigInteger numId) {
      paragraph.setNumID(numId);
      paragraph.setNumILvl(BigInteger.ZERO);
    }

    BigInteger bullets() {
      return bulletNum;
    }

    BigInteger newNumbered() {
      currentNumbered = numbering.addNum(decimalAbstract);
      CTNumLvl restart = numbering.getNum(currentNumbered).getCTNum().addNewLvlOverride();
      restart.setIlvl(BigInteger.ZERO);
      restart.addNewStartOverride().setVal(BigInteger.ONE);
      return currentNumbered;
    }

    BigInteger currentNumbered() {
      return currentNumbered;
    }

    private static CTAbstractNum definition(int id, STNumberFormat.Enum format, String text) {
      CTAbstractNum definition = CTAbstractNum.Factory.newInstance();
      definition.setAbstractNumId(BigInteger.valueOf(id));
      CTLvl level = definition.addNewLvl();
      level.setIlvl(BigInteger.ZERO);
      level.addNewStart().setVal(BigInteger.ONE);
      level.addNewNumFmt().setVal(format);
      level.addNewLvlText().setVal(text);
      level.addNewPPr().addNewInd().setLeft(BigInteger.valueOf(720));
      level.getPPr().getInd().setHanging(BigInteger.valueOf(360));
      return definition;
    }
  }
}
