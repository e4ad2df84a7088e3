package org.yantao.report;

import java.util.Set;

/**
 * The line attributes the report adds on top of Quill's formats. Exporters ignore them; the web
 * editor registers them as block formats so that they survive editing.
 */
public final class ReportAttributes {

  /** Set to true on lines a refresh added; an organiser clears it once they have looked. */
  public static final String FRESH = "fresh";

  /** The id of the accepted overlap group a merged point stands for. */
  public static final String OVERLAP = "overlap";

  static final Set<String> RESERVED = Set.of(Provenance.ATTRIBUTE, FRESH, OVERLAP);

  private ReportAttributes() {
  }
}
