package io.sparkads.authorization;

import java.util.List;

/**
 * How ready a post is to run as a Spark Ad, from its organic traction: a score from 0 to 100 and
 * the reasons in people's words ("2.1× your median views", "engagement 7.4%", "rising this week").
 * See {@link SparkReadiness} for the formula.
 */
public record Recommendation(double score, List<String> reasons) {

    public Recommendation {
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score must be between 0 and 100, was " + score);
        }
        reasons = List.copyOf(reasons);
    }

    /** A post the ad account cannot run now: it ranks last, saying why. */
    static Recommendation unavailable(String reason) {
        return new Recommendation(0, List.of(reason));
    }

    /** The reasons as one line, as the pages show them. */
    public String why() {
        return String.join(", ", reasons);
    }
}
