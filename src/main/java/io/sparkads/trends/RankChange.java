package io.sparkads.trends;

/**
 * A row's move against the previous window of the same length: positive when it climbed ({@code
 * rank_change} 3 is ▲3), negative when it fell, and new when it was not in the previous window's
 * top {@value #TOP}.
 */
public record RankChange(Integer places, boolean isNew) {
    public static final int TOP = 100;

    public static RankChange of(int rank, Integer previousRank) {
        if (previousRank == null || previousRank > TOP) {
            return new RankChange(null, true);
        }
        return new RankChange(previousRank - rank, false);
    }
}
