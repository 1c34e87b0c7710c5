package io.sparkads.reporting.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A shown report as CSV (RFC 4180): a header line with the table's headings, one record per row and
 * the totals last, CRLF between records, and a field in double quotes, with its quotes doubled,
 * whenever it holds a comma, a quote or a line break.
 */
final class ReportCsv {
    private static final String CRLF = "\r\n";

    private ReportCsv() {}

    static String of(ReportTable table) {
        StringBuilder csv = new StringBuilder();
        record(csv, table.columns().stream().map(ReportTable.Column::heading).toList());
        for (ReportTable.Line line : table.rows()) {
            record(csv, texts(line));
        }
        if (table.totals() != null) {
            record(csv, texts(table.totals()));
        }
        return csv.toString();
    }

    private static List<String> texts(ReportTable.Line line) {
        List<String> texts = new ArrayList<>();
        line.cells().forEach(cell -> texts.add(cell.text()));
        return texts;
    }

    private static void record(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields.get(i)));
        }
        csv.append(CRLF);
    }

    static String field(String value) {
        String text = value == null ? "" : value;
        if (text.contains(",")
                || text.contains("\"")
                || text.contains("\r")
                || text.contains("\n")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
