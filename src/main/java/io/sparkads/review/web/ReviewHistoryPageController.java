package io.sparkads.review.web;

import io.sparkads.common.PageInfo;
import io.sparkads.common.PageRequest;
import io.sparkads.common.Refusal;
import io.sparkads.common.web.WebPage;
import io.sparkads.review.Review;
import io.sparkads.review.ReviewDecision;
import io.sparkads.review.ReviewHistory;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The history of review decisions, newest first: who decided, when, what and why, for which ad,
 * filtered by decision, reviewer, ad or ad account name and days, with pages that keep the filters.
 */
@WebPage
@RequestMapping("/review/history")
record ReviewHistoryPageController(ReviewHistory history) {
    private static final int PAGE_SIZE = 25;

    /** A reviewer the filter offers: the stored value and the name people read. */
    record ReviewerChoice(String value, String name) {}

    @GetMapping
    String history(
            @RequestParam(defaultValue = "") String decision,
            @RequestParam(defaultValue = "") String reviewer,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to,
            @RequestParam(defaultValue = "1") String page,
            Model model,
            HttpServletResponse response) {
        Map<String, String> filters =
                Map.of("decision", decision, "reviewer", reviewer, "q", q, "from", from, "to", to);
        model.addAllAttributes(filters);
        model.addAttribute("decisions", List.of(Review.Status.APPROVED, Review.Status.REJECTED));
        model.addAttribute(
                "reviewers",
                history.reviewers().stream()
                        .map(r -> new ReviewerChoice(r, ReviewDecision.reviewerName(r)))
                        .toList());
        model.addAttribute("filtered", filters.values().stream().anyMatch(v -> !v.isBlank()));
        // Every problem at once, each beside its field; the filters stay as typed.
        Map<String, String> errors = new LinkedHashMap<>();
        Review.Status status = parsed("decision", () -> decision(decision), errors);
        LocalDate first = parsed("from", () -> day(from), errors);
        LocalDate last = parsed("to", () -> day(to), errors);
        Integer pageNumber = parsed("page", () -> pageNumber(page), errors);
        if (q.strip().length() > ReviewHistory.MAX_TEXT) {
            errors.put("q", "Search at most " + ReviewHistory.MAX_TEXT + " characters");
        }
        if (first != null && last != null && first.isAfter(last)) {
            errors.put("to", "The last day must be on or after the first day");
        }
        model.addAttribute("errors", errors);
        List<ReviewDecision> rows = List.of();
        PageRequest request = new PageRequest(1, PAGE_SIZE);
        long total = 0;
        if (errors.isEmpty()) {
            ReviewHistory.Filter filter =
                    new ReviewHistory.Filter(status, reviewer, q, first, last);
            request = new PageRequest(pageNumber, PAGE_SIZE);
            rows = history.find(filter, request);
            total = history.count(filter);
        } else {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        PageInfo paging = PageInfo.of(request, total);
        model.addAttribute("rows", rows);
        model.addAttribute("paging", paging);
        model.addAttribute("newer", address(filters, paging.page() - 1));
        model.addAttribute("older", address(filters, paging.page() + 1));
        return "review/history";
    }

    /** This page's address with the same filters, on another page of the list. */
    private static String address(Map<String, String> filters, int page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/review/history");
        for (String name : List.of("decision", "reviewer", "q", "from", "to")) {
            if (!filters.get(name).isBlank()) {
                uri.queryParam(name, filters.get(name));
            }
        }
        return uri.queryParam("page", page).encode().build().toUriString();
    }

    private static Review.Status decision(String raw) {
        if (raw.isBlank()) {
            return null;
        }
        return switch (raw.strip()) {
            case "APPROVED" -> Review.Status.APPROVED;
            case "REJECTED" -> Review.Status.REJECTED;
            default -> throw Refusal.invalid("Choose Approved, Rejected or any decision");
        };
    }

    /** The parsed value, or null with the refusal's message kept as the field's error. */
    private static <T> T parsed(String field, Supplier<T> parse, Map<String, String> errors) {
        try {
            return parse.get();
        } catch (Refusal refusal) {
            errors.put(field, refusal.getMessage());
            return null;
        }
    }

    private static LocalDate day(String raw) {
        if (raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("Write the day as YYYY-MM-DD, e.g. 2026-11-26");
        }
    }

    private static int pageNumber(String raw) {
        try {
            int page = Integer.parseInt(raw.strip());
            if (page >= 1) {
                return page;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Refusal.invalid("Page must be a whole number, 1 or more");
    }
}
