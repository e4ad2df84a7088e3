/**
 * The consolidated report, as pure functions over Quill deltas (no Vert.x, no Hazelcast), so the
 * REST layer can run them wherever it likes and send their results through the ordinary OT path.
 * That layer is {@link org.yantao.report.ReportService} (reads the sources, writes the report
 * document as ops of its own, keeps a {@link org.yantao.report.ReportState} per workshop) with
 * {@link org.yantao.report.ReportRoutes} and {@link org.yantao.report.ExportRoutes}; the file
 * formats are in {@code report.export}.
 *
 * <h2>From findings to report</h2>
 * {@link org.yantao.report.FindingsSections} cuts a room's findings at its theme headings (the
 * header-2 lines {@code FindingsTemplate} writes); {@link org.yantao.report.ReportBuilder} lays the
 * slices out theme by theme, room by room in workshop order, each room labelled with its members'
 * organisations, then the theme's top ideas by votes. The workshop title is metadata for the
 * exporters, not a line of the document.
 *
 * <h2>Line attributes</h2>
 * Every line carries {@link org.yantao.report.Provenance#ATTRIBUTE provenance} (which room, which
 * findings revision, or which idea); see {@link org.yantao.report.Provenance} for the forms.
 * {@link org.yantao.report.ReportAttributes#FRESH fresh} marks lines a refresh added and
 * {@link org.yantao.report.ReportAttributes#OVERLAP overlap} the point an accepted overlap group
 * was merged into. All three are block attributes on the line's "\n": the editor must register them
 * as block formats (Quill drops unknown ones), and since Quill copies block formats to the line an
 * Enter creates, it should not copy these three. Exporters ignore them.
 *
 * <h2>Overlap</h2>
 * {@link org.yantao.report.Similarity} compares character n-grams (CJK bigrams, Latin word
 * trigrams) by the Dice coefficient, so Chinese needs no word segmentation; synonyms with no
 * characters in common (青年/年轻) are beyond it. {@link org.yantao.report.OverlapFinder} groups
 * points of different rooms on a theme; a group's id hashes its members' stable keys (idea id, or
 * room and normalised text, never the revision), so the organiser's decisions can be kept across
 * regenerations. {@link org.yantao.report.OverlapMerge} turns a decision into a change against the
 * report as it is then, and keeps in an {@link org.yantao.report.AcceptedMerge} what an undo needs
 * to compute its own change later, against whatever the report has become.
 *
 * <h2>Regenerating</h2>
 * {@link org.yantao.report.ReportRefresh} never rebuilds: it inserts the rooms' new lines into the
 * current report, marked fresh, and never deletes or changes a line, so organisers' edits survive.
 */
package org.yantao.report;
