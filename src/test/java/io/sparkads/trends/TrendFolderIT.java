package io.sparkads.trends;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.content.AppAccount;
import io.sparkads.content.AppAccounts;
import io.sparkads.content.Post;
import io.sparkads.content.Posts;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.Concurrently;
import io.sparkads.support.TrendsCaughtUp;
import io.sparkads.tracking.EventIntake;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Trend Discovery and the posts' organic counters count organic events after intake, from one
 * queue: exactly once, however many folders run while batches arrive.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class TrendFolderIT {
    @Autowired EventIntake intake;
    @Autowired TrendFolder folder;
    @Autowired AppAccounts accounts;
    @Autowired Posts posts;
    @Autowired JdbcClient jdbc;

    @Test
    void eachEventIsCountedOnceInTrendsAndOnItsPostWhileSeveralFoldersRunAsBatchesArrive()
            throws Exception {
        // Given a post with a hashtag no other test uses
        String tag = "fold" + ApiFixtures.unique().substring(0, 8);
        Post post = post(tag);
        // When 4 clients send 10 batches of 25 views each while 3 more folders run beside the
        // scheduled one (as on 4 servers)
        Concurrently.run(
                7,
                thread -> {
                    for (int round = 0; round < 10; round++) {
                        if (thread < 4) {
                            assertThat(intake.accept(views(post, 25)).accepted()).isEqualTo(25);
                        } else {
                            folder.foldRun();
                        }
                    }
                });
        TrendsCaughtUp.await(jdbc);
        // Then every view is on the post's and the hashtag's trend once, in the creator's region
        // and in ALL
        assertThat(views("POST", String.valueOf(post.itemId()), "ALL")).isEqualTo(1000);
        assertThat(views("HASHTAG", tag, "ALL")).isEqualTo(1000);
        assertThat(views("HASHTAG", tag, "SE")).isEqualTo(1000);
        assertThat(
                        jdbc.sql(
                                        "select views from trend_window where kind = 'HASHTAG' and key = ? and region = 'ALL' and days = 7")
                                .param(tag)
                                .query(Long.class)
                                .single())
                .isEqualTo(1000);
        // and on the post's own organic counters and its day, once
        assertThat(posts.get(post.itemId()).organic().views()).isEqualTo(1000);
        assertThat(
                        jdbc.sql("select sum(views) from post_organic_days where item_id = ?")
                                .param(post.itemId())
                                .query(Long.class)
                                .single())
                .isEqualTo(1000);
    }

    @Test
    void aRowQueuedByTheVersionThatCountedPostsInTheRequestCountsInTrendsButNotAgainOnThePost() {
        // Given a view queued as the previous version queued it (without on_post), which had
        // already added it to the post's counters
        String tag = "old" + ApiFixtures.unique().substring(0, 8);
        Post post = post(tag);
        jdbc.sql("insert into trend_pending (item_id, counter, day) values (?, 0, current_date)")
                .param(post.itemId())
                .update();
        // When the folder takes it
        TrendsCaughtUp.await(jdbc);
        // Then the hashtag's trend counts it and the post's counters are left as they were
        assertThat(views("HASHTAG", tag, "ALL")).isEqualTo(1);
        assertThat(posts.get(post.itemId()).organic().views()).isZero();
    }

    private Post post(String tag) {
        AppAccount creator =
                accounts.create(
                        "f" + ApiFixtures.unique().substring(0, 12),
                        "Folder",
                        AppAccount.AccountType.CREATOR,
                        "SE",
                        null);
        return posts.create(
                new Posts.NewPost(
                        creator.id(),
                        "#" + tag,
                        List.of(tag),
                        null,
                        9000,
                        null,
                        Post.Visibility.PUBLIC));
    }

    private static List<EventIntake.IncomingEvent> views(Post post, int count) {
        List<EventIntake.IncomingEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(
                    new EventIntake.IncomingEvent(
                            ApiFixtures.unique(),
                            "VIDEO_PLAY",
                            Instant.now().toString(),
                            "viewer-" + i,
                            null,
                            String.valueOf(post.itemId()),
                            null));
        }
        return events;
    }

    private long views(String kind, String key, String region) {
        return jdbc.sql(
                        "select coalesce(sum(views), 0) from trend_daily where kind = ? and key = ? and region = ?")
                .params(kind, key, region)
                .query(Long.class)
                .single();
    }
}
