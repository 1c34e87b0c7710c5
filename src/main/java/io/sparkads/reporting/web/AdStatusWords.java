package io.sparkads.reporting.web;

import io.sparkads.common.web.PageLabels;

/**
 * An ad's {@code secondary_status} in the advertiser's words. The words live in {@link PageLabels},
 * the one place that names codes; pages call {@code ${@labels.of(status)}} directly, and this stays
 * only for callers not yet moved to it.
 */
final class AdStatusWords {
    private static final PageLabels LABELS = new PageLabels();

    private AdStatusWords() {}

    /** The advertiser's words for the status. */
    static String forAdvertiser(String status) {
        return LABELS.of(status);
    }
}
