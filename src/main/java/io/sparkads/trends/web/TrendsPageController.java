package io.sparkads.trends.web;

import io.sparkads.common.web.WebPage;
import io.sparkads.trends.DateRange;
import io.sparkads.trends.TrendBoards;
import io.sparkads.trends.TrendKind;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Ads Manager › Tools › Trend Discovery: a board per kind (hashtags, sounds, creators, posts), by
 * region and window, each row with its rank change and trend line; and a trend's detail with its
 * daily chart, top posts and creators and the audience of its organic viewers.
 */
@WebPage
record TrendsPageController(TrendBoards boards) {
    static final String PATH = "/ads/tools/trends";

    /** A choice on the page: the value sent, and what people read. */
    record Choice(String value, String label) {}

    static final List<Choice> KINDS =
            List.of(
                    new Choice("HASHTAG", "Hashtags"),
                    new Choice("SOUND", "Sounds"),
                    new Choice("CREATOR", "Creators"),
                    new Choice("POST", "Posts"));

    static final List<Choice> RANGES =
            List.of(
                    new Choice("1DAY", "Today"),
                    new Choice("7DAY", "Last 7 days"),
                    new Choice("30DAY", "Last 30 days"),
                    new Choice("120DAY", "Last 120 days"));

    /** A row as the page draws it: its trend line as comma-separated values for trends.js. */
    record Line(TrendBoards.Row row, String dates, String views, String ranks) {
        static Line of(TrendBoards.Row row) {
            return new Line(
                    row,
                    row.history().stream()
                            .map(d -> d.date().toString())
                            .collect(Collectors.joining(",")),
                    row.history().stream()
                            .map(d -> String.valueOf(d.views()))
                            .collect(Collectors.joining(",")),
                    row.history().stream()
                            .map(d -> d.rank() == null ? "" : String.valueOf(d.rank()))
                            .collect(Collectors.joining(",")));
        }
    }

    @GetMapping(PATH)
    String board(
            @RequestParam(name = "type", required = false) String type,
            @RequestParam(name = "range", required = false) String range,
            @RequestParam(name = "region", required = false) String region,
            Model model) {
        TrendKind kind = TrendKind.fromWire(type);
        DateRange dates = DateRange.fromWire(range);
        TrendBoards.Board board = boards.board(kind, region, dates, TrendBoards.MAX_ROWS);
        model.addAttribute("board", board);
        model.addAttribute("lines", board.rows().stream().map(Line::of).toList());
        choices(model, kind, dates, board.region());
        return "trends/board";
    }

    @GetMapping(PATH + "/detail")
    String detail(
            @RequestParam(name = "type", required = false) String type,
            @RequestParam(name = "key") String key,
            @RequestParam(name = "range", required = false) String range,
            @RequestParam(name = "region", required = false) String region,
            Model model) {
        TrendKind kind = TrendKind.fromWire(type);
        DateRange dates = DateRange.fromWire(range);
        TrendBoards.Detail detail = boards.detail(kind, key, region, dates);
        model.addAttribute("detail", detail);
        model.addAttribute("board", detail.board());
        model.addAttribute("line", Line.of(detail.trend()));
        model.addAttribute(
                "countries",
                detail.audience().regions().keySet().stream()
                        .collect(Collectors.toMap(c -> c, TrendsPageController::country)));
        choices(model, kind, dates, detail.board().region());
        return "trends/detail";
    }

    private void choices(Model model, TrendKind kind, DateRange range, String region) {
        model.addAttribute("kinds", KINDS);
        model.addAttribute("ranges", RANGES);
        model.addAttribute(
                "regions", boards.regions().stream().map(r -> new Choice(r, country(r))).toList());
        model.addAttribute("selectedKind", kind.name());
        model.addAttribute(
                "kindLabel",
                KINDS.stream()
                        .filter(c -> c.value().equals(kind.name()))
                        .findFirst()
                        .orElseThrow());
        model.addAttribute("selectedRange", range.wireName());
        model.addAttribute("selectedRegion", region);
        model.addAttribute(
                "rangeLabel",
                RANGES.stream()
                        .filter(c -> c.value().equals(range.wireName()))
                        .findFirst()
                        .orElseThrow()
                        .label());
        model.addAttribute(
                "regionLabel",
                region.equals(TrendBoards.ALL_REGIONS) ? "All regions" : country(region));
    }

    /** A country's name in English; a code no country has (a test region) as it is. */
    static String country(String code) {
        if (code == null || code.equals("NONE")) {
            return "Not known";
        }
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() ? code : name;
    }
}
