package io.sparkads.web;

import io.sparkads.accounts.User;
import io.sparkads.accounts.Users;
import io.sparkads.authorization.IssuedCode;
import io.sparkads.authorization.SparkAuthorizations;
import io.sparkads.campaigns.Ad;
import io.sparkads.campaigns.AdGroup;
import io.sparkads.campaigns.AdGroups;
import io.sparkads.campaigns.Ads;
import io.sparkads.campaigns.Campaign;
import io.sparkads.campaigns.Campaigns;
import io.sparkads.common.PageRequest;
import io.sparkads.content.AppAccount;
import io.sparkads.content.AppAccounts;
import io.sparkads.content.Post;
import io.sparkads.content.Posts;
import io.sparkads.review.Review;
import io.sparkads.review.Reviews;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Data for browser tests, built through the modules' services: posts of the demo creator, codes,
 * bound posts and Spark ads waiting in review. Every name is unique, so tests sharing the database
 * never see each other's data.
 */
final class WebFixtures {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Users users;
    private final AppAccounts accounts;
    private final Posts posts;
    private final SparkAuthorizations authorizations;
    private final Campaigns campaigns;
    private final AdGroups adGroups;
    private final Ads ads;
    private final Reviews reviews;

    WebFixtures(
            Users users,
            AppAccounts accounts,
            Posts posts,
            SparkAuthorizations authorizations,
            Campaigns campaigns,
            AdGroups adGroups,
            Ads ads,
            Reviews reviews) {
        this.users = users;
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
        return authorizations.issueCode(post.itemId(), 30);
    }

    /** A post of the demo creator in the demo advertiser's Spark Ad posts. */
    Post boundPost(String caption) {
        Post post = postOfDemoCreator(caption);
        authorizations.apply(demoAdvertiserId(), code(post).authCode());
        return post;
    }

    /**
     * A Spark ad of the demo advertiser on a new bound post, and its review once the queue has it
     * (reviews are created after the ad's commit, asynchronously).
     */
    PendingAd pendingAd(String adName) {
        long advertiserId = demoAdvertiserId();
        Post post = boundPost(unique("Post for review"));
        Campaign campaign =
                campaigns.create(
                        advertiserId,
                        new Campaigns.NewCampaign(
                                unique("Campaign"), "REACH", "BUDGET_MODE_INFINITE", null));
        AdGroup adGroup =
                adGroups.create(
                        advertiserId,
                        new AdGroups.NewAdGroup(
                                campaign.id(),
                                unique("Ad group"),
                                "IN_FEED",
                                List.of("US"),
                                List.of(),
                                null,
                                List.of(),
                                List.of(),
                                List.of(),
                                null,
                                null,
                                null,
                                null,
                                null,
                                "CPM",
                                new BigDecimal("2.50"),
                                null));
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
                                                "https://shop.example.com/spring-sale")))
                        .get(0);
        return new PendingAd(ad, post, awaitPendingReview(ad.id()));
    }

    record PendingAd(Ad ad, Post post, Review review) {}

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
