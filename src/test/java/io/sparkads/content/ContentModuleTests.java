package io.sparkads.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/**
 * The content module alone: posts and what their changes announce to other modules.
 *
 * <p>The pattern for every module test: {@code @ApplicationModuleTest} boots this module (plus the
 * shared {@code common}, see {@code SparkAdsApplication}) on its own embedded PostgreSQL with the
 * {@code it} profile; a module that uses others either mocks them ({@code @MockitoBean}) or asks
 * for {@code mode = BootstrapMode.DIRECT_DEPENDENCIES}. Event flows are driven with {@link
 * Scenario}.
 */
@ApplicationModuleTest
@ActiveProfiles("it")
class ContentModuleTests {
    @Autowired AppAccounts accounts;
    @Autowired Posts posts;

    @Test
    void deletingAPostAnnouncesItSoAdsUsingItStop(Scenario scenario) {
        String handle = "m" + UUID.randomUUID().toString().substring(0, 8);
        AppAccount creator =
                accounts.create(handle, "Creator", AppAccount.AccountType.CREATOR, "US", null);
        Post post =
                posts.create(
                        new Posts.NewPost(
                                creator.id(),
                                "hello",
                                List.of("spring"),
                                null,
                                15_000,
                                null,
                                Post.Visibility.PUBLIC));

        scenario.stimulate(() -> posts.delete(post.itemId()))
                .andWaitForEventOfType(PostDeleted.class)
                .matchingMappedValue(PostDeleted::itemId, post.itemId())
                .toArriveAndVerify(
                        deleted -> assertThat(deleted.accountId()).isEqualTo(creator.id()));
    }
}
