package io.sparkads.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.accounts.Advertisers;
import io.sparkads.authorization.AccountLinks;
import io.sparkads.authorization.AccountUnlinked;
import io.sparkads.authorization.Actor;
import io.sparkads.authorization.SparkAuthorizationRevoked;
import io.sparkads.authorization.SparkAuthorizations;
import io.sparkads.content.AppAccount;
import io.sparkads.content.AppAccounts;
import io.sparkads.content.Post;
import io.sparkads.content.Posts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/**
 * The campaigns module with the modules it builds on (accounts, content, authorization): how its
 * ads react to what the authorization module announces. The events are published as that module
 * would publish them; the ads are built through the modules' own services.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("it")
class CampaignsModuleTests {
    @Autowired Advertisers advertisers;
    @Autowired AppAccounts accounts;
    @Autowired Posts posts;
    @Autowired SparkAuthorizations authorizations;
    @Autowired AccountLinks links;
    @Autowired Campaigns campaigns;
    @Autowired AdGroups adGroups;
    @Autowired Ads ads;
    @Autowired AdReviews reviews;
    @Autowired DeliverableAds deliverableAds;

    @Test
    void aCreatorRevokingThePostStopsItsLiveSparkAdWithTheCreatorsReason(Scenario scenario) {
        // given a live Spark ad on a post whose code the ad account applied
        long advertiserId = newAdvertiser();
        Post post = newPost(newCreator());
        givenAppliedCode(advertiserId, post);
        Ad ad = liveSparkAd(advertiserId, IdentityType.AUTH_CODE, post);

        // when the authorization module announces that the creator took the post back
        scenario.publish(
                        new SparkAuthorizationRevoked(
                                post.itemId(),
                                Set.of(advertiserId),
                                SparkAuthorizationRevoked.Cause.REVOKED_BY_CREATOR,
                                "The creator turned ad authorization off"))
                // then the ad stops, saying why
                .andWaitForStateChange(
                        () -> ads.get(advertiserId, ad.id()),
                        changed -> changed.authorizationStatus() != Ad.AuthorizationStatus.OK)
                .andVerify(
                        stopped -> {
                            assertThat(stopped.secondaryStatus())
                                    .isEqualTo("AD_STATUS_CREATOR_AUTHORIZATION_REVOKED");
                            assertThat(stopped.authorizationReason())
                                    .isEqualTo("The creator turned ad authorization off");
                            assertThat(deliverableAds.deliverable(ad.id())).isEmpty();
                        });
    }

    @Test
    void aPostGoingAwayStopsItsSparkAdsAsLostNotRevoked(Scenario scenario) {
        long advertiserId = newAdvertiser();
        Post post = newPost(newCreator());
        givenAppliedCode(advertiserId, post);
        Ad ad = liveSparkAd(advertiserId, IdentityType.AUTH_CODE, post);

        scenario.publish(
                        new SparkAuthorizationRevoked(
                                post.itemId(),
                                Set.of(),
                                SparkAuthorizationRevoked.Cause.POST_UNAVAILABLE,
                                "The post was deleted"))
                .andWaitForStateChange(
                        () -> ads.get(advertiserId, ad.id()),
                        changed -> changed.authorizationStatus() != Ad.AuthorizationStatus.OK)
                .andVerify(
                        stopped ->
                                assertThat(stopped.secondaryStatus())
                                        .isEqualTo("AD_STATUS_ASSET_AUTHORIZATION_LOST"));
    }

    @Test
    void unlinkingTheCreatorStopsTheAdsOfThatLinkedIdentityOnly(Scenario scenario) {
        // given a live Spark ad under a linked account, and one under an applied code
        long advertiserId = newAdvertiser();
        AppAccount creator = newCreator();
        String linkCode =
                links.request(
                                advertiserId,
                                List.of("PULL_POSTS"),
                                Actor.advertiser(advertiserId, null))
                        .linkCode();
        links.approve(
                creator.id(),
                linkCode,
                List.of("PULL_POSTS"),
                false,
                Actor.creator(creator.id(), null));
        Ad linked = liveSparkAd(advertiserId, IdentityType.TT_USER, newPost(creator));
        Post coded = newPost(newCreator());
        givenAppliedCode(advertiserId, coded);
        Ad other = liveSparkAd(advertiserId, IdentityType.AUTH_CODE, coded);

        // when the authorization module announces the unlinking
        scenario.publish(new AccountUnlinked(advertiserId, creator.id(), "The creator unlinked"))
                // then the linked identity's ad stops; the other keeps running
                .andWaitForStateChange(
                        () -> ads.get(advertiserId, linked.id()),
                        changed -> changed.authorizationStatus() != Ad.AuthorizationStatus.OK)
                .andVerify(
                        stopped -> {
                            assertThat(stopped.secondaryStatus())
                                    .isEqualTo("AD_STATUS_CREATOR_AUTHORIZATION_REVOKED");
                            assertThat(stopped.authorizationReason())
                                    .isEqualTo("The creator unlinked");
                            assertThat(ads.get(advertiserId, other.id()).authorizationStatus())
                                    .isEqualTo(Ad.AuthorizationStatus.OK);
                        });
    }

    /** The creator issues a code for the post and the ad account applies it. */
    private void givenAppliedCode(long advertiserId, Post post) {
        authorizations.apply(
                advertiserId,
                authorizations
                        .issueCode(post.itemId(), 30, Actor.creator(post.accountId(), null))
                        .authCode(),
                Actor.advertiser(advertiserId, null));
    }

    /** An approved, enabled Spark ad in a campaign and ad group of its own, running from now. */
    private Ad liveSparkAd(long advertiserId, IdentityType identity, Post post) {
        Campaign campaign =
                campaigns.create(
                        advertiserId,
                        new Campaigns.NewCampaign(
                                "Campaign " + suffix(), Objective.REACH, Budget.UNLIMITED));
        AdGroup adGroup =
                adGroups.create(
                        advertiserId,
                        campaign.id(),
                        new AdGroupSettings(
                                "Ad group " + suffix(),
                                AdPlacement.IN_FEED,
                                null,
                                Targeting.locations(List.of("US")),
                                Budget.UNLIMITED,
                                Schedule.of(
                                        ScheduleType.SCHEDULE_FROM_NOW, null, null, Instant.now()),
                                new Bid(Billing.CPM, new BigDecimal("2.50"), null),
                                null,
                                null));
        Ad ad =
                ads.create(
                                advertiserId,
                                adGroup.id(),
                                List.of(
                                        new Ads.NewAd(
                                                "Ad " + suffix(),
                                                identity.wireName(),
                                                String.valueOf(post.accountId()),
                                                post.itemId(),
                                                null,
                                                CallToAction.SHOP_NOW.wireName(),
                                                "https://shop.example.com/spring",
                                                null)))
                        .get(0);
        reviews.record(List.of(new AdReviews.Outcome(ad.id(), true, null)));
        Ad live = ads.get(advertiserId, ad.id());
        assertThat(live.authorizationStatus()).isEqualTo(Ad.AuthorizationStatus.OK);
        assertThat(deliverableAds.deliverable(ad.id())).isPresent();
        return live;
    }

    private long newAdvertiser() {
        return advertisers.create("Shop " + suffix(), "USD", "America/New_York").id();
    }

    private AppAccount newCreator() {
        String handle = "c" + suffix();
        return accounts.create(handle, "Creator", AppAccount.AccountType.CREATOR, "US", null);
    }

    private Post newPost(AppAccount creator) {
        return posts.create(
                new Posts.NewPost(
                        creator.id(),
                        "Spring looks " + suffix(),
                        List.of("spring"),
                        null,
                        15_000,
                        null,
                        Post.Visibility.PUBLIC));
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
