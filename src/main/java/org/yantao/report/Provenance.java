package org.yantao.report;

import java.util.Optional;

/**
 * Where a line of the report comes from, kept as the line attribute {@value #ATTRIBUTE} so that it
 * survives co-editing (Quill carries block attributes with the line). Encoded forms:
 * <ul>
 *   <li>{@code theme:<themeId>} the heading of a theme's part; {@code other} the heading of the
 *       part gathering text written outside any theme heading;</li>
 *   <li>{@code <roomId>@<revision>} a room's label or a line of its findings, as of that revision
 *       of the room's findings document;</li>
 *   <li>{@code ideas:<themeId>} the heading of a theme's top ideas;
 *       {@code <roomId>@idea:<ideaId>} one idea of that list.</li>
 * </ul>
 * Ids never contain "@" or ":" (see {@code security/Ids}); parsing is lenient anyway and returns
 * nothing for values it does not recognise, such as lines organisers typed themselves.
 */
public sealed interface Provenance {

  String ATTRIBUTE = "provenance";

  String encode();

  /** The room this line came from, if any. */
  default Optional<String> roomId() {
    return Optional.empty();
  }

  static Optional<Provenance> parse(Object value) {
    if (!(value instanceof String text) || text.isEmpty()) {
      return Optional.empty();
    }
    if (text.equals(OtherHeading.ENCODED)) {
      return Optional.of(new OtherHeading());
    }
    if (text.startsWith(ThemeHeading.PREFIX)) {
      return Optional.of(new ThemeHeading(text.substring(ThemeHeading.PREFIX.length())));
    }
    if (text.startsWith(IdeasHeading.PREFIX)) {
      return Optional.of(new IdeasHeading(text.substring(IdeasHeading.PREFIX.length())));
    }
    int idea = text.indexOf(IdeaLine.SEPARATOR);
    if (idea > 0) {
      return Optional.of(new IdeaLine(text.substring(0, idea), text.substring(idea + IdeaLine.SEPARATOR.length())));
    }
    int at = text.lastIndexOf('@');
    if (at > 0) {
      try {
        return Optional.of(new RoomText(text.substring(0, at), Long.parseLong(text.substring(at + 1))));
      } catch (NumberFormatException notARevision) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  static Optional<Provenance> of(DocumentLine line) {
    return parse(line.attribute(ATTRIBUTE));
  }

  record ThemeHeading(String themeId) implements Provenance {
    static final String PREFIX = "theme:";

    @Override
    public String encode() {
      return PREFIX + themeId;
    }
  }

  record OtherHeading() implements Provenance {
    static final String ENCODED = "other";

    @Override
    public String encode() {
      return ENCODED;
    }
  }

  record RoomText(String room, long revision) implements Provenance {
    @Override
    public String encode() {
      return room + "@" + revision;
    }

    @Override
    public Optional<String> roomId() {
      return Optional.of(room);
    }
  }

  record IdeasHeading(String themeId) implements Provenance {
    static final String PREFIX = "ideas:";

    @Override
    public String encode() {
      return PREFIX + themeId;
    }
  }

  record IdeaLine(String room, String ideaId) implements Provenance {
    static final String SEPARATOR = "@idea:";

    @Override
    public String encode() {
      return room + SEPARATOR + ideaId;
    }

    @Override
    public Optional<String> roomId() {
      return Optional.of(room);
    }
  }
}
