package io.sparkads.web;

import io.sparkads.accounts.Advertiser;
import io.sparkads.accounts.Advertisers;
import io.sparkads.accounts.Role;
import io.sparkads.accounts.User;
import io.sparkads.accounts.Users;
import io.sparkads.authorization.Actor;
import io.sparkads.authorization.IssuedCode;
import io.sparkads.authorization.SparkAuthorizations;
import io.sparkads.campaigns.Ad;
import io.sparkads.campaigns.AdGroup;
import io.sparkads.campaigns.AdGroupSettings;
import io.sparkads.campaigns.AdGroups;
import io.sparkads.campaigns.AdPlacement;
import io.sparkads.campaigns.Ads;
import io.sparkads.campaigns.Bid;
import io.sparkads.campaigns.Billing;
import io.sparkads.campaigns.Budget;
import io.sparkads.campaigns.Campaign;
import io.sparkads.campaigns.Campaigns;
import io.sparkads.campaigns.Objective;
import io.sparkads.campaigns.Schedule;
import io.sparkads.campaigns.ScheduleType;
import io.sparkads.campaigns.Targeting;
import io.sparkads.common.PageRequest;
import io.sparkads.content.AppAccount;
import io.sparkads.content.AppAccounts;
import io.sparkads.content.Post;
import io.sparkads.content.Posts;
import io.sparkads.review.Review;
import io.sparkads.review.Reviews;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Data for browser tests, built through the modules' services: users of their own, posts of the
 * demo creator, codes, bound posts and Spark ads waiting in review. Every name is unique, so tests
 * sharing the database never see each other's data; the ads are scheduled a year ahead, so they are
 * never delivered to ad requests of other tests.
 */
final class WebFixtures {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** When the browser tests' ads start: they may be approved, never delivered. */
    private static final Instant NEVER_DURING_TESTS = Instant.now().plus(Duration.ofDays(365));

    private final Users users;
    private final Advertisers advertisers;
    private final AppAccounts accounts;
    private final Posts posts;
    private final SparkAuthorizations authorizations;
    private final Campaigns campaigns;
    private final AdGroups adGroups;
    private final Ads ads;
    private final Reviews reviews;

    WebFixtures(
            Users users,
            Advertisers advertisers,
            AppAccounts accounts,
            Posts posts,
            SparkAuthorizations authorizations,
            Campaigns campaigns,
            AdGroups adGroups,
            Ads ads,
            Reviews reviews) {
        this.users = users;
        this.advertisers = advertisers;
        this.accounts = accounts;
        this.posts = posts;
        this.authorizations = authorizations;
        this.campaigns = campaigns;
        this.adGroups = adGroups;
        this.ads = ads;
        this.reviews = reviews;
    }

    static String unique(String prefix) {
        return prefix
                + " "
                + SEQUENCE.incrementAndGet()
                + "-"
                + Long.toString(System.nanoTime(), 36);
    }

    long demoAdvertiserId() {
        return user("advertiser").advertiserId();
    }

    long demoCreatorAccountId() {
        return user("creator").creatorAccountId();
    }

    /** A sign-in of its own. */
    record SignIn(String username, long id, String name) {}

    /**
     * A new ad account with a user of its own, for tests whose state must not touch the demo
     * advertiser (its code-attempt limit, its links).
     */
    SignIn newAdvertiser() {
        String name = unique("Shop");
        Advertiser advertiser = advertisers.create(name, "USD", "America/New_York");
        String username = "adv-" + SEQUENCE.incrementAndGet() + "-" + suffix();
        users.create(username, BrowserTestBase.PASSWORD, Role.ADVERTISER, advertiser.id(), null);
        return new SignIn(username, advertiser.id(), name);
    }

    /** A new creator account with a user of its own. */
    SignIn newCreator() {
        String handle = "creator_" + SEQUENCE.incrementAndGet() + "_" + suffix();
        AppAccount account =
                accounts.create(
                        handle, unique("Creator"), AppAccount.AccountType.CREATOR, "US", null);
        users.create(handle, BrowserTestBase.PASSWORD, Role.CREATOR, null, account.id());
        return new SignIn(handle, account.id(), account.displayName());
    }

    private static String suffix() {
        return Long.toString(System.nanoTime(), 36);
    }

    /** A new public post of the demo creator. */
    Post postOfDemoCreator(String caption) {
        return posts.create(
                new Posts.NewPost(
                        demoCreatorAccountId(),
                        caption,
                        List.of("browsertest"),
                        null,
                        20_000,
                        null,
                        Post.Visibility.PUBLIC));
    }

    /** A public post of a creator other than the demo creator. */
    Post postOfAnotherCreator() {
        String handle = "other_" + SEQUENCE.incrementAndGet() + "_" + (System.nanoTime() % 100_000);
        AppAccount other =
                accounts.create(
                        handle, "Other Creator", AppAccount.AccountType.CREATOR, "US", null);
        return posts.create(
                new Posts.NewPost(
                        other.id(),
                        unique("Someone else's post"),
                        List.of(),
                        null,
                        15_000,
                        null,
                        Post.Visibility.PUBLIC));
    }

    IssuedCode code(Post post) {
        return code(post, 30);
    }

    /**
     * A code issued by the post's creator. ApiFixtures act through the variants that take an {@link
     * Actor}: they run in the services' transactions, so the events they announce reach every
     * listener (the shared context's publication registry is checked by other tests).
     */
    IssuedCode code(Post post, int days) {
        return authorizations.issueCode(post.itemId(), days, Actor.creator(post.accountId(), null));
    }

    /** The creator turns ad authorization off for the post. */
    void turnOff(Post post) {
        authorizations.revoke(post.itemId(), Actor.creator(post.accountId(), null));
    }

    /** A post of the demo creator in the demo advertiser's Spark Ad posts. */
    Post boundPost(String caption) {
        return boundPost(caption, demoAdvertiserId(), 30);
    }

    /** A post of the demo creator in the advertiser's Spark Ad posts, for a code of some days. */
    Post boundPost(String caption, long advertiserId, int days) {
        Post post = postOfDemoCreator(caption);
        authorizations.apply(
                advertiserId, code(post, days).authCode(), Actor.advertiser(advertiserId, null));
        return post;
    }

    /**
     * A Spark ad of the demo advertiser on a new bound post, and its review once the queue has it
     * (reviews are created after the ad's commit, asynchronously).
     */
    PendingAd pendingAd(String adName) {
        long advertiserId = demoAdvertiserId();
        return pendingAd(advertiserId, adGroup(advertiserId), adName);
    }

    /**
     * A Spark ad of the advertiser in the ad group, on a new post of the demo creator bound to the
     * advertiser, and its review once the queue has it.
     */
    PendingAd pendingAd(long advertiserId, AdGroup adGroup, String adName) {
        Post post = boundPost(unique("Post for review"), advertiserId, 30);
        Ad ad =
                ads.create(
                                advertiserId,
                                adGroup.id(),
                                List.of(
                                        new Ads.NewAd(
                                                adName,
                                                "AUTH_CODE",
                                                String.valueOf(post.accountId()),
                                                post.itemId(),
                                                null,
                                                "SHOP_NOW",
                                                "https://shop.example.com/spring-sale",
                                                null)))
                        .get(0);
        return new PendingAd(ad, post, awaitPendingReview(ad.id()));
    }

    record PendingAd(Ad ad, Post post, Review review) {}

    /** A Traffic campaign of the advertiser with this budget, named from the prefix. */
    Campaign trafficCampaign(long advertiserId, String prefix, Budget budget) {
        return campaigns.create(
                advertiserId, new Campaigns.NewCampaign(unique(prefix), Objective.TRAFFIC, budget));
    }

    /**
     * A campaign of the advertiser with one In-Feed ad group scheduled a year ahead, so its ads are
     * never delivered during tests.
     */
    AdGroup adGroup(long advertiserId) {
        Campaign campaign =
                campaigns.create(
                        advertiserId,
                        new Campaigns.NewCampaign(
                                unique("Campaign"), Objective.REACH, Budget.UNLIMITED));
        return adGroup(advertiserId, campaign.id(), unique("Ad group"));
    }

    /** An In-Feed ad group of the campaign with this name, scheduled a year ahead. */
    AdGroup adGroup(long advertiserId, long campaignId, String name) {
        return adGroup(
                advertiserId, campaignId, name, new Bid(Billing.CPM, new BigDecimal("2.50"), null));
    }

    /** A Traffic campaign's In-Feed ad group paying per click, scheduled a year ahead. */
    AdGroup cpcAdGroup(long advertiserId) {
        Campaign campaign = trafficCampaign(advertiserId, "Traffic", Budget.UNLIMITED);
        return adGroup(
                advertiserId,
                campaign.id(),
                unique("Clicks"),
                new Bid(Billing.CPC, new BigDecimal("0.80"), null));
    }

    /** An In-Feed ad group of the campaign with this name and bid, scheduled a year ahead. */
    AdGroup adGroup(long advertiserId, long campaignId, String name, Bid bid) {
        AdGroup adGroup =
                adGroups.create(
                        advertiserId,
                        campaignId,
                        new AdGroupSettings(
                                name,
                                AdPlacement.IN_FEED,
                                null,
                                Targeting.locations(List.of("US")),
                                Budget.UNLIMITED,
                                new Schedule(
                                        ScheduleType.SCHEDULE_START_END,
                                        NEVER_DURING_TESTS,
                                        NEVER_DURING_TESTS.plus(Duration.ofDays(1))),
                                bid,
                                null,
                                null));
        return adGroup;
    }

    /** Waits until campaigns has marked the ad revoked, after its post's authorization ended. */
    void awaitRevoked(Ad ad) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (ads.get(ad.advertiserId(), ad.id()).authorizationStatus()
                != Ad.AuthorizationStatus.REVOKED) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Ad " + ad.id() + " was never marked revoked");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Review awaitPendingReview(long adId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            var pending =
                    reviews.list(Review.Status.PENDING, new PageRequest(1, 1000)).stream()
                            .filter(review -> review.adId() == adId)
                            .findFirst();
            if (pending.isPresent()) {
                return pending.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("Ad " + adId + " never reached the review queue");
    }

    private User user(String username) {
        return users.findByUsername(username)
                .orElseThrow(() -> new AssertionError("The demo workspace has no " + username));
    }
}
