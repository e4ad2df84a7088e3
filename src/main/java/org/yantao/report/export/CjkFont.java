package org.yantao.report.export;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * A usable CJK font held in memory: the file's bytes and, for a collection (.ttc), which face to
 * use. Each PDF parses its own copy (PDFBox fonts are not safe to share between documents being
 * written at the same time); parsing is lazy and cheap next to rendering.
 */
record CjkFont(Path path, byte[] data, String faceName) {

  private static final byte[] COLLECTION_TAG = {'t', 't', 'c', 'f'};

  /** The font in {@code data}, or empty when it has no TrueType outlines or no Chinese characters. */
  static Optional<CjkFont> of(Path path, byte[] data) throws IOException {
    if (!isCollection(data)) {
      try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(data))) {
        return usable(font) ? Optional.of(new CjkFont(path, data, null)) : Optional.empty();
      }
    }
    List<String> faces = new ArrayList<>();
    try (TrueTypeCollection collection = new TrueTypeCollection(new ByteArrayInputStream(data))) {
      collection.processAllFonts(font -> {
        if (usable(font)) {
          faces.add(font.getName());
        }
      });
    }
    return faces.stream()
        .max((a, b) -> Integer.compare(preference(a), preference(b)))
        .map(face -> new CjkFont(path, data, face));
  }

  /** A parsed copy of the face for one document; close it once the document is saved. */
  Face open() throws IOException {
    if (faceName == null) {
      TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(data));
      return new Face(font, font);
    }
    TrueTypeCollection collection = new TrueTypeCollection(new ByteArrayInputStream(data));
    try {
      return new Face(collection.getFontByName(faceName), collection);
    } catch (IOException | RuntimeException e) {
      collection.close();
      throw e;
    }
  }

  record Face(TrueTypeFont font, Closeable owner) implements Closeable {
    @Override
    public void close() throws IOException {
      owner.close();
    }
  }

  private static boolean isCollection(byte[] data) {
    if (data.length < COLLECTION_TAG.length) {
      return false;
    }
    for (int i = 0; i < COLLECTION_TAG.length; i++) {
      if (data[i] != COLLECTION_TAG[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean usable(TrueTypeFont font) throws IOException {
    return font.getTableMap().containsKey("glyf")
        && font.getUnicodeCmapLookup(false) != null
        && font.getUnicodeCmapLookup(false).getGlyphId('中') != 0
        && font.getUnicodeCmapLookup(false).getGlyphId('文') != 0;
  }

  /** Simplified Chinese faces first (a collection may hold Japanese, Korean, traditional ones); monospaced last. */
  private static int preference(String faceName) {
    String name = faceName.toLowerCase(Locale.ROOT);
    int score = 0;
    if (name.contains("sc") || name.contains("cn") || name.contains("gb")) {
      score += 2;
    }
    if (name.contains("mono")) {
      score -= 1;
    }
    return score;
  }
}
