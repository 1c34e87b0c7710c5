package io.sparkads.campaigns;

import io.sparkads.accounts.Advertisers;
import io.sparkads.authorization.SparkPost;
import io.sparkads.common.AdLineage;
import io.sparkads.common.Creative;
import io.sparkads.content.VideoFile;
import io.sparkads.content.VideoFiles;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The ads delivery may serve, as the decision engine needs them: enabled down the tree, approved,
 * still authorized, within budget, and showing a post or video the ad account may use now.
 */
@Service
public class DeliverableAds {
    private final JdbcClient jdbc;
    private final Budgets budgets;
    private final ShownPosts shownPosts;
    private final CustomIdentities customIdentities;
    private final Advertisers advertisers;
    private final VideoFiles videos;

    DeliverableAds(
            JdbcClient jdbc,
            Budgets budgets,
            ShownPosts shownPosts,
            CustomIdentities customIdentities,
            Advertisers advertisers,
            VideoFiles videos) {
        this.jdbc = jdbc;
        this.budgets = budgets;
        this.shownPosts = shownPosts;
        this.customIdentities = customIdentities;
        this.advertisers = advertisers;
        this.videos = videos;
    }

    /** Ads showing the post, of the given advertisers (of all when empty), whatever their state. */
    public List<Long> idsShowing(long itemId, Set<Long> advertiserIds) {
        return jdbc.sql(
                        "select id from ads where tiktok_item_id = :item and (:all or advertiser_id in (:advertisers))")
                .param("item", itemId)
                .param("all", advertiserIds.isEmpty())
                .param("advertisers", advertiserIds.isEmpty() ? List.of(0L) : advertiserIds)
                .query(Long.class)
                .list();
    }

    /** Ads of the advertiser that run under a linked account's identity. */
    public List<Long> idsOfLinkedIdentity(long advertiserId, long accountId) {
        return jdbc.sql(
                        "select id from ads where advertiser_id = ? and identity_type = 'TT_USER' and identity_id = ?")
                .params(advertiserId, String.valueOf(accountId))
                .query(Long.class)
                .list();
    }

    /** The ad as the decision engine should serve it, or empty when it must not deliver. */
    public Optional<DeliverableAd> deliverable(long adId) {
        return deliverable(List.of(adId)).values().stream().findFirst();
    }

    /**
     * The ads as the decision engine should serve them, by id; one that must not deliver is left
     * out. All are read at once, a post several of them show is looked up once.
     */
    public Map<Long, DeliverableAd> deliverable(Collection<Long> adIds) {
        Map<Long, DeliverableAd> found = new HashMap<>();
        if (!adIds.isEmpty()) {
            toDeliverable(
                            jdbc.sql(DELIVERABLE + " and a.id = any(:ids::bigint[])")
                                    .param("ids", adIds.toArray(Long[]::new))
                                    .query(DeliverableAds::deliverableRow)
                                    .list())
                    .forEach(ad -> found.put(ad.lineage().adId(), ad));
        }
        return found;
    }

    public List<DeliverableAd> allDeliverable() {
        return toDeliverable(jdbc.sql(DELIVERABLE).query(DeliverableAds::deliverableRow).list());
    }

    private List<DeliverableAd> toDeliverable(List<DeliverableRow> rows) {
        Map<PostKey, Optional<SparkPost>> posts = new HashMap<>();
        return rows.stream().flatMap(row -> toDeliverable(row, posts).stream()).toList();
    }

    /** What decides the post a Spark ad shows. */
    private record PostKey(long advertiserId, String identityType, long itemId, Long videoId) {}

    /**
     * The ad's creative columns, its ad group as {@link AdGroups#ROW} reads it, its campaign's
     * budget.
     */
    private static final String DELIVERABLE =
            """
            select g.*, a.id as ad_id, a.tiktok_item_id, a.is_spark, a.identity_type, a.call_to_action,
                   a.identity_id, a.video_id, a.ad_text, a.landing_page_url, a.tiktok_page_category,
                   c.budget_mode as campaign_budget_mode, c.budget as campaign_budget
            from ads a join adgroups g on g.id = a.adgroup_id join campaigns c on c.id = a.campaign_id
            where a.operation_status = 'ENABLE' and g.operation_status = 'ENABLE' and c.operation_status = 'ENABLE'
              and a.review_status = 'APPROVED' and a.authorization_status = 'OK'
            """;

    private record DeliverableRow(
            long adId,
            Long itemId,
            boolean spark,
            String identityType,
            String cta,
            String landingPageUrl,
            String pageCategory,
            String identityId,
            Long videoId,
            String adText,
            AdGroup adGroup,
            String campaignBudgetMode,
            BigDecimal campaignBudget) {

        long advertiserId() {
            return adGroup.advertiserId();
        }

        Instant start() {
            return adGroup.scheduleStartTime();
        }

        Instant end() {
            return adGroup.scheduleEndTime();
        }
    }

    private static DeliverableRow deliverableRow(ResultSet rs, int n) throws SQLException {
        return new DeliverableRow(
                rs.getLong("ad_id"),
                (Long) rs.getObject("tiktok_item_id"),
                rs.getBoolean("is_spark"),
                rs.getString("identity_type"),
                rs.getString("call_to_action"),
                rs.getString("landing_page_url"),
                rs.getString("tiktok_page_category"),
                rs.getString("identity_id"),
                (Long) rs.getObject("video_id"),
                rs.getString("ad_text"),
                AdGroups.ROW.mapRow(rs, n),
                rs.getString("campaign_budget_mode"),
                rs.getBigDecimal("campaign_budget"));
    }

    private Optional<DeliverableAd> toDeliverable(
            DeliverableRow row, Map<PostKey, Optional<SparkPost>> posts) {
        AdGroup adGroup = row.adGroup();
        ZoneId zone = advertisers.timezone(row.advertiserId());
        if (budgets.state(
                        adGroup.campaignId(),
                        row.campaignBudgetMode(),
                        row.campaignBudget(),
                        adGroup.id(),
                        adGroup.budgetMode().name(),
                        adGroup.budget(),
                        zone)
                != Budgets.State.OK) {
            return Optional
                    .empty(); // the budget is used up: nothing more is spent today, or at all
        }
        if (!row.spark()) {
            if (row.landingPageUrl() == null) {
                // A custom identity has no profile to lead to: never served without its page.
                return Optional.empty();
            }
            if (row.end() != null && !row.end().isAfter(row.start())) {
                return Optional.empty();
            }
            Optional<VideoFile> video =
                    videos.find(row.videoId()).filter(v -> v.advertiserId() == row.advertiserId());
            if (video.isEmpty()) {
                return Optional.empty();
            }
            CustomIdentity identity =
                    customIdentities.get(
                            row.advertiserId(), CreativeChecks.identityNumber(row.identityId()));
            return Optional.of(
                    deliverable(
                            row,
                            row.end(),
                            zone,
                            new Face(
                                    "custom:" + identity.id(),
                                    identity.displayName(),
                                    identity.avatarUrl(),
                                    row.adText(),
                                    video.get().url(),
                                    video.get().posterUrl(),
                                    null)));
        }
        if (row.itemId() == null) {
            return Optional.empty(); // a pushed video not yet published
        }
        Optional<SparkPost> usable =
                posts.computeIfAbsent(
                        new PostKey(
                                row.advertiserId(),
                                row.identityType(),
                                row.itemId(),
                                row.videoId()),
                        key ->
                                shownPosts.shown(
                                        key.advertiserId(),
                                        key.identityType(),
                                        key.itemId(),
                                        key.videoId()));
        if (usable.isEmpty() || !usable.get().isUsable()) {
            return Optional.empty();
        }
        SparkPost spark = usable.get();
        Instant end = earlier(row.end(), spark.authEndTime());
        if (end != null && !end.isAfter(row.start())) {
            return Optional.empty();
        }
        return Optional.of(
                deliverable(
                        row,
                        end,
                        zone,
                        new Face(
                                String.valueOf(spark.account().id()),
                                spark.account().displayName(),
                                spark.account().avatarUrl(),
                                spark.post().caption(),
                                spark.post().videoUrl(),
                                row.videoId() == null
                                        ? null
                                        : videos.find(row.videoId())
                                                .map(VideoFile::posterUrl)
                                                .orElse(null),
                                "/@" + spark.account().handle())));
    }

    /** Who and what an ad shows: a creator's post, or the advertiser's own video and identity. */
    private record Face(
            String identityId,
            String displayName,
            String avatarUrl,
            String caption,
            String videoUrl,
            String posterUrl,
            String profileUrl) {}

    private DeliverableAd deliverable(DeliverableRow row, Instant end, ZoneId zone, Face face) {
        boolean website = !Ad.leadsToProfile(row.spark(), row.pageCategory(), row.landingPageUrl());
        AdGroup g = row.adGroup();
        return new DeliverableAd(
                new AdLineage(row.adId(), g.id(), g.campaignId(), g.advertiserId()),
                row.spark() ? row.itemId() : null,
                row.spark(),
                g.placement().name(),
                countries(g.locationIds()),
                Set.copyOf(g.ageGroups()),
                genders(g.gender()),
                Set.copyOf(g.languages()),
                Set.copyOf(g.interestCategoryIds()),
                Set.copyOf(g.operatingSystems()),
                row.start(),
                end,
                g.billingEvent().name(),
                g.bidPrice(),
                new Creative(
                        face.identityId(),
                        face.displayName(),
                        face.avatarUrl(),
                        face.caption(),
                        face.videoUrl(),
                        face.posterUrl(),
                        row.cta(),
                        website ? "WEBSITE" : "PROFILE_PAGE",
                        website ? row.landingPageUrl() : face.profileUrl()),
                g.frequency(),
                g.frequencySchedule(),
                g.dayparting(),
                g.topviewDailyImpressions(),
                zone,
                BudgetMode.valueOf(row.campaignBudgetMode()).limited() || g.budgetMode().limited(),
                new Budget(BudgetMode.valueOf(row.campaignBudgetMode()), row.campaignBudget()),
                new Budget(g.budgetMode(), g.budget()),
                g.pacing().name(),
                g.optimizationGoal().name());
    }

    private static Set<String> countries(List<String> locations) {
        return locations.stream().map(Locations::country).collect(Collectors.toUnmodifiableSet());
    }

    private static Set<String> genders(String gender) {
        return gender.equals("GENDER_UNLIMITED")
                ? Set.of()
                : Set.of(gender.substring("GENDER_".length()));
    }

    private static Instant earlier(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
