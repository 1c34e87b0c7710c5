package io.sparkads.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.content.PostEngagement.Counter;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The content module alone: a batch's engagement lands on the post's own counters, each counter in
 * its column, organic and paid apart.
 */
@ApplicationModuleTest
@ActiveProfiles("it")
class PostCountersModuleTests {
    @Autowired AppAccounts accounts;
    @Autowired Posts posts;
    @Autowired JdbcClient jdbc;

    @Test
    void givenABatchOfEveryCounterWhenAddedThenEachCountLandsInItsOwnOrganicOrPaidColumn() {
        Post post = givenAPublicPost();
        Post other = givenAPublicPost();
        PostEngagement batch = new PostEngagement();
        // n of the n-th counter, organic; 10 × n paid: a count in the wrong column shows
        Counter[] counters = Counter.values();
        for (int n = 1; n <= counters.length; n++) {
            for (int i = 0; i < n; i++) {
                batch.organic(post.itemId(), counters[n - 1], java.time.Instant.now());
            }
            for (int i = 0; i < 10 * n; i++) {
                batch.paid(post.itemId(), counters[n - 1]);
            }
        }
        batch.paid(other.itemId(), Counter.LIKES);

        posts.add(batch);

        Post counted = posts.get(post.itemId());
        assertThat(counted.organic()).isEqualTo(new Post.OrganicCounters(1, 2, 3, 4, 5, 6));
        assertThat(counted.paid()).isEqualTo(new Post.PaidCounters(10, 20, 30, 40, 50, 60));
        assertThat(posts.get(other.itemId()).paid())
                .isEqualTo(new Post.PaidCounters(0, 1, 0, 0, 0, 0));
        assertThat(posts.get(other.itemId()).organic())
                .isEqualTo(new Post.OrganicCounters(0, 0, 0, 0, 0, 0));
        assertThat(
                        jdbc.sql(
                                        "select organic_completions || '/' || paid_completions from posts where id = ?")
                                .param(post.itemId())
                                .query(String.class)
                                .single())
                .as("completions, the seventh counter")
                .isEqualTo("7/70");
        assertThat(
                        jdbc.sql(
                                        "select views || '/' || completions from post_organic_days where item_id = ?")
                                .param(post.itemId())
                                .query(String.class)
                                .single())
                .as("organic views and completions of the day")
                .isEqualTo("1/7");
    }

    @Test
    void theCompletionRateCountsOnlyPlaysOfDaysWhoseCompletionsWereCounted() {
        // given a post with plays on a day before completions were counted (null) and on two after
        Post post = givenAPublicPost();
        java.time.LocalDate today = java.time.LocalDate.of(2026, 12, 2);
        java.time.Instant noon = today.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC);
        PostEngagement batch = new PostEngagement();
        for (int i = 0; i < 50; i++) {
            batch.organic(post.itemId(), Counter.VIEWS, noon.minus(java.time.Duration.ofDays(20)));
        }
        for (int i = 0; i < 10; i++) {
            batch.organic(post.itemId(), Counter.VIEWS, noon.minus(java.time.Duration.ofDays(3)));
            batch.organic(post.itemId(), Counter.VIEWS, noon);
        }
        for (int i = 0; i < 15; i++) {
            batch.organic(post.itemId(), Counter.COMPLETIONS, noon);
        }
        posts.add(batch);
        jdbc.sql("update post_organic_days set completions = null where item_id = ? and day = ?")
                .params(post.itemId(), java.sql.Date.valueOf(today.minusDays(20)))
                .update();

        // when
        Posts.RecentViews recent =
                posts.recentViews(List.of(post.itemId()), today).get(post.itemId());

        // then: 15 of the 20 measured plays watched to the end; the 50 earlier plays left out
        assertThat(recent).isEqualTo(new Posts.RecentViews(20, 0, 20, 15));
    }

    private Post givenAPublicPost() {
        String handle = "c" + UUID.randomUUID().toString().substring(0, 8);
        AppAccount creator =
                accounts.create(handle, "Creator", AppAccount.AccountType.CREATOR, "US", null);
        return posts.create(
                new Posts.NewPost(
                        creator.id(),
                        "counted",
                        List.of(),
                        null,
                        15_000,
                        null,
                        Post.Visibility.PUBLIC));
    }
}
