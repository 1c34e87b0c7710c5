package io.sparkads.demo;

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
import io.sparkads.campaigns.BudgetMode;
import io.sparkads.campaigns.CallToAction;
import io.sparkads.campaigns.Campaign;
import io.sparkads.campaigns.Campaigns;
import io.sparkads.campaigns.CustomIdentities;
import io.sparkads.campaigns.CustomIdentity;
import io.sparkads.campaigns.IdentityType;
import io.sparkads.campaigns.Objective;
import io.sparkads.campaigns.OptimizationGoal;
import io.sparkads.campaigns.Schedule;
import io.sparkads.campaigns.ScheduleType;
import io.sparkads.campaigns.Targeting;
import io.sparkads.common.PageRequest;
import io.sparkads.content.Post;
import io.sparkads.content.VideoFile;
import io.sparkads.content.VideoFiles;
import io.sparkads.review.Review;
import io.sparkads.review.Reviews;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.springframework.stereotype.Component;

/**
 * The demo advertiser's running campaign, made the way an advertiser, a creator and a reviewer make
 * one: the creator issues an authorization code for a post, the advertiser applies it, creates a
 * campaign, an ad group, a Spark ad on the post and a non-Spark ad on an uploaded video under a
 * custom identity, and the reviewer approves both ads from the review queue.
 */
@Component
class DemoCampaign {
    static final String CAMPAIGN_NAME = "Spring collection (demo)";

    /** The non-Spark ad's video: the length its events are played against. */
    static final int SPOT_DURATION_MS = 20_000;

    /** Whom the campaign reaches: the demo's viewers from other regions see no ads. */
    static final List<String> REGIONS = List.of("US", "GB", "CA");

    private final SparkAuthorizations authorizations;
    private final Campaigns campaigns;
    private final AdGroups adGroups;
    private final Ads ads;
    private final CustomIdentities identities;
    private final VideoFiles videos;
    private final Reviews reviews;
    private final Clock clock;

    DemoCampaign(
            SparkAuthorizations authorizations,
            Campaigns campaigns,
            AdGroups adGroups,
            Ads ads,
            CustomIdentities identities,
            VideoFiles videos,
            Reviews reviews,
            Clock clock) {
        this.authorizations = authorizations;
        this.campaigns = campaigns;
        this.adGroups = adGroups;
        this.ads = ads;
        this.identities = identities;
        this.videos = videos;
        this.reviews = reviews;
        this.clock = clock;
    }

    /** The campaign's two ads, once approved. */
    record LiveAds(long campaignId, long sparkAdId, long nonSparkAdId) {}

    /** Whether the advertiser has any campaign: the demo never adds one to an account in use. */
    boolean hasCampaigns(long advertiserId) {
        return campaigns.count(advertiserId, List.of()) > 0;
    }

    /**
     * Creates the campaign and waits for the review queue to take its ads, then approves them as
     * the demo reviewer. The ad group's schedule starts {@code history} ago, so that the ads were
     * live when the backfilled impressions were served.
     */
    LiveAds create(
            long advertiserId,
            long creatorAccountId,
            Post sparkPost,
            Duration history,
            BooleanSupplier keepGoing)
            throws InterruptedException {
        String address = "127.0.0.1";
        IssuedCode code =
                authorizations.issueCode(
                        sparkPost.itemId(), 365, Actor.creator(creatorAccountId, address));
        authorizations.apply(
                advertiserId, code.authCode(), Actor.advertiser(advertiserId, address));
        Campaign campaign =
                campaigns.create(
                        advertiserId,
                        new Campaigns.NewCampaign(
                                CAMPAIGN_NAME,
                                Objective.TRAFFIC,
                                new Budget(BudgetMode.BUDGET_MODE_DAY, new BigDecimal("1000.00"))));
        Instant now = clock.instant();
        AdGroup adGroup =
                adGroups.create(
                        advertiserId,
                        campaign.id(),
                        new AdGroupSettings(
                                "English-speaking feeds",
                                AdPlacement.IN_FEED,
                                null,
                                Targeting.locations(REGIONS),
                                Budget.UNLIMITED,
                                new Schedule(
                                        ScheduleType.SCHEDULE_FROM_NOW, now.minus(history), null),
                                new Bid(
                                        Billing.CPM,
                                        new BigDecimal("4.00"),
                                        OptimizationGoal.REACH),
                                null,
                                null));
        CustomIdentity brand = identities.create(advertiserId, "Demo Outfitters", null);
        byte[] spot = spot();
        VideoFile video =
                videos.store(
                        advertiserId,
                        "spring-collection-spot.mp4",
                        spot.length,
                        new ByteArrayInputStream(spot),
                        null);
        List<Ad> created =
                ads.create(
                        advertiserId,
                        adGroup.id(),
                        List.of(
                                new Ads.NewAd(
                                        "Creator's morning routine (Spark)",
                                        IdentityType.AUTH_CODE.wireName(),
                                        String.valueOf(creatorAccountId),
                                        sparkPost.itemId(),
                                        null,
                                        CallToAction.SHOP_NOW.wireName(),
                                        "https://shop.example.com/spring",
                                        null),
                                new Ads.NewAd(
                                        "Studio spot (non-Spark)",
                                        IdentityType.CUSTOMIZED_USER.wireName(),
                                        String.valueOf(brand.id()),
                                        null,
                                        "The spring collection is here",
                                        CallToAction.SHOP_NOW.wireName(),
                                        "https://shop.example.com/spring",
                                        video.id())));
        for (Ad ad : created) {
            approve(ad.id(), keepGoing);
        }
        return new LiveAds(campaign.id(), created.get(0).id(), created.get(1).id());
    }

    /** Approves the ad's review once the queue has it (reviews are queued after commit). */
    private void approve(long adId, BooleanSupplier keepGoing) throws InterruptedException {
        Instant deadline = clock.instant().plusSeconds(60);
        while (true) {
            Optional<Review> pending =
                    reviews.list(Review.Status.PENDING, new PageRequest(1, 1000)).stream()
                            .filter(r -> r.adId() == adId)
                            .findFirst();
            if (pending.isPresent()) {
                reviews.decide(pending.get().id(), Review.Decision.APPROVE, null, "reviewer");
                return;
            }
            if (!keepGoing.getAsBoolean()) {
                throw new InterruptedException("stopped before demo ad " + adId + " was approved");
            }
            if (clock.instant().isAfter(deadline)) {
                throw new IllegalStateException("the review queue never took demo ad " + adId);
            }
            Thread.sleep(100);
        }
    }

    /** The non-Spark ad's spot: a real 20-second 540×960 H.264 video shipped with the server. */
    static byte[] spot() {
        try (var in = DemoCampaign.class.getResourceAsStream("/demo/spring-collection-spot.mp4")) {
            if (in == null) {
                throw new IllegalStateException("the demo spot video is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
