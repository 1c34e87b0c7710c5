package io.sparkads.content;

import java.util.Locale;
import java.util.Optional;

/**
 * What TikTok accepts for a video ad, as its ad specs state them (Ads Manager help, 2023–2026):
 *
 * <ul>
 *   <li><b>In-Feed</b> (every upload is checked against this): MP4 or MOV with an H.264
 *       (recommended) or H.265 video track; 5 seconds to 10 minutes; an aspect ratio of 9:16, 1:1
 *       or 16:9 with at least 540×960, 640×640 or 960×540 pixels respectively; at most 500 MB.
 *   <li><b>TopView</b> (checked when an ad with the video is made in a TopView ad group): 9:16
 *       only, 5 to 60 seconds, at least 540×960.
 * </ul>
 *
 * A ratio counts as matched within 2 %, so 1080×1920, 720×1280 and encoder-rounded sizes such as
 * 544×960 pass, while 3:4 or 4:5 do not.
 */
public final class VideoSpecs {
    public static final int MIN_DURATION_MS = 5_000;
    public static final int MAX_IN_FEED_DURATION_MS = 10 * 60_000;
    public static final int MAX_TOPVIEW_DURATION_MS = 60_000;

    /** The aspect ratios TikTok takes, each with its smallest size. */
    public enum Ratio {
        VERTICAL("9:16", 540, 960),
        SQUARE("1:1", 640, 640),
        HORIZONTAL("16:9", 960, 540);

        private final String label;
        private final int minWidth;
        private final int minHeight;

        Ratio(String label, int minWidth, int minHeight) {
            this.label = label;
            this.minWidth = minWidth;
            this.minHeight = minHeight;
        }

        public String label() {
            return label;
        }

        boolean matches(int width, int height) {
            double wanted = (double) minWidth / minHeight;
            return Math.abs((double) width / height - wanted) / wanted <= 0.02;
        }

        static Optional<Ratio> of(int width, int height) {
            for (Ratio ratio : values()) {
                if (ratio.matches(width, height)) {
                    return Optional.of(ratio);
                }
            }
            return Optional.empty();
        }
    }

    private VideoSpecs() {}

    /**
     * Why a video cannot run as an In-Feed ad, in words that say what to change; empty if it can.
     */
    public static Optional<String> inFeedProblem(int durationMs, int width, int height) {
        Optional<String> duration =
                durationProblem(durationMs, MAX_IN_FEED_DURATION_MS, "10 minutes", "In-Feed");
        if (duration.isPresent()) {
            return duration;
        }
        Optional<Ratio> ratio = Ratio.of(width, height);
        if (ratio.isEmpty()) {
            return Optional.of(
                    "the video is "
                            + width
                            + "×"
                            + height
                            + "; TikTok takes an aspect ratio of 9:16 (vertical, recommended), 1:1 or 16:9: crop or pad it");
        }
        return sizeProblem(ratio.get(), width, height);
    }

    /** Why a video cannot run as a TopView ad; empty if it can. */
    public static Optional<String> topViewProblem(int durationMs, int width, int height) {
        Optional<String> duration =
                durationProblem(durationMs, MAX_TOPVIEW_DURATION_MS, "60 seconds", "TopView");
        if (duration.isPresent()) {
            return duration;
        }
        if (!Ratio.VERTICAL.matches(width, height)) {
            return Optional.of(
                    "the video is "
                            + width
                            + "×"
                            + height
                            + "; a TopView ad needs a vertical 9:16 video (e.g. 1080×1920)");
        }
        return sizeProblem(Ratio.VERTICAL, width, height);
    }

    private static Optional<String> durationProblem(
            int durationMs, int maxMs, String maxLabel, String placement) {
        if (durationMs < MIN_DURATION_MS || durationMs > maxMs) {
            return Optional.of(
                    "the video lasts "
                            + seconds(durationMs)
                            + " s; "
                            + placement
                            + " videos last 5 seconds to "
                            + maxLabel);
        }
        return Optional.empty();
    }

    private static Optional<String> sizeProblem(Ratio ratio, int width, int height) {
        if (width < ratio.minWidth * 0.98 || height < ratio.minHeight * 0.98) {
            return Optional.of(
                    "the video is "
                            + width
                            + "×"
                            + height
                            + "; a "
                            + ratio.label
                            + " video needs at least "
                            + ratio.minWidth
                            + "×"
                            + ratio.minHeight
                            + " pixels");
        }
        return Optional.empty();
    }

    private static String seconds(int millis) {
        return millis % 1000 == 0
                ? String.valueOf(millis / 1000)
                : String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }
}
