package io.sparkads.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.accounts.Role;
import io.sparkads.support.ApiClient;
import io.sparkads.support.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Ads Manager › Reporting in a browser, on traffic sent through the platform API (an ad request,
 * then the events a host app sends): the range and breakdown change the table and the chart, the
 * CSV export equals the table, the lists show figures, and bad choices get a message, never a 500.
 */
class ReportingBrowserIT extends BrowserTestBase {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Fixtures.LiveAd live;
    private String campaignName;
    private String username;

    /**
     * A live Spark ad of a new ad account (New York time), whose campaign's name holds a comma and
     * quotes, with four impressions, one click, two complete views and a like.
     */
    @BeforeAll
    void givenAnAdWithTraffic() {
        ApiClient api = new ApiClient(port);
        Fixtures fixtures = new Fixtures(api);
        live = fixtures.givenLiveAd(Map.of());
        long advertiserId = Long.parseLong(live.advertiser().id());
        campaignName = "Spring \"sale\", shoes " + Fixtures.unique().substring(0, 6);
        campaigns.update(advertiserId, Long.parseLong(live.campaignId()), campaignName, null);
        String now = Instant.now().toString();
        String run = Fixtures.unique();
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String viewer = "report-viewer-" + run + "-" + i;
            String impression = fixtures.servedImpression(live.adId(), viewer);
            events.add(event(run + "-imp-" + i, "IMPRESSION", now, viewer, impression));
            if (i < 2) {
                events.add(event(run + "-p100-" + i, "VIDEO_P100", now, viewer, impression));
            }
            if (i == 0) {
                events.add(event(run + "-click", "CLICK", now, viewer, impression));
                events.add(event(run + "-like", "LIKE", now, viewer, impression));
            }
        }
        var accepted = api.platform("POST", "/events", Map.of("events", events));
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
        assertThat(accepted.body().path("accepted").asInt()).isEqualTo(events.size());
        username = "reporter-" + run.substring(0, 10);
        users.create(username, PASSWORD, Role.ADVERTISER, advertiserId, null);
    }

    private static Map<String, Object> event(
            String id, String type, String at, String viewer, String impression) {
        return Map.of(
                "event_id", id,
                "type", type,
                "occurred_at", at,
                "viewer_id", viewer,
                "impression_id", impression);
    }

    @Test
    void anAdvertiserChangesRangeAndBreakdownSeesTheChartAndExportsExactlyTheTable() {
        // given
        signInAs(username);
        open("/ads");

        // when: Reporting from the navigation, today, then by hour
        browser.findElement(By.id("nav-reporting")).click();
        assertThat(path()).isEqualTo("/ads/reporting");
        assertThat(text(By.cssSelector(".breadcrumb"))).contains("Ads Manager", "Reporting");
        assertThat(text(By.id("report-table"))).contains(campaignName);

        choose(By.id("report-range"), "today");
        String today = LocalDate.now(NEW_YORK).toString();
        assertThat(text(By.id("report-range-label"))).isEqualTo(today + " · America/New_York");
        choose(By.id("report-breakdown"), "hour");

        // then: hourly rows and chart, figures in people's words, a totals row
        WebElement table = find(By.id("report-table"));
        assertThat(shownTable("report-table").get(0))
                .contains(
                        "Campaign",
                        "Hour (America/New_York)",
                        "Spend (USD)",
                        "Impressions",
                        "Cost per click (USD)",
                        "Click-through rate");
        assertThat(table.findElement(By.tagName("tbody")).getText()).contains(campaignName, today);
        assertThat(table.findElement(By.cssSelector("tfoot tr.totals")).getText())
                .contains("Total (" + today + ", America/New_York)", "25.00%");
        assertThat(find(By.id("report-chart")).getTagName()).isEqualTo("canvas");
        Map<?, ?> chart =
                (Map<?, ?>)
                        script(
                                """
                                const c = window.sparkReportChart;
                                if (!c) return null;
                                const first = c.data.datasets[0];
                                return {points: c.data.labels.length, datasets: c.data.datasets.length,
                                        label: first.label,
                                        total: first.data.reduce((a, b) => a + b, 0),
                                        drawn: c.getDatasetMeta(0).data.length};
                                """);
        assertThat(chart).as("the chart is drawn").isNotNull();
        assertThat(((Number) chart.get("points")).intValue()).as("one point an hour").isEqualTo(24);
        assertThat(((Number) chart.get("drawn")).intValue()).isEqualTo(24);
        assertThat(((Number) chart.get("datasets")).intValue()).isEqualTo(2);
        screenshot("reporting-by-hour");

        // and: the CSV is the table, RFC 4180
        String href = find(By.id("export-csv")).getAttribute("href");
        String csv = fetch(href).body();
        assertThat(csv).contains("\r\n").doesNotContain("\n\n");
        assertThat(csv).contains("\"Spring \"\"sale\"\", shoes ");
        assertThat(io.sparkads.support.CsvReader.parse(csv)).isEqualTo(shownTable("report-table"));
        assertThat(csv.split("\r\n")[0]).contains("Hour (America/New_York)");
    }

    @Test
    void theSparkPresetComparesTheFaqsSixMetricsOrSaysWhyItCannot() {
        signInAs(username);
        open("/ads/reporting?range=today");

        browser.findElement(By.id("preset-spark")).click();

        assertThat(text(By.tagName("h1"))).isEqualTo("Reporting");
        assertThat(new Select(find(By.id("report-breakdown"))).getFirstSelectedOption().getText())
                .isEqualTo("Spark vs non-Spark");
        List<WebElement> problems = browser.findElements(By.id("report-problem"));
        if (problems.isEmpty()) {
            assertThat(text(By.id("report-table")))
                    .contains(
                            "Spark ads",
                            "View-through rate",
                            "Engagement rate",
                            "Page view rate",
                            "Click-through rate",
                            "Cost per click");
        } else {
            assertThat(problems.get(0).getText())
                    .isEqualTo(
                            "The “Spark vs non-Spark” breakdown isn't available on this server"
                                    + " yet; choose another breakdown.");
        }
        screenshot("reporting-spark-vs-non-spark");
    }

    @Test
    void theCampaignListShowsFiguresWithTotalsAndTheAdPageShowsTheAdsFigures() {
        signInAs(username);
        open("/ads/campaigns");

        WebElement figures = waitForText(By.id("performance-table-campaign"), campaignName);
        assertThat(shownTable("performance-table-campaign").get(0))
                .contains("Spend (USD)", "Impressions", "Clicks", "Click-through rate");
        assertThat(figures.findElement(By.cssSelector("tfoot")).getText()).contains("Total");
        screenshot("campaigns-with-figures");

        // the columns can be chosen: adding conversions
        find(By.cssSelector("#columns-campaign summary")).click();
        WebElement conversions = find(By.cssSelector("#columns-campaign input[value=conversion]"));
        conversions.click();
        waitUntil(d -> shownTable("performance-table-campaign").get(0).contains("Conversions"));

        open("/ads/ads");
        waitForText(By.id("performance-table-ad"), "4");
        find(By.id("ad-" + live.adId())).findElement(By.cssSelector("a.ad-link")).click();
        assertThat(path()).isEqualTo("/ads/ads/" + live.adId());
        assertThat(text(By.id("lifetime"))).contains("Impressions\n4", "Clicks\n1");
        assertThat(text(By.id("report-table"))).contains(LocalDate.now(NEW_YORK).toString());
        waitUntil(d -> script("return !!window.sparkReportChart"));
        screenshot("ad-page");
    }

    @Test
    void badChoicesGetAMessageThatSaysWhatToChangeNeverA500AndAnEmptyRangeSaysWhatToDo() {
        signInAs(username);

        open("/ads/reporting?range=custom&from=2026-11-30&to=2026-11-01");
        assertThat(text(By.id("report-problem")))
                .isEqualTo(
                        "The end date (2026-11-01) is before the start date (2026-11-30); choose"
                                + " an end date on or after the start date.");
        assertThat(find(By.id("report-form")).isDisplayed()).isTrue();
        assertThat(fetch("/ads/reporting?range=custom&from=2026-11-30&to=2026-11-01").status())
                .isEqualTo(400);

        open("/ads/reporting?range=custom&from=2025-01-01&to=2025-01-07");
        assertThat(text(By.id("report-empty")))
                .startsWith(
                        "No impressions yet in this range — ads start counting once they are"
                                + " approved and served.");
        assertThat(browser.findElements(By.id("export-csv"))).isEmpty();

        Answer level = fetch("/ads/reporting?level=galaxy");
        assertThat(level.status()).isEqualTo(400);
        assertThat(level.body()).contains("“galaxy” is not one of them");

        Answer export = fetch("/ads/reporting/export.csv?range=custom&from=2026-11-30&to=x");
        assertThat(export.status()).isEqualTo(400);
        assertThat(export.body()).contains("End date “x” is not a date");

        Answer list =
                fetch(
                        "/ads/reporting/performance?level=campaign&ids=1&range=custom&from=2026-11-30&to=2026-11-01");
        assertThat(list.status()).isEqualTo(400);
        assertThat(list.body()).contains("before the start date");
    }

    /** Chooses an option of a menu that shows the report at once, and waits for the new page. */
    private void choose(By menu, String value) {
        WebElement old = find(menu);
        new Select(old).selectByValue(value);
        awaitNextPage(old);
        waitUntil(ExpectedConditions.presenceOfElementLocated(By.tagName("footer")));
    }

    /** The table's headings, rows and totals as the browser shows them. */
    @SuppressWarnings("unchecked")
    private List<List<String>> shownTable(String id) {
        return (List<List<String>>)
                script(
                        """
                        const t = document.getElementById(arguments[0]);
                        return Array.from(t.querySelectorAll('tr')).map(tr =>
                            Array.from(tr.children).map(c => c.textContent.trim()));
                        """,
                        id);
    }

    private Answer fetch(String url) {
        List<?> pair =
                (List<?>)
                        ((JavascriptExecutor) browser)
                                .executeAsyncScript(
                                        """
                                        const done = arguments[arguments.length - 1];
                                        fetch(arguments[0], {credentials: 'same-origin'})
                                          .then(r => r.text().then(t => done([r.status, t])),
                                                e => done([0, String(e)]));
                                        """,
                                        url);
        return new Answer(((Number) pair.get(0)).intValue(), String.valueOf(pair.get(1)));
    }

    private Object script(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            // The whole page, not only the window: the table is below the chart.
            org.openqa.selenium.Dimension window = browser.manage().window().getSize();
            long height =
                    ((Number) script("return document.documentElement.scrollHeight")).longValue();
            browser.manage()
                    .window()
                    .setSize(
                            new org.openqa.selenium.Dimension(
                                    window.getWidth(), (int) Math.min(4000, height + 140)));
            Files.write(
                    SCREENSHOTS.resolve(name + ".png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            browser.manage().window().setSize(window);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
