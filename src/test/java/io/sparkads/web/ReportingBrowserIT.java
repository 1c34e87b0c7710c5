package io.sparkads.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.accounts.Role;
import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

    private ApiFixtures.LiveAd live;
    private String nonSparkAdId;
    private String nonSparkAdgroupId;
    private String campaignName;
    private String username;

    /**
     * A new ad account (New York time) whose campaign's name holds a comma and quotes, with a live
     * Spark ad S and, in another ad group of the campaign, a non-Spark ad N (an uploaded video).
     * Each gets four impressions at CPM 10.00 (0.01 each):
     *
     * <ul>
     *   <li>S: viewers aged 18–24 (a woman), 18–24, 25–34 and one whose age is unknown; two watch
     *       to the end; the first clicks, likes, loads the landing page and converts;
     *   <li>N: viewers of unknown age; one watches to the end, clicks, loads the landing page and
     *       converts, one clicks, shares and loads the landing page.
     * </ul>
     *
     * So S: VTR 50.00%, engagement rate 50.00%, page view rate 25.00%, CVR 25.00%, CTR 25.00%, CPC
     * 0.04; N: 25.00%, 75.00%, 50.00%, 25.00%, 50.00%, 0.02.
     */
    @BeforeAll
    void givenASparkAndANonSparkAdWithTraffic() {
        ApiClient api = new ApiClient(port);
        ApiFixtures fixtures = new ApiFixtures(api);
        live = fixtures.givenLiveAd(Map.of());
        long advertiserId = Long.parseLong(live.advertiser().id());
        campaignName = "Spring \"sale\", shoes " + ApiFixtures.unique().substring(0, 6);
        campaigns.rename(advertiserId, Long.parseLong(live.campaignId()), campaignName);
        nonSparkAdgroupId = fixtures.givenAdGroup(live.advertiser(), live.campaignId(), Map.of());
        nonSparkAdId = fixtures.givenNonSparkAd(live.advertiser(), nonSparkAdgroupId);

        String run = ApiFixtures.unique();
        List<Map<String, Object>> viewers =
                List.of(
                        Map.of("age_group", "AGE_18_24", "gender", "FEMALE"),
                        Map.of("age_group", "AGE_18_24"),
                        Map.of("age_group", "AGE_25_34"),
                        Map.of());
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String viewer = "report-viewer-" + run + "-" + i;
            String impression = fixtures.servedImpression(live.adId(), viewer, viewers.get(i));
            events.addAll(events(run + "-s" + i, viewer, impression, "IMPRESSION"));
            if (i < 2) {
                events.addAll(events(run + "-s" + i, viewer, impression, "VIDEO_P100"));
            }
            if (i == 0) {
                events.addAll(
                        events(
                                run + "-s" + i,
                                viewer,
                                impression,
                                "CLICK LIKE LANDING_PAGE_VIEW CONVERSION"));
            }
        }
        for (int i = 0; i < 4; i++) {
            String viewer = "report-other-viewer-" + run + "-" + i;
            String impression = fixtures.servedImpression(nonSparkAdId, viewer);
            events.addAll(events(run + "-n" + i, viewer, impression, "IMPRESSION"));
            if (i == 0) {
                events.addAll(
                        events(
                                run + "-n" + i,
                                viewer,
                                impression,
                                "VIDEO_P100 CLICK LANDING_PAGE_VIEW CONVERSION"));
            }
            if (i == 1) {
                events.addAll(
                        events(
                                run + "-n" + i,
                                viewer,
                                impression,
                                "CLICK SHARE LANDING_PAGE_VIEW"));
            }
        }
        var accepted = api.platform("POST", "/events", Map.of("events", events));
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
        assertThat(accepted.body().path("accepted").asInt()).isEqualTo(events.size());
        username = "reporter-" + run.substring(0, 10);
        users.create(username, PASSWORD, Role.ADVERTISER, advertiserId, null);
    }

    private static List<Map<String, Object>> events(
            String id, String viewer, String impression, String types) {
        String now = Instant.now().toString();
        List<Map<String, Object>> events = new ArrayList<>();
        for (String type : types.split(" ")) {
            events.add(
                    Map.of(
                            "event_id", id + "-" + type,
                            "type", type,
                            "occurred_at", now,
                            "viewer_id", viewer,
                            "impression_id", impression));
        }
        return events;
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
                .contains("Total (" + today + ", America/New_York)", "37.50%");
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
        keepScreenshot("reporting-by-hour");

        // and: the CSV is the table, RFC 4180
        String href = find(By.id("export-csv")).getAttribute("href");
        String csv = fetch(href).body();
        assertThat(csv).contains("\r\n").doesNotContain("\n\n");
        assertThat(csv).contains("\"Spring \"\"sale\"\", shoes ");
        assertThat(io.sparkads.support.CsvReader.parse(csv)).isEqualTo(shownTable("report-table"));
        assertThat(csv.split("\r\n")[0]).contains("Hour (America/New_York)");
    }

    @Test
    void theSparkPresetShowsSparkAndNonSparkAdsSideBySideOnTheFaqsSixMetrics() {
        // given
        signInAs(username);
        open("/ads/reporting?range=today");

        // when
        browser.findElement(By.id("preset-spark")).click();

        // then
        assertThat(new Select(find(By.id("report-breakdown"))).getFirstSelectedOption().getText())
                .isEqualTo("Spark vs non-Spark");
        assertThat(browser.findElements(By.id("report-problem"))).isEmpty();
        String today = LocalDate.now(NEW_YORK).toString();
        List<List<String>> table = shownTable("report-table");
        assertThat(table)
                .containsExactly(
                        List.of(
                                "Ad format",
                                "View-through rate",
                                "Engagement rate",
                                "Page view rate",
                                "Conversion rate",
                                "Click-through rate",
                                "Cost per click (USD)"),
                        List.of(
                                "Spark ads",
                                "50.00%",
                                "50.00%",
                                "25.00%",
                                "25.00%",
                                "25.00%",
                                "0.04"),
                        List.of(
                                "Non-Spark ads",
                                "25.00%",
                                "75.00%",
                                "50.00%",
                                "25.00%",
                                "50.00%",
                                "0.02"),
                        List.of(
                                "Total (" + today + ", America/New_York)",
                                "37.50%",
                                "62.50%",
                                "37.50%",
                                "25.00%",
                                "37.50%",
                                "0.03"));
        waitUntil(d -> script("return !!window.sparkReportChart"));
        keepScreenshot("reporting-spark-vs-non-spark");

        // and: the CSV is the table
        String csv = fetch(find(By.id("export-csv")).getAttribute("href")).body();
        assertThat(io.sparkads.support.CsvReader.parse(csv)).isEqualTo(table);
    }

    /**
     * A Spark ad P that leads to the creator's profile page (Profile Landing Page) beside a Spark
     * ad W of the same ad group that leads to a website: P has two impressions, a click and the
     * viewer's visit to the profile through the platform API; W four impressions and a click.
     */
    @Test
    void theSparkComparisonShowsProfileLandingPageAdsBesideWebsiteAdsWithCtrAndCpc() {
        // given
        ApiClient api = new ApiClient(port);
        ApiFixtures fixtures = new ApiFixtures(api);
        ApiFixtures.LiveAd website = fixtures.givenLiveAd(Map.of());
        ApiFixtures.CreatorPost post = fixtures.givenPublicPost();
        fixtures.givenBound(website.advertiser(), post);
        String profileAd =
                api.businessPost(
                                website.advertiser().token(),
                                "/ad/create/",
                                Map.of(
                                        "advertiser_id",
                                        website.advertiser().id(),
                                        "adgroup_id",
                                        website.adgroupId(),
                                        "creatives",
                                        List.of(
                                                Map.of(
                                                        "ad_name",
                                                        "To the profile",
                                                        "identity_type",
                                                        "AUTH_CODE",
                                                        "identity_id",
                                                        post.accountId(),
                                                        "tiktok_item_id",
                                                        post.itemId(),
                                                        "call_to_action",
                                                        "VIEW_PROFILE",
                                                        "tiktok_page_category",
                                                        "PROFILE_PAGE"))))
                        .data()
                        .path("ad_ids")
                        .get(0)
                        .asString();
        ApiFixtures.madeIn(profileAd, website.adgroupId());
        fixtures.approve(profileAd);
        String run = ApiFixtures.unique();
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String viewer = "plp-viewer-" + run + "-" + i;
            String impression = fixtures.servedImpression(profileAd, viewer);
            events.addAll(
                    events(
                            run + "-p" + i,
                            viewer,
                            impression,
                            i == 0 ? "IMPRESSION CLICK" : "IMPRESSION"));
            if (i == 0) {
                var visit =
                        api.platform(
                                "GET",
                                "/profiles/"
                                        + post.accountId()
                                        + "?viewer_id="
                                        + viewer
                                        + "&impression_id="
                                        + URLEncoder.encode(impression, StandardCharsets.UTF_8),
                                null);
                assertThat(visit.status()).as(visit.raw()).isEqualTo(200);
            }
        }
        for (int i = 0; i < 4; i++) {
            String viewer = "plp-site-viewer-" + run + "-" + i;
            String impression = fixtures.servedImpression(website.adId(), viewer);
            events.addAll(
                    events(
                            run + "-w" + i,
                            viewer,
                            impression,
                            i == 0 ? "IMPRESSION CLICK" : "IMPRESSION"));
        }
        var accepted = api.platform("POST", "/events", Map.of("events", events));
        assertThat(accepted.body().path("accepted").asInt())
                .as(accepted.raw())
                .isEqualTo(events.size());
        String user = "plp-" + run.substring(0, 10);
        users.create(
                user, PASSWORD, Role.ADVERTISER, Long.parseLong(website.advertiser().id()), null);
        signInAs(user);

        // when
        open("/ads/reporting?range=today&level=account&breakdown=spark");

        // then
        assertThat(shownTable("destination-table"))
                .containsExactly(
                        List.of(
                                "Ad format",
                                "Destination",
                                "Impressions",
                                "Clicks",
                                "Click-through rate",
                                "Cost per click (USD)",
                                "Profile visits"),
                        List.of("Spark ads", "Profile page", "2", "1", "50.00%", "0.02", "1"),
                        List.of("Spark ads", "Website", "4", "1", "25.00%", "0.04", "0"),
                        List.of("Non-Spark ads", "Website", "0", "0", "0.00%", "0.00", "0"));
        keepScreenshot("reporting-spark-by-destination");
    }

    @Test
    void anAgeBreakdownNamesAgeGroupsInWordsCountsUnknownAgesAndLeavesReachOutWithAReason() {
        // given
        signInAs(username);

        // when
        open(
                "/ads/reporting?level=account&range=today&breakdown=age"
                        + "&metrics=impressions&metrics=reach&metrics=clicks&metrics=ctr");

        // then: the two ads' eight impressions by the age their ad requests gave
        assertThat(browser.findElements(By.id("report-problem"))).isEmpty();
        String today = LocalDate.now(NEW_YORK).toString();
        List<List<String>> table = shownTable("report-table");
        assertThat(table)
                .containsExactly(
                        List.of("Age", "Impressions", "Clicks", "Click-through rate"),
                        List.of("18–24", "2", "1", "50.00%"),
                        List.of("25–34", "1", "0", "0.00%"),
                        List.of("Unknown", "5", "2", "40.00%"),
                        List.of("Total (" + today + ", America/New_York)", "8", "3", "37.50%"));
        assertThat(text(By.id("report-left-out")))
                .isEqualTo(
                        "Reach is left out of this breakdown: a viewer is counted once per ad, not"
                                + " once per age. Choose another breakdown to see it.");
        assertThat(browser.findElement(By.id("metric-reach")).isSelected())
                .as("the choice is kept for other breakdowns")
                .isTrue();
        keepScreenshot("reporting-by-age");

        // and: the CSV is the table
        String csv = fetch(find(By.id("export-csv")).getAttribute("href")).body();
        assertThat(io.sparkads.support.CsvReader.parse(csv)).isEqualTo(table);
    }

    @Test
    void everyBreakdownWorksAtEveryLevelWithEveryFilterAndEveryListColumn() {
        // given
        signInAs(username);
        open("/ads/reporting");
        String metrics =
                "&metrics=spend&metrics=impressions&metrics=reach&metrics=frequency&metrics=clicks"
                        + "&metrics=ctr&metrics=cpc&metrics=cpm&metrics=view_through_rate"
                        + "&metrics=engagement_rate&metrics=page_view_rate"
                        + "&metrics=conversion_rate_v2&metrics=conversion"
                        + "&metrics=cost_per_conversion";
        Map<String, String> filters =
                Map.of(
                        "",
                        "8",
                        "&campaign=" + live.campaignId(),
                        "8",
                        "&adgroup=" + live.adgroupId(),
                        "4",
                        "&ad=" + nonSparkAdId,
                        "4");
        List<String> urls = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (String level : List.of("account", "campaign", "adgroup", "ad")) {
            for (String breakdown :
                    List.of(
                            "none",
                            "day",
                            "hour",
                            "spark",
                            "age",
                            "gender",
                            "country",
                            "placement")) {
                filters.forEach(
                        (filter, impressions) -> {
                            urls.add(
                                    "/ads/reporting?range=today&level="
                                            + level
                                            + "&breakdown="
                                            + breakdown
                                            + filter
                                            + metrics);
                            expected.add(impressions);
                        });
            }
        }

        // when
        List<List<String>> answers = reports(urls);

        // then: a table with the filter's total impressions, values in words, never a refusal
        assertThat(answers).hasSize(urls.size());
        for (int i = 0; i < urls.size(); i++) {
            List<String> answer = answers.get(i);
            String url = urls.get(i);
            assertThat(answer.get(0)).as(url).isEqualTo("200");
            assertThat(answer.get(1)).as(url).isEmpty();
            assertThat(answer.get(2)).as("total impressions of " + url).isEqualTo(expected.get(i));
            String body = answer.get(3);
            assertThat(body).as(url).doesNotContain("IN_FEED", "AGE_", "FEMALE", "NONE");
            if (url.contains("breakdown=placement")) {
                assertThat(body).as(url).contains("In-Feed");
            }
            if (url.contains("breakdown=gender") && expected.get(i).equals("8")) {
                assertThat(body).as(url).contains("Female", "Unknown");
            }
        }
    }

    @Test
    void theListsShowFiguresAsTheirOwnColumnsWithTotalsForChosenDatesAndColumns() {
        // given
        signInAs(username);

        // when
        open("/ads/campaigns");

        // then: the campaign's row holds its figures, under the list's own headings
        String row = "#campaign-" + live.campaignId();
        waitUntil(d -> !cells(row + " td.figure").isEmpty());
        assertThat(cells("#campaigns thead th.figure"))
                .containsExactly(
                        "Spend (USD)", "Impressions", "Clicks", "CTR", "CPC (USD)", "CPM (USD)");
        assertThat(cells(row + " td.figure"))
                .containsExactly("0.08", "8", "3", "37.50%", "0.03", "10.00");
        List<String> totals = cells("#campaigns tfoot tr.totals > *");
        assertThat(totals.get(0)).startsWith("Total (").endsWith(", America/New_York)");
        assertThat(totals.subList(1, 7))
                .containsExactly("0.08", "8", "3", "37.50%", "0.03", "10.00");
        assertThat(text(By.cssSelector("#performance-campaign .performance-dates")))
                .endsWith("· America/New_York");
        keepScreenshot("campaigns-with-figures");

        // when: conversions are added to the columns
        find(By.cssSelector("#columns-campaign summary")).click();
        find(By.cssSelector("#columns-campaign input[value=conversion]")).click();

        // then
        waitUntil(d -> cells("#campaigns thead th.figure").contains("Conversions"));
        waitUntil(d -> cells(row + " td.figure").size() == 7);
        assertThat(cells(row + " td.figure")).contains("2");

        // when: yesterday, when nothing was served
        new Select(find(By.id("performance-range-campaign"))).selectByValue("yesterday");

        // then
        waitForText(By.cssSelector("#performance-campaign"), "No impressions yet in this range");
        assertThat(cells(row + " td.figure")).contains("0", "0.00%").doesNotContain("8");

        // and: the ads list shows each ad's own figures; the ad page its lifetime
        open("/ads/ads");
        new Select(find(By.id("performance-range-ad"))).selectByValue("today");
        waitUntil(d -> cells("#ad-" + nonSparkAdId + " td.figure").contains("0.02"));
        assertThat(cells("#ad-" + live.adId() + " td.figure")).contains("0.04", "4", "1");
        keepScreenshot("ads-with-figures");
        find(By.id("ad-" + live.adId())).findElement(By.cssSelector("a.ad-link")).click();
        assertThat(path()).isEqualTo("/ads/ads/" + live.adId());
        assertThat(text(By.id("lifetime"))).contains("Impressions\n4", "Clicks\n1");
        assertThat(text(By.id("report-table"))).contains(LocalDate.now(NEW_YORK).toString());
        waitUntil(d -> script("return !!window.sparkReportChart"));
        keepScreenshot("ad-page");
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

    /** The text of each element the selector finds, as the browser shows it. */
    @SuppressWarnings("unchecked")
    private List<String> cells(String selector) {
        return (List<String>)
                script(
                        "return Array.from(document.querySelectorAll(arguments[0]))"
                                + ".map(c => c.textContent.trim());",
                        selector);
    }

    /**
     * Each page's status, problem (empty when none), the totals row's impressions and the table's
     * text, fetched by the signed-in browser one after another.
     */
    @SuppressWarnings("unchecked")
    private List<List<String>> reports(List<String> urls) {
        browser.manage().timeouts().scriptTimeout(java.time.Duration.ofMinutes(3));
        return (List<List<String>>)
                ((JavascriptExecutor) browser)
                        .executeAsyncScript(
                                """
                                const done = arguments[arguments.length - 1];
                                const urls = arguments[0];
                                (async () => {
                                  const out = [];
                                  for (const url of urls) {
                                    const r = await fetch(url, {credentials: 'same-origin'});
                                    const page = new DOMParser().parseFromString(await r.text(), 'text/html');
                                    const problem = page.getElementById('report-problem');
                                    const table = page.getElementById('report-table');
                                    let impressions = '';
                                    if (table) {
                                      const heads = Array.from(table.querySelectorAll('thead th'))
                                          .map(th => th.textContent.trim());
                                      const at = heads.indexOf('Impressions');
                                      const totals = table.querySelector('tfoot tr');
                                      impressions = totals && at >= 0 ? totals.children[at].textContent.trim() : '';
                                    }
                                    out.push([String(r.status), problem ? problem.textContent.trim() : '',
                                              impressions, table ? table.textContent : '']);
                                  }
                                  return out;
                                })().then(done, e => done([[String(e), '', '', '']]));
                                """,
                                urls);
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
}
