package io.sparkads.reporting.web;

/**
 * The dates a page was asked for, as the browser sends them: a range's key ({@code last7}, {@code
 * custom}…) and, for a custom range, its first and last day. Bound from the address like {@link
 * ReportForm}.
 */
record DateChoice(String range, String from, String to) {

    /** The range's key, or {@code fallback} when none was chosen. */
    String rangeOr(String fallback) {
        return range == null || range.isBlank() ? fallback : range;
    }
}
