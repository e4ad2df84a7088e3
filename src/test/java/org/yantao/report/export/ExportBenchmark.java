package org.yantao.report.export;

import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.yantao.text.Delta;

/**
 * Export speed for a seminar-sized report: 8 rooms of 5,000 characters of mixed Chinese and
 * English findings plus 400 ideas, rendered to PDF (target under 2 s) and DOCX (under 1 s).
 * Warm-up runs first, so the figures are for a server that has exported before.
 *
 * <p>{@code mvn -B -Pbench test-compile exec:exec -Dbench=org.yantao.report.export.ExportBenchmark}
 */
public final class ExportBenchmark {

  private static final int WARM_UP = 5;
  private static final int RUNS = 5;

  private ExportBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    ZoneId zone = ZoneId.systemDefault();
    Delta content = SampleReport.large(8, 5_000, 400);
    ExportDocument document = new ExportDocument("研讨班综合报告 Consolidated report", "8 组 · 400 条观点",
        System.currentTimeMillis(), content, Locale.SIMPLIFIED_CHINESE);
    PdfExporter pdf = new PdfExporter(CjkFonts.configuredOrSystem(null), zone);
    DocxExporter docx = new DocxExporter(zone);

    byte[] pdfBytes = pdf.export(document, "bench").content();
    try (PDDocument read = Loader.loadPDF(pdfBytes)) {
      System.out.printf("report: %,d characters; PDF %,d bytes, %d pages; DOCX %,d bytes%n",
          content.length(), pdfBytes.length, read.getNumberOfPages(), docx.export(document, "bench").content().length);
    }
    measure("PDF", () -> pdf.export(document, "bench"));
    measure("DOCX", () -> docx.export(document, "bench"));
  }

  private static void measure(String format, Supplier<ExportedFile> export) {
    for (int i = 0; i < WARM_UP; i++) {
      export.get();
    }
    StringBuilder runs = new StringBuilder();
    long best = Long.MAX_VALUE;
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      export.get();
      long millis = (System.nanoTime() - start) / 1_000_000;
      best = Math.min(best, millis);
      runs.append(i == 0 ? "" : ", ").append(millis);
    }
    System.out.printf("%s warm runs (ms): %s; best %d ms%n", format, runs, best);
  }
}
