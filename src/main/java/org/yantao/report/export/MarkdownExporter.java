package org.yantao.report.export;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;

/**
 * CommonMark, with strikethrough as GitHub writes it. User text is escaped so that it stays text:
 * no markup, raw HTML, link or list can come out of what someone typed. The title is the one
 * level-1 heading, so the document's headings move one level down.
 */
public final class MarkdownExporter implements ReportExporter {

  public static final String CONTENT_TYPE = "text/markdown; charset=UTF-8";

  private final ZoneId zone;

  public MarkdownExporter(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ExportedFile export(ExportDocument document, String fileId) {
    return new ExportedFile(render(document).getBytes(StandardCharsets.UTF_8), CONTENT_TYPE,
        FileName.of(document.title(), fileId, "md"));
  }

  String render(ExportDocument document) {
    Labels labels = Labels.of(document.locale());
    StringBuilder md = new StringBuilder();
    md.append("# ").append(escapeLine(oneLine(document.title()))).append("\n\n");
    if (document.subtitle() != null && !document.subtitle().isBlank()) {
      md.append(escapeLine(oneLine(document.subtitle()))).append("\n\n");
    }
    md.append('*').append(escapeLine(labels.generatedLine(document.generatedAt(), zone))).append("*\n");
    List<Block> blocks = DeltaBlocks.of(document.content());
    Block previous = null;
    int number = 0;
    for (Block block : blocks) {
      boolean sameList = previous != null && previous.kind() == block.kind() && block.isList();
      boolean sameQuote = previous != null && previous.kind() == Block.Kind.QUOTE
          && block.kind() == Block.Kind.QUOTE;
      md.append(sameList || sameQuote ? "" : "\n");
      number = sameList ? number + 1 : 1;
      switch (block.kind()) {
        case HEADING -> md.append("#".repeat(block.level() + 1)).append(' ');
        case BULLET -> md.append("- ");
        case ORDERED -> md.append(number).append(". ");
        case QUOTE -> md.append(sameQuote ? ">\n> " : "> ");
        case PARAGRAPH -> { }
      }
      md.append(inline(block.runs())).append('\n');
      previous = block;
    }
    return md.toString();
  }

  private static String inline(List<Run> runs) {
    StringBuilder line = new StringBuilder();
    for (Run run : runs) {
      String text = oneLine(run.text());
      if (line.isEmpty()) {
        text = text.stripLeading();
      }
      line.append(formatted(run, text, line.isEmpty()));
    }
    return line.toString();
  }

  /** Emphasis markers only work hugging the text, so surrounding spaces stay outside them. */
  private static String formatted(Run run, String text, boolean atLineStart) {
    String core = text.strip();
    if (core.isEmpty()) {
      return text;
    }
    String before = text.substring(0, text.indexOf(core));
    String after = text.substring(text.indexOf(core) + core.length());
    String body = run.code() ? codeSpan(core) : escape(core, atLineStart && before.isEmpty());
    if (run.strike()) {
      body = "~~" + body + "~~";
    }
    if (run.italic()) {
      body = "*" + body + "*";
    }
    if (run.bold()) {
      body = "**" + body + "**";
    }
    if (run.link() != null) {
      body = "[" + body + "](<" + run.link() + ">)";
    }
    return before + body + after;
  }

  private static String codeSpan(String text) {
    int longest = 0;
    int current = 0;
    for (int i = 0; i < text.length(); i++) {
      current = text.charAt(i) == '`' ? current + 1 : 0;
      longest = Math.max(longest, current);
    }
    String fence = "`".repeat(longest + 1);
    String pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
    return fence + pad + text + pad + fence;
  }

  private static String escapeLine(String text) {
    return escape(text.strip(), true);
  }

  /**
   * Backslash-escapes every character that could start markup anywhere in a line, and those that
   * only mean something at a line's start (list markers, setext underlines) when they are there;
   * indentation at a line's start, which would make a code block, is dropped.
   */
  static String escape(String raw, boolean atLineStart) {
    String text = atLineStart ? raw.stripLeading() : raw;
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ("\\`*_[]<>#!|~&".indexOf(c) >= 0) {
        escaped.append('\\');
      } else if (atLineStart && i == 0 && "-+=".indexOf(c) >= 0) {
        escaped.append('\\');
      } else if (atLineStart && (c == '.' || c == ')') && i > 0 && onlyDigitsBefore(text, i)) {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }

  private static boolean onlyDigitsBefore(String text, int end) {
    for (int i = 0; i < end; i++) {
      if (!Character.isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Runs and titles never span lines here; tabs would turn into code indentation. */
  private static String oneLine(String text) {
    return XmlText.clean(text).replaceAll("[\\t\\r\\n]+", " ");
  }
}
