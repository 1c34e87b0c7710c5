package io.sparkads.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.content.AppAccount;
import io.sparkads.content.AppAccounts;
import io.sparkads.content.Post;
import io.sparkads.content.PostDeleted;
import io.sparkads.content.Posts;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/**
 * The authorization module with only what it depends on (content, and the shared common): what it
 * announces when a creator takes a post back, or the post goes away.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("it")
class AuthorizationModuleTests {
    @Autowired AppAccounts accounts;
    @Autowired Posts posts;
    @Autowired AuthorizationCodes codes;
    @Autowired CodeApplications applications;

    @Test
    void revokingAnAppliedCodeAnnouncesWhichAdAccountsLoseThePost(Scenario scenario) {
        Post post = givenPublicPost();
        long advertiserId = givenAdvertiserId();
        IssuedCode code = codes.issueCode(post.itemId(), 30, Actor.creator(post.accountId(), null));
        applications.apply(advertiserId, code.authCode(), Actor.advertiser(advertiserId, null));

        long codeId = Long.parseLong(codes.codesOf(post.itemId()).get(0).codeId());
        scenario.stimulate(
                        () ->
                                codes.revokeCode(
                                        post.itemId(),
                                        codeId,
                                        Actor.creator(post.accountId(), null)))
                .andWaitForEventOfType(SparkAuthorizationRevoked.class)
                .matchingMappedValue(SparkAuthorizationRevoked::itemId, post.itemId())
                .toArriveAndVerify(
                        revoked -> {
                            assertThat(revoked.advertiserIds()).containsExactly(advertiserId);
                            assertThat(revoked.cause())
                                    .isEqualTo(SparkAuthorizationRevoked.Cause.REVOKED_BY_CREATOR);
                        });
        assertThat(codes.codesOf(post.itemId()).get(0).status()).isEqualTo(SparkCodeStatus.REVOKED);
    }

    @Test
    void aDeletedPostIsWithdrawnFromEveryAdAccount(Scenario scenario) {
        Post post = givenPublicPost();
        long advertiserId = givenAdvertiserId();
        IssuedCode code = codes.issueCode(post.itemId(), 7, Actor.creator(post.accountId(), null));
        applications.apply(advertiserId, code.authCode(), Actor.advertiser(advertiserId, null));

        scenario.publish(new PostDeleted(post.itemId(), post.accountId()))
                .andWaitForEventOfType(SparkAuthorizationRevoked.class)
                .matchingMappedValue(SparkAuthorizationRevoked::itemId, post.itemId())
                .toArriveAndVerify(
                        revoked -> {
                            assertThat(revoked.advertiserIds())
                                    .as("empty means every ad account, links included")
                                    .isEmpty();
                            assertThat(revoked.cause())
                                    .isEqualTo(SparkAuthorizationRevoked.Cause.POST_UNAVAILABLE);
                            assertThat(revoked.reason()).isEqualTo("The creator deleted the post");
                        });
    }

    private Post givenPublicPost() {
        String handle = "a" + UUID.randomUUID().toString().substring(0, 8);
        AppAccount creator =
                accounts.create(handle, "Creator", AppAccount.AccountType.CREATOR, "US", null);
        return posts.create(
                new Posts.NewPost(
                        creator.id(),
                        "hello",
                        List.of("spark"),
                        null,
                        15_000,
                        null,
                        Post.Visibility.PUBLIC));
    }

    /** The accounts module is not booted here: authorization only keeps the advertiser's id. */
    private static long givenAdvertiserId() {
        return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    }
}
