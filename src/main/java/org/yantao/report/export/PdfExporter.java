package org.yantao.report.export;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.extend.FSStreamFactory;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

/**
 * The HTML export laid out as a PDF by openhtmltopdf: title page, table of contents with page
 * numbers, page counters, and real text in a subset of the CJK font embedded in the file.
 * The renderer is given the document and the font and may fetch nothing else: every URI it asks
 * for is refused, whatever its scheme, so neither {@code file:} nor network references in content
 * (there are none: the HTML escapes user text) could ever be loaded.
 */
public final class PdfExporter implements ReportExporter {

  public static final String CONTENT_TYPE = "application/pdf";

  private static final String[] ANY_SCHEME = {
      "file", "http", "https", "ftp", "jar", "data", "classpath", "about", "mailto", "javascript"};

  private final CjkFonts fonts;
  private final HtmlExporter html;

  public PdfExporter(CjkFonts fonts, ZoneId zone) {
    this.fonts = fonts;
    this.html = new HtmlExporter(zone);
  }

  @Override
  public ExportedFile export(ExportDocument document, String fileId) {
    return new ExportedFile(render(html.render(document), document.title()), CONTENT_TYPE,
        FileName.of(document.title(), fileId, "pdf"));
  }

  /** Lays out {@code markup} (HTML, read leniently) with nothing but the CJK font. */
  byte[] render(String markup, String title) {
    CjkFont font = fonts.font();
    org.w3c.dom.Document xhtml = W3CDom.convert(Jsoup.parse(markup));
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
    try (CjkFont.Face face = font.open(); PDDocument pdf = new PDDocument()) {
      pdf.getDocumentInformation().setTitle(XmlText.clean(title));
      PdfRendererBuilder builder = new PdfRendererBuilder()
          .usePDDocument(pdf)
          .useFont(new PDFontSupplier(PDType0Font.load(pdf, face.font(), true)),
              HtmlExporter.PDF_FONT_FAMILY, 400, FontStyle.NORMAL, true)
          .withProducer("Yantao");
      builder.useFastMode();
      builder.useUriResolver((base, uri) -> null);
      builder.useExternalResourceAccessControl((uri, type) -> false,
          ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
      builder.useExternalResourceAccessControl((uri, type) -> false,
          ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
      builder.useHttpStreamImplementation(NOTHING);
      builder.useProtocolsStreamImplementation(NOTHING, ANY_SCHEME);
      builder.withW3cDocument(xhtml, null);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("PDF rendering failed", e);
    }
    return out.toByteArray();
  }

  /** A stream factory that yields no content: the renderer treats the resource as missing. */
  private static final FSStreamFactory NOTHING = url -> new FSStream() {
    @Override
    public java.io.InputStream getStream() {
      return null;
    }

    @Override
    public java.io.Reader getReader() {
      return null;
    }
  };
}
