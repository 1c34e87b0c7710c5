package io.sparkads.reporting;

import io.sparkads.accounts.Advertisers;
import io.sparkads.authorization.PostUse;
import io.sparkads.authorization.SparkAuthorizations;
import io.sparkads.campaigns.Ad;
import io.sparkads.campaigns.Ads;
import io.sparkads.content.Posts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What creators see of their post's use as an ad: which ad accounts use it, in which ads, since
 * when, and what those ads made: paid impressions, views, clicks, likes, comments, shares, follows,
 * profile visits and spend, per ad and per ad account. Numbers come from the rollups: zeros until
 * events arrive, never made up.
 */
@Service
public class AdUsageLedger {
    private final JdbcClient jdbc;
    private final Posts posts;
    private final SparkAuthorizations authorizations;
    private final Ads ads;
    private final Advertisers advertisers;

    AdUsageLedger(
            JdbcClient jdbc,
            Posts posts,
            SparkAuthorizations authorizations,
            Ads ads,
            Advertisers advertisers) {
        this.jdbc = jdbc;
        this.posts = posts;
        this.authorizations = authorizations;
        this.ads = ads;
        this.advertisers = advertisers;
    }

    /**
     * What ads made with the post, in TikTok's terms: views are video plays, and likes, comments,
     * shares and follows are the ones the post's public counters include.
     */
    public record PaidTotals(
            long impressions,
            long views,
            long clicks,
            long likes,
            long comments,
            long shares,
            long follows,
            long profileVisits,
            BigDecimal spend) {
        static final PaidTotals NONE =
                new PaidTotals(0, 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO.setScale(2));

        PaidTotals plus(PaidTotals other) {
            return new PaidTotals(
                    impressions + other.impressions,
                    views + other.views,
                    clicks + other.clicks,
                    likes + other.likes,
                    comments + other.comments,
                    shares + other.shares,
                    follows + other.follows,
                    profileVisits + other.profileVisits,
                    spend.add(other.spend));
        }
    }

    public record AdUse(
            long adId,
            String adName,
            String secondaryStatus,
            Instant createTime,
            PaidTotals paid) {}

    public record AccountUse(
            long advertiserId,
            String advertiserName,
            String currency,
            String via,
            Instant since,
            String authorizationStatus,
            List<AdUse> ads,
            PaidTotals paid) {}

    /** The uses of a post; a post that does not exist is refused as not found. */
    public List<AccountUse> ofPost(long itemId) {
        posts.get(itemId);
        Map<Long, PaidTotals> paidByAd = new HashMap<>();
        jdbc.sql(
                        """
                        select ad_id, sum(impressions) as impressions, sum(video_plays) as views, sum(clicks) as clicks,
                               sum(likes) as likes, sum(comments) as comments, sum(shares) as shares,
                               sum(follows) as follows, sum(profile_visits) as profile_visits, sum(spend) as spend
                        from hourly_rollups where item_id = ? group by ad_id
                        """)
                .param(itemId)
                .query(
                        rs -> {
                            paidByAd.put(
                                    rs.getLong("ad_id"),
                                    new PaidTotals(
                                            rs.getLong("impressions"),
                                            rs.getLong("views"),
                                            rs.getLong("clicks"),
                                            rs.getLong("likes"),
                                            rs.getLong("comments"),
                                            rs.getLong("shares"),
                                            rs.getLong("follows"),
                                            rs.getLong("profile_visits"),
                                            rs.getBigDecimal("spend")
                                                    .setScale(2, RoundingMode.HALF_UP)));
                        });
        Map<Long, List<Ad>> adsByAdvertiser = new HashMap<>();
        for (Ad ad : ads.ofItem(itemId)) {
            adsByAdvertiser.computeIfAbsent(ad.advertiserId(), k -> new ArrayList<>()).add(ad);
        }
        List<AccountUse> uses = new ArrayList<>();
        for (PostUse use : authorizations.usesOf(itemId)) {
            var advertiser = advertisers.get(use.advertiserId());
            List<AdUse> adUses = new ArrayList<>();
            PaidTotals total = PaidTotals.NONE;
            for (Ad ad : adsByAdvertiser.getOrDefault(use.advertiserId(), List.of())) {
                if (!ad.identityType().equals(use.identityType())) {
                    continue;
                }
                PaidTotals paid = paidByAd.getOrDefault(ad.id(), PaidTotals.NONE);
                adUses.add(
                        new AdUse(
                                ad.id(), ad.adName(), ad.secondaryStatus(), ad.createTime(), paid));
                total = total.plus(paid);
            }
            uses.add(
                    new AccountUse(
                            advertiser.id(),
                            advertiser.name(),
                            advertiser.currency(),
                            use.identityType(),
                            use.since(),
                            use.status().name(),
                            adUses,
                            total));
        }
        return uses;
    }
}
