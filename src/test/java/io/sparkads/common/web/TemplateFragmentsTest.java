package io.sparkads.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.common.PageInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * The shared fragments in {@code templates/fragments}, rendered on their own: the browser tests
 * rarely see a list long enough for a pager, so its markup is checked here.
 */
class TemplateFragmentsTest {

    private final SpringTemplateEngine engine = engine();

    @Test
    void aMiddlePageLinksToThePagesBeforeAndAfterIt() {
        String html =
                render(
                        "<nav th:replace=\"~{fragments/pager :: pager(${paging}, '/ads?page=1',"
                                + " '/ads?page=3')}\"></nav>",
                        Map.of("paging", new PageInfo(2, 20, 45, 3)));

        assertThat(html)
                .contains("class=\"pager\"", "aria-label=\"Pages\"")
                .contains("<a class=\"newer\" href=\"/ads?page=1\">← Newer</a>")
                .contains("<span>Page 2 of 3</span>")
                .contains("<a class=\"older\" href=\"/ads?page=3\">Older →</a>");
    }

    @Test
    void theFirstAndLastPagesLinkOnlyInward() {
        String first =
                render(
                        "<nav th:replace=\"~{fragments/pager :: pager(${paging}, '/a', '/b')}\"></nav>",
                        Map.of("paging", new PageInfo(1, 20, 45, 3)));
        String last =
                render(
                        "<nav th:replace=\"~{fragments/pager :: pager(${paging}, '/a', '/b')}\"></nav>",
                        Map.of("paging", new PageInfo(3, 20, 45, 3)));

        assertThat(first).doesNotContain("Newer").contains("Older →", "Page 1 of 3");
        assertThat(last).contains("← Newer", "Page 3 of 3").doesNotContain("Older");
    }

    /** A choice as the campaign forms hold it: a record of its key and label. */
    record Option(String key, String label) {}

    /**
     * A choice as the report form holds it: an enum whose key and label are methods (public, as the
     * page's expressions call only public methods).
     */
    enum Cut {
        DAY,
        HOUR;

        public String key() {
            return name().toLowerCase();
        }

        public String label() {
            return "By " + key();
        }
    }

    @Test
    void aDropDownOffersEveryChoiceByItsLabelAndSelectsTheOneChosen() {
        String template =
                "<label th:replace=\"~{fragments/fields :: choice('Gender', 'gender', 'gender',"
                        + " ${choices}, ${selected})}\"></label>";

        String records =
                render(
                        template,
                        Map.of(
                                "choices",
                                List.of(
                                        new Option("GENDER_FEMALE", "Female"),
                                        new Option("GENDER_MALE", "Male")),
                                "selected",
                                "GENDER_MALE"));
        String enums = render(template, Map.of("choices", Cut.values(), "selected", "day"));

        assertThat(records)
                .contains("<span>Gender</span>", "name=\"gender\"", "id=\"gender\"")
                .contains("<option value=\"GENDER_FEMALE\">Female</option>")
                .contains("<option value=\"GENDER_MALE\" selected=\"selected\">Male</option>");
        assertThat(enums)
                .contains("<option value=\"day\" selected=\"selected\">By day</option>")
                .contains("<option value=\"hour\">By hour</option>");
    }

    @Test
    void aListOnOnePageHasNoPager() {
        String html =
                render(
                        "<nav th:replace=\"~{fragments/pager :: pager(${paging}, '/a', '/b')}\"></nav>",
                        Map.of("paging", new PageInfo(1, 20, 3, 1)));

        assertThat(html).doesNotContain("pager").isBlank();
    }

    @Test
    void aQueueNamesItsPagerLinksItsOwnWay() {
        String html =
                render(
                        "<nav th:replace=\"~{fragments/pager :: pager-labelled(${paging}, '/r?page=1',"
                                + " '/r?page=3', '← Previous', 'Next →')}\"></nav>",
                        Map.of("paging", new PageInfo(2, 20, 45, 3)));

        assertThat(html).contains(">← Previous</a>", ">Next →</a>").doesNotContain("Newer");
    }

    @Test
    void anEmptyStateShowsItsMessageOnlyWhenTheListIsEmpty() {
        String template =
                "<div th:replace=\"~{fragments/empty :: empty(${rows.isEmpty()}, 'No campaigns"
                        + " yet.')}\"></div>";

        assertThat(render(template, Map.of("rows", List.of())))
                .contains("<div class=\"empty\">", "<p>No campaigns yet.</p>");
        assertThat(render(template, Map.of("rows", List.of("a campaign")))).isBlank();
    }

    /** What the fields fragments ask of a form's problems, as the campaigns pages' FormErrors. */
    public record Problems(Map<String, String> byField) {
        public boolean has(String field) {
            return byField.containsKey(field);
        }

        public String of(String field) {
            return byField.get(field);
        }

        public boolean isEmpty() {
            return byField.isEmpty();
        }

        public int count() {
            return byField.size();
        }
    }

    @Test
    void aRowEditKeepsWhatWasTypedAndShowsEachProblemBesideItsField() {
        String html =
                render(
                        "<form><label th:replace=\"~{fragments/fields :: edit-name('campaignName',"
                                + " 'c-7-name', ${typed}, ${errors})}\"></label><label"
                                + " th:replace=\"~{fragments/fields :: edit-budget(${mode},"
                                + " 'c-7-budget', '0', ${errors})}\"></label><th:block"
                                + " th:replace=\"~{fragments/fields :: edit-save(${true},"
                                + " ${errors})}\"></th:block></form>",
                        Map.of(
                                "typed",
                                "Spring sale",
                                "mode",
                                "BUDGET_MODE_TOTAL",
                                "errors",
                                new Problems(
                                        Map.of(
                                                "c-7-budget",
                                                "Enter a lifetime budget greater than 0",
                                                "form",
                                                "Not saved"))));

        assertThat(html)
                .contains("name=\"campaignName\"", "class=\"edit-name\"", "value=\"Spring sale\"")
                .contains("<span class=\"small muted\">Lifetime budget</span>", "value=\"0\"")
                .contains("min=\"0.01\"", "step=\"0.01\"", "required")
                .contains(
                        "aria-invalid=\"true\" aria-describedby=\"c-7-budget-error\">",
                        "<p class=\"field-error\" id=\"c-7-budget-error\">Enter a lifetime budget"
                                + " greater than 0</p>")
                .doesNotContain("c-7-name-error")
                .contains("role=\"alert\">Not saved</div>")
                .contains("Save</button>");
    }

    @Test
    void aFormsProblemsAreCountedAboveItAndNothingShowsWhenThereAreNone() {
        String template =
                "<div th:replace=\"~{fragments/fields :: problems(${errors}, 'x-error')}\"></div>";

        assertThat(
                        render(
                                template,
                                Map.of(
                                        "errors",
                                        new Problems(Map.of("a", "A", "form", "Quota reached")))))
                .contains("id=\"x-error\"", "2 things to fix, marked below.", "Quota reached");
        assertThat(render(template, Map.of("errors", new Problems(Map.of("a", "A")))))
                .contains("One thing to fix, marked below.");
        assertThat(render(template, Map.of("errors", new Problems(Map.of()))))
                .doesNotContain("x-error");
    }

    @Test
    void anUnlimitedBudgetHasNothingToEdit() {
        String html =
                render(
                        "<label th:replace=\"~{fragments/fields :: edit-budget(${mode},"
                                + " 'c-7-budget', '', ${errors})}\"></label>",
                        Map.of("mode", "BUDGET_MODE_INFINITE", "errors", new Problems(Map.of())));

        assertThat(html).isBlank();
    }

    @Test
    void aPageHeadShowsItsTrailEyebrowTitleAndLead() {
        String html =
                render(
                        "<th:block th:replace=\"~{fragments/page :: head(${ {{'Tools'}} },"
                                + " 'Creator Center', 'Account links', 'You decide.')}\"></th:block>",
                        Map.of());

        assertThat(html)
                .contains(
                        "<nav class=\"breadcrumb\" aria-label=\"Breadcrumb\">",
                        "<span>Tools</span>")
                .contains("<span aria-current=\"page\">Account links</span>")
                .contains("<header class=\"page-head\">", "<p class=\"eyebrow\">Creator Center</p>")
                .contains("<h1>Account links</h1>", "<p class=\"muted\">You decide.</p>");
    }

    @Test
    void aPageAtTheTopHasNoCrumbsAndAPageWithoutEyebrowShowsNone() {
        String html =
                render(
                        "<th:block th:replace=\"~{fragments/page :: head(null, null, 'Ads', 'Every"
                                + " ad.')}\"></th:block>",
                        Map.of());

        assertThat(html)
                .doesNotContain("breadcrumb", "eyebrow")
                .contains("<h1>Ads</h1>", "<p class=\"muted\">Every ad.</p>");
    }

    @Test
    void aHeadWithMarkupKeepsItsLineAndWhatStandsBesideTheHeading() {
        String html =
                render(
                        "<header th:replace=\"~{fragments/page :: head-with(null, 'Review console',"
                                + " 'Pending ads', ~{::under-heading}, ~{::beside-heading})}\"><p class=\"muted\""
                                + " th:ref=\"under-heading\">Oldest <strong th:text=\"${first}\">x</strong></p><span"
                                + " class=\"count-pill\" th:ref=\"beside-heading\" th:text=\"${count}\">3</span></header>",
                        Map.of("first", "<first>", "count", "2 pending"));

        assertThat(html)
                .contains("<p class=\"eyebrow\">Review console</p>", "<h1>Pending ads</h1>")
                .contains("<p class=\"muted\">Oldest <strong>&lt;first&gt;</strong></p>")
                .contains("<span class=\"count-pill\">2 pending</span>")
                .doesNotContain("th:ref");
    }

    @Test
    void aCaptionAsTitleIsStyledAsOneAndAPlainTitleHasNoClass() {
        String caption =
                render(
                        "<header th:replace=\"~{fragments/page :: head-with(trail=null,"
                                + " eyebrow='Usage ledger', title=${caption}, about=~{},"
                                + " aside=~{}, titleClass='caption')}\"></header>",
                        Map.of("caption", "Morning routine"));
        String plain =
                render(
                        "<th:block th:replace=\"~{fragments/page :: head(null, null, 'Ads',"
                                + " 'Every ad.')}\"></th:block>",
                        Map.of());

        assertThat(caption).contains("<h1 class=\"caption\">Morning routine</h1>");
        assertThat(plain).contains("<h1>Ads</h1>");
    }

    @Test
    void anEndingCellAsksBeforeItSendsAndIsEmptyWhenThereIsNothingToEnd() {
        String template =
                "<table><tr><td th:replace=\"~{fragments/actions :: ending-cell(${shown}, '/links/7/unlink',"
                        + " 'Unlink this account?', 'unlink', 'Unlink')}\"></td></tr></table>";

        assertThat(render(template, Map.of("shown", true)))
                .contains("<td class=\"row-actions\">")
                .contains("action=\"/links/7/unlink\"", "data-confirm=\"Unlink this account?\"")
                .contains(
                        "<button type=\"submit\" class=\"button danger small unlink\">Unlink</button>");
        assertThat(render(template, Map.of("shown", false)))
                .contains("<td class=\"row-actions\">")
                .doesNotContain("<form", "Unlink");
    }

    private String render(String template, Map<String, Object> variables) {
        Context context = new Context();
        context.setVariables(variables);
        return engine.process(template, context).strip();
    }

    private static SpringTemplateEngine engine() {
        ClassLoaderTemplateResolver files = new ClassLoaderTemplateResolver();
        files.setPrefix("templates/");
        files.setSuffix(".html");
        files.setTemplateMode(TemplateMode.HTML);
        files.setCheckExistence(true);
        files.setOrder(1);
        StringTemplateResolver strings = new StringTemplateResolver();
        strings.setTemplateMode(TemplateMode.HTML);
        strings.setOrder(2);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.addTemplateResolver(files);
        engine.addTemplateResolver(strings);
        return engine;
    }
}
