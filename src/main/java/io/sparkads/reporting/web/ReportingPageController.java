package io.sparkads.reporting.web;

import io.sparkads.accounts.Advertiser;
import io.sparkads.accounts.Advertisers;
import io.sparkads.common.Refusal;
import io.sparkads.common.web.WebPage;
import io.sparkads.reporting.ReportMetric;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Ads Manager › Reporting: a report by account, campaign, ad group or ad, for a range of dates in
 * the ad account's time zone, broken down by day, hour, Spark vs non-Spark or audience, with a
 * chart of one or two metrics over time, the table with its totals, and the same table as CSV.
 */
@WebPage
record ReportingPageController(
        Advertisers advertisers,
        ReportTables tables,
        ReportChart charts,
        ReportNames names,
        DestinationTable destinations,
        Clock clock) {
    static final String PATH = "/ads/reporting";

    @GetMapping(PATH)
    String page(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @ModelAttribute("form") ReportForm form,
            Model model,
            HttpServletResponse response) {
        Advertiser advertiser = advertisers.get(advertiserId);
        model.addAttribute("advertiser", advertiser);
        model.addAttribute("levels", ReportLevel.values());
        model.addAttribute("breakdowns", Breakdown.values());
        model.addAttribute("ranges", ReportRange.CHOICES);
        model.addAttribute("metricChoices", ReportMetrics.ALL);
        List<Long> campaignFilter =
                form.campaignId() == null ? List.of() : List.of(form.campaignId());
        List<Long> adgroupFilter = form.adgroupId() == null ? List.of() : List.of(form.adgroupId());
        model.addAttribute("campaignChoices", names.campaigns(advertiserId));
        model.addAttribute("adgroupChoices", names.adGroups(advertiserId, campaignFilter));
        model.addAttribute("adChoices", names.ads(advertiserId, campaignFilter, adgroupFilter));
        model.addAttribute("selectedLevel", form.levelKey());
        model.addAttribute("selectedBreakdown", form.breakdownKey());
        model.addAttribute("selectedRange", form.rangeKey());
        model.addAttribute("rangeFrom", form.from());
        model.addAttribute("rangeTo", form.to());
        List<ReportMetric> shown = form.reportMetrics();
        model.addAttribute("selectedMetrics", ReportMetrics.keys(form.chosenMetrics()));
        model.addAttribute("shownMetrics", shown);
        model.addAttribute("leftOut", leftOut(form));
        List<ReportMetric> chartMetrics = form.chartMetrics(shown);
        model.addAttribute("chartMetrics", ReportMetrics.keys(chartMetrics));
        ReportRequest request;
        try {
            request = form.request(advertiser, clock);
        } catch (Refusal refusal) {
            return problem(model, response, refusal.getMessage());
        }
        model.addAttribute("request", request);
        model.addAttribute("rangeFrom", request.range().from().toString());
        model.addAttribute("rangeTo", request.range().to().toString());
        try {
            model.addAttribute("table", tables.report(request, advertiser));
            if (request.breakdown() == Breakdown.SPARK) {
                model.addAttribute("destinationTable", destinations.of(request, advertiser));
            }
            ReportChart.Chart chart = charts.of(request, chartMetrics);
            model.addAttribute("chartJson", chart == null ? null : chart.json());
        } catch (Refusal refusal) {
            return problem(model, response, explain(refusal));
        }
        model.addAttribute(
                "exportUrl",
                ServletUriComponentsBuilder.fromCurrentRequest()
                        .replacePath(PATH + "/export.csv")
                        .build()
                        .toUriString());
        return "reporting/reporting";
    }

    /** The table exactly as the page shows it, as an RFC 4180 CSV file. */
    @GetMapping(PATH + "/export.csv")
    ResponseEntity<String> export(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @ModelAttribute("form") ReportForm form) {
        Advertiser advertiser = advertisers.get(advertiserId);
        try {
            ReportRequest request = form.request(advertiser, clock);
            String csv = ReportCsv.of(tables.report(request, advertiser));
            String name =
                    "report-"
                            + request.level().key()
                            + "-"
                            + request.range().from()
                            + "-to-"
                            + request.range().to()
                            + ".csv";
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment().filename(name).build().toString())
                    .body(csv);
        } catch (Refusal refusal) {
            return ResponseEntity.badRequest()
                    .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                    .body("This report can't be exported: " + refusal.getMessage() + "\r\n");
        }
    }

    /**
     * The report API's refusal in the page's words. The page offers only what the API answers, so
     * this is for what a hand-made address asks.
     */
    static String explain(Refusal refusal) {
        String message = refusal.getMessage() == null ? "" : refusal.getMessage();
        return "This report can't be shown: "
                + message
                + (message.endsWith(".") ? "" : ".")
                + " Choose another breakdown, level or dates.";
    }

    /** Why a chosen metric is not in the table: reach is not split by who the viewers are. */
    private static String leftOut(ReportForm form) {
        List<ReportMetric> left = form.leftOutMetrics();
        if (left.isEmpty()) {
            return null;
        }
        String names = String.join(" and ", left.stream().map(ReportMetric::label).toList());
        return names
                + (left.size() == 1 ? " is" : " are")
                + " left out of this breakdown: a viewer is counted once per ad, not once per "
                + form.reportBreakdown().label().toLowerCase()
                + ". Choose another breakdown to see "
                + (left.size() == 1 ? "it" : "them")
                + ".";
    }

    private static String problem(Model model, HttpServletResponse response, String message) {
        model.addAttribute("problem", message);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return "reporting/reporting";
    }
}
