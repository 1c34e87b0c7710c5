package io.sparkads.reporting.web;

import java.util.List;

/**
 * A report as the page shows it: headings, rows of display text and a totals row. The HTML table
 * and the CSV export are both written from this one value, so the export holds exactly what is
 * shown.
 */
record ReportTable(
        List<Column> columns,
        List<Line> rows,
        Line totals,
        long totalRows,
        boolean truncated,
        boolean traffic) {

    /** A column: its heading and whether it holds figures (right-aligned). */
    record Column(String heading, boolean figure) {}

    /** A cell's text, and where its name links to, if anywhere. */
    record Cell(String text, String href) {
        static Cell of(String text) {
            return new Cell(text, null);
        }
    }

    record Line(List<Cell> cells) {}

    public boolean empty() {
        return rows.isEmpty();
    }
}
