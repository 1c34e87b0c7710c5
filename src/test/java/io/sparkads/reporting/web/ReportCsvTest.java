package io.sparkads.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.reporting.web.ReportTable.Cell;
import io.sparkads.reporting.web.ReportTable.Column;
import io.sparkads.reporting.web.ReportTable.Line;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportCsvTest {

    private static ReportTable table(
            List<String> headings, List<List<String>> rows, List<String> totals) {
        return new ReportTable(
                headings.stream().map(h -> new Column(h, false)).toList(),
                rows.stream().map(r -> new Line(r.stream().map(Cell::of).toList())).toList(),
                new Line(totals.stream().map(Cell::of).toList()),
                rows.size(),
                false,
                true);
    }

    @Test
    void givenATableWhenExportedThenTheCsvHoldsItsHeadingsRowsAndTotalsInOrderWithCrlf() {
        ReportTable shown =
                table(
                        List.of("Campaign", "Campaign ID", "Spend (USD)", "Click-through rate"),
                        List.of(List.of("Shoes", "42", "12.50", "25.00%")),
                        List.of("Total (2026-11-30, America/New_York)", "", "12.50", "25.00%"));

        String csv = ReportCsv.of(shown);

        assertThat(csv)
                .isEqualTo(
                        "Campaign,Campaign ID,Spend (USD),Click-through rate\r\n"
                                + "Shoes,42,12.50,25.00%\r\n"
                                + "\"Total (2026-11-30, America/New_York)\",,12.50,25.00%\r\n");
    }

    @Test
    void givenCommasQuotesAndLineBreaksWhenExportedThenThoseFieldsAreQuotedWithQuotesDoubled() {
        ReportTable shown =
                table(
                        List.of("Ad", "Impressions"),
                        List.of(
                                List.of("Spring \"sale\", shoes", "1,234"),
                                List.of("two\nlines", "5"),
                                List.of("plain", "0")),
                        List.of("Total", "1,239"));

        String csv = ReportCsv.of(shown);

        assertThat(csv)
                .isEqualTo(
                        "Ad,Impressions\r\n"
                                + "\"Spring \"\"sale\"\", shoes\",\"1,234\"\r\n"
                                + "\"two\nlines\",5\r\n"
                                + "plain,0\r\n"
                                + "Total,\"1,239\"\r\n");
    }

    @Test
    void givenAnExportWhenReadBackThenEveryFieldEqualsTheTablesText() {
        List<List<String>> rows =
                List.of(List.of("a,b", "\"quoted\"", "x"), List.of("", "end,\"", "line\r\nbreak"));
        ReportTable shown = table(List.of("One", "Two", "Three"), rows, List.of("Total", "", "3"));

        List<List<String>> read = io.sparkads.support.CsvReader.parse(ReportCsv.of(shown));

        assertThat(read)
                .containsExactly(
                        List.of("One", "Two", "Three"),
                        rows.get(0),
                        rows.get(1),
                        List.of("Total", "", "3"));
    }
}
