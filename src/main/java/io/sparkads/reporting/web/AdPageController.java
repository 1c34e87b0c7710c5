package io.sparkads.reporting.web;

import io.sparkads.accounts.Advertiser;
import io.sparkads.accounts.Advertisers;
import io.sparkads.campaigns.Ad;
import io.sparkads.campaigns.AdGroups;
import io.sparkads.campaigns.AdPreviews;
import io.sparkads.campaigns.AdSwitches;
import io.sparkads.campaigns.Ads;
import io.sparkads.campaigns.Campaigns;
import io.sparkads.campaigns.OperationStatus;
import io.sparkads.common.PageRequest;
import io.sparkads.common.Refusal;
import io.sparkads.common.web.WebPage;
import io.sparkads.reporting.ReportMetric;
import io.sparkads.reporting.Reports;
import io.sparkads.review.Reviews;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Ads Manager › Ads › an ad: how viewers see it, its status with the reason, review's outcome and
 * automatic checks, what it delivered since it was created, and day by day for the chosen dates,
 * with a chart. It lives with reporting, which owns the numbers; the ads list links here, and its
 * buttons post to campaigns' {@code AdActionsPageController}.
 */
@WebPage
record AdPageController(
        Advertisers advertisers,
        Ads ads,
        Campaigns campaigns,
        AdGroups adGroups,
        AdPreviews previews,
        Reviews reviews,
        Reports reports,
        ReportTables tables,
        ReportChart charts,
        Clock clock) {
    /** A lifetime figure: what it is and its value as shown. */
    record Figure(String label, String value) {}

    @GetMapping("/ads/ads/{adId}")
    String ad(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @PathVariable long adId,
            DateChoice chosen,
            Model model,
            HttpServletResponse response) {
        Advertiser advertiser = advertisers.get(advertiserId);
        Ad ad = ads.get(advertiserId, adId);
        model.addAttribute("advertiser", advertiser);
        model.addAttribute("ad", ad);
        model.addAttribute("campaign", campaigns.get(advertiserId, ad.campaignId()));
        model.addAttribute("adGroup", adGroups.get(advertiserId, ad.adgroupId()));
        model.addAttribute("preview", previews.of(ad));
        model.addAttribute("review", reviews.ofAd(adId).orElse(null));
        model.addAttribute(
                "enableProblem", AdSwitches.whyNot(ad, OperationStatus.ENABLE).orElse(null));
        List<ReportMetric> metrics = ReportMetrics.LIST_COLUMNS;
        Map<String, List<Long>> onlyThisAd = Map.of("ad_ids", List.of(adId));
        List<Reports.Row> lifetime =
                reports.integrated(
                                new Reports.Query(
                                        advertiserId,
                                        ReportLevel.AD.dataLevel(),
                                        List.of(ReportLevel.AD.idDimension()),
                                        ReportMetrics.keys(metrics),
                                        null,
                                        null,
                                        new PageRequest(1, 1),
                                        true,
                                        onlyThisAd,
                                        null,
                                        null,
                                        null))
                        .rows();
        Map<String, String> values = lifetime.isEmpty() ? Map.of() : lifetime.get(0).metrics();
        model.addAttribute(
                "lifetime",
                metrics.stream()
                        .map(
                                m ->
                                        new Figure(
                                                m.heading(advertiser.currency()),
                                                ReportMetrics.display(
                                                        m, values.getOrDefault(m.wireName(), "0"))))
                        .toList());
        model.addAttribute("lifetimeTraffic", !lifetime.isEmpty());
        model.addAttribute("ranges", ReportRange.CHOICES);
        String chosenRange = chosen.rangeOr("last30");
        model.addAttribute("selectedRange", chosenRange);
        model.addAttribute("rangeFrom", chosen.from());
        model.addAttribute("rangeTo", chosen.to());
        try {
            ReportRange dates =
                    ReportRange.of(
                            chosenRange, chosen.from(), chosen.to(), advertiser.timezone(), clock);
            model.addAttribute("dates", dates);
            model.addAttribute("rangeFrom", dates.from().toString());
            model.addAttribute("rangeTo", dates.to().toString());
            ReportRequest daily =
                    new ReportRequest(
                            advertiserId,
                            ReportLevel.ACCOUNT,
                            dates,
                            Breakdown.DAY,
                            metrics,
                            onlyThisAd);
            model.addAttribute("table", tables.report(daily, advertiser));
            ReportChart.Chart chart =
                    charts.of(daily, List.of(ReportMetric.IMPRESSIONS, ReportMetric.SPEND));
            model.addAttribute("chartJson", chart == null ? null : chart.json());
        } catch (Refusal refusal) {
            model.addAttribute("problem", refusal.getMessage());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        return "reporting/ad";
    }
}
