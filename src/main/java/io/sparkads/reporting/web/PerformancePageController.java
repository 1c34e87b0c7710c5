package io.sparkads.reporting.web;

import io.sparkads.accounts.Advertiser;
import io.sparkads.accounts.Advertisers;
import io.sparkads.common.Refusal;
import io.sparkads.common.web.WebPage;
import io.sparkads.reporting.ReportMetric;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The figures of the campaign, ad group and ad lists: an htmx partial the list pages load with the
 * ids they show (ids in, a table out), so the campaigns module needs nothing from reporting. The
 * chosen dates and columns are kept for the session, so every list shows the same ones.
 */
@WebPage
record PerformancePageController(Advertisers advertisers, ReportTables tables, Clock clock) {
    private static final String COLUMNS = "reporting.listColumns";
    private static final String RANGE = "reporting.listRange";
    private static final int MAX_IDS = 100;

    @GetMapping(ReportingPageController.PATH + "/performance")
    String performance(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @RequestParam(defaultValue = "campaign") String level,
            @RequestParam(name = "ids", required = false) List<Long> ids,
            DateChoice asked,
            @RequestParam(name = "metrics", required = false) List<String> metrics,
            HttpSession session,
            Model model,
            HttpServletResponse response) {
        Advertiser advertiser = advertisers.get(advertiserId);
        List<Long> shown =
                ids == null ? List.of() : ids.stream().distinct().limit(MAX_IDS).toList();
        ReportLevel reportLevel = ReportLevel.of(level);
        if (reportLevel == ReportLevel.ACCOUNT) {
            throw Refusal.invalid("Lists show campaigns, ad groups or ads, not the whole account.");
        }
        List<String> columns = metrics != null ? metrics : sessionList(session, COLUMNS);
        List<ReportMetric> chosen = ReportMetrics.chosen(columns, ReportMetrics.LIST_COLUMNS);
        session.setAttribute(COLUMNS, ReportMetrics.keys(chosen));
        String[] remembered = (String[]) session.getAttribute(RANGE);
        DateChoice period =
                asked.range() == null && remembered != null
                        ? new DateChoice(remembered[0], remembered[1], remembered[2])
                        : asked;
        model.addAttribute("level", reportLevel);
        model.addAttribute("ids", shown);
        model.addAttribute("ranges", ReportRange.CHOICES);
        model.addAttribute("selectedRange", period.rangeOr("last7"));
        model.addAttribute("rangeFrom", period.from());
        model.addAttribute("rangeTo", period.to());
        model.addAttribute("columnChoices", ReportMetrics.LIST_COLUMNS);
        model.addAttribute("selectedMetrics", ReportMetrics.keys(chosen));
        // A short heading ("CPM") says its whole name when pointed at.
        model.addAttribute(
                "columnTitles",
                chosen.stream().map(m -> m.heading(advertiser.currency())).toList());
        model.addAttribute("advertiser", advertiser);
        try {
            ReportRange dates =
                    ReportRange.of(
                            period.range(),
                            period.from(),
                            period.to(),
                            advertiser.timezone(),
                            clock);
            session.setAttribute(
                    RANGE,
                    new String[] {dates.key(), dates.from().toString(), dates.to().toString()});
            model.addAttribute("rangeFrom", dates.from().toString());
            model.addAttribute("rangeTo", dates.to().toString());
            model.addAttribute("dates", dates);
            model.addAttribute("table", tables.list(advertiser, reportLevel, shown, dates, chosen));
        } catch (Refusal refusal) {
            model.addAttribute("problem", refusal.getMessage());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        return "reporting/performance :: performance";
    }

    @SuppressWarnings("unchecked")
    private static List<String> sessionList(HttpSession session, String name) {
        Object value = session.getAttribute(name);
        return value instanceof List<?> list ? (List<String>) list : null;
    }
}
