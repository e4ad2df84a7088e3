package org.yantao.report.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.yantao.error.DomainException;
import org.yantao.error.ErrorKind;

/**
 * Finds the CJK font the PDF embeds: the configured file, else the first usable one among the
 * system's fonts. Only TrueType outlines qualify: PDFBox can embed a subset of those, but not of
 * OpenType/CFF fonts such as Debian's Noto Sans CJK collections, which it would have to embed whole
 * (megabytes per PDF). Without a usable font the PDF export fails with an error naming the setting
 * instead of printing empty boxes.
 */
public final class CjkFonts {

  /** The setting that names the font, as the error message shows it. */
  public static final String SETTING = "YANTAO_CJK_FONT";

  /** Where Debian (and Ubuntu) packages put CJK fonts with TrueType outlines, best first. */
  public static final List<Path> SYSTEM_FONTS = List.of(
      Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
      Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
      Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
      Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"));

  private final Path configured;
  private final List<Path> systemFonts;
  private volatile CjkFont found;

  /** {@code configured} may be null; an empty {@code systemFonts} turns discovery off. */
  public CjkFonts(Path configured, List<Path> systemFonts) {
    this.configured = configured;
    this.systemFonts = List.copyOf(systemFonts);
  }

  /** The configured font if there is one, else the system's. */
  public static CjkFonts configuredOrSystem(Path configured) {
    return new CjkFonts(configured, SYSTEM_FONTS);
  }

  /** The font, read once; a configured font that cannot be used is an error even if the system has one. */
  CjkFont font() {
    CjkFont font = found;
    if (font == null) {
      font = locate();
      found = font;
    }
    return font;
  }

  private CjkFont locate() {
    if (configured != null) {
      if (!Files.isRegularFile(configured)) {
        throw new DomainException(ErrorKind.UNAVAILABLE, "export.font_missing", SETTING);
      }
      return read(configured).orElseThrow(
          () -> new DomainException(ErrorKind.UNAVAILABLE, "export.font_unusable", SETTING, configured));
    }
    for (Path candidate : systemFonts) {
      if (Files.isRegularFile(candidate)) {
        Optional<CjkFont> font = read(candidate);
        if (font.isPresent()) {
          return font.get();
        }
      }
    }
    throw new DomainException(ErrorKind.UNAVAILABLE, "export.font_missing", SETTING);
  }

  private static Optional<CjkFont> read(Path path) {
    try {
      return CjkFont.of(path, Files.readAllBytes(path));
    } catch (IOException unreadable) {
      return Optional.empty();
    }
  }
}
