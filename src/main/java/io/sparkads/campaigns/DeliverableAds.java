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
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
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
        return jdbc
                .sql(DELIVERABLE + " and a.id = ?")
                .param(adId)
                .query((rs, n) -> deliverableRow(rs))
                .list()
                .stream()
                .flatMap(row -> toDeliverable(row).stream())
                .findFirst();
    }

    public List<DeliverableAd> allDeliverable() {
        return jdbc.sql(DELIVERABLE).query((rs, n) -> deliverableRow(rs)).list().stream()
                .flatMap(row -> toDeliverable(row).stream())
                .toList();
    }

    private static final String DELIVERABLE =
            """
            select a.id, a.advertiser_id, a.campaign_id, a.adgroup_id, a.tiktok_item_id, a.is_spark, a.identity_type, a.call_to_action,
                   a.identity_id, a.video_id, a.ad_text,
                   a.landing_page_url, g.placement, g.location_ids, g.age_groups, g.gender, g.languages,
                   g.interest_category_ids, g.operating_systems, g.schedule_start_time, g.schedule_end_time,
                   g.billing_event, g.bid_price, g.frequency, g.frequency_schedule, g.dayparting, g.topview_daily_impressions,
                   c.budget_mode as campaign_budget_mode, c.budget as campaign_budget, g.budget_mode as adgroup_budget_mode,
                   g.budget as adgroup_budget
            from ads a join adgroups g on g.id = a.adgroup_id join campaigns c on c.id = a.campaign_id
            where a.operation_status = 'ENABLE' and g.operation_status = 'ENABLE' and c.operation_status = 'ENABLE'
              and a.review_status = 'APPROVED' and a.authorization_status = 'OK'
            """;

    private record DeliverableRow(
            long adId,
            long advertiserId,
            long campaignId,
            long adgroupId,
            Long itemId,
            boolean spark,
            String identityType,
            String cta,
            String landingPageUrl,
            String placement,
            List<String> regions,
            List<String> ageGroups,
            String gender,
            List<String> languages,
            List<String> interests,
            List<String> os,
            Instant start,
            Instant end,
            String billingEvent,
            BigDecimal bidPrice,
            String identityId,
            Long videoId,
            String adText,
            Integer frequency,
            Integer frequencySchedule,
            String dayparting,
            Integer topviewDailyImpressions,
            String campaignBudgetMode,
            BigDecimal campaignBudget,
            String adgroupBudgetMode,
            BigDecimal adgroupBudget) {}

    private static DeliverableRow deliverableRow(ResultSet rs) throws SQLException {
        return new DeliverableRow(
                rs.getLong("id"),
                rs.getLong("advertiser_id"),
                rs.getLong("campaign_id"),
                rs.getLong("adgroup_id"),
                (Long) rs.getObject("tiktok_item_id"),
                rs.getBoolean("is_spark"),
                rs.getString("identity_type"),
                rs.getString("call_to_action"),
                rs.getString("landing_page_url"),
                rs.getString("placement"),
                AdGroups.strings(rs.getArray("location_ids")),
                AdGroups.strings(rs.getArray("age_groups")),
                rs.getString("gender"),
                AdGroups.strings(rs.getArray("languages")),
                AdGroups.strings(rs.getArray("interest_category_ids")),
                AdGroups.strings(rs.getArray("operating_systems")),
                rs.getTimestamp("schedule_start_time").toInstant(),
                instantOrNull(rs.getTimestamp("schedule_end_time")),
                rs.getString("billing_event"),
                rs.getBigDecimal("bid_price"),
                rs.getString("identity_id"),
                (Long) rs.getObject("video_id"),
                rs.getString("ad_text"),
                (Integer) rs.getObject("frequency"),
                (Integer) rs.getObject("frequency_schedule"),
                rs.getString("dayparting"),
                (Integer) rs.getObject("topview_daily_impressions"),
                rs.getString("campaign_budget_mode"),
                rs.getBigDecimal("campaign_budget"),
                rs.getString("adgroup_budget_mode"),
                rs.getBigDecimal("adgroup_budget"));
    }

    private Optional<DeliverableAd> toDeliverable(DeliverableRow row) {
        if (budgets.state(
                        row.campaignId(),
                        row.campaignBudgetMode(),
                        row.campaignBudget(),
                        row.adgroupId(),
                        row.adgroupBudgetMode(),
                        row.adgroupBudget(),
                        advertisers.timezone(row.advertiserId()))
                != Budgets.State.OK) {
            return Optional
                    .empty(); // the budget is used up: nothing more is spent today, or at all
        }
        if (!row.spark()) {
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
                shownPosts.shown(
                        row.advertiserId(), row.identityType(), row.itemId(), row.videoId());
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

    private DeliverableAd deliverable(DeliverableRow row, Instant end, Face face) {
        boolean website = row.landingPageUrl() != null;
        return new DeliverableAd(
                new AdLineage(row.adId(), row.adgroupId(), row.campaignId(), row.advertiserId()),
                row.spark() ? row.itemId() : null,
                row.spark(),
                row.placement(),
                countries(row.regions()),
                Set.copyOf(row.ageGroups()),
                genders(row.gender()),
                Set.copyOf(row.languages()),
                Set.copyOf(row.interests()),
                Set.copyOf(row.os()),
                row.start(),
                end,
                row.billingEvent(),
                row.bidPrice(),
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
                row.frequency(),
                row.frequencySchedule(),
                row.dayparting(),
                row.topviewDailyImpressions(),
                advertisers.timezone(row.advertiserId()),
                BudgetMode.valueOf(row.campaignBudgetMode()).limited()
                        || BudgetMode.valueOf(row.adgroupBudgetMode()).limited());
    }

    private static Set<String> countries(List<String> locations) {
        return locations.stream().map(Locations::country).collect(Collectors.toUnmodifiableSet());
    }

    private static Set<String> genders(String gender) {
        return gender.equals("GENDER_UNLIMITED")
                ? Set.of()
                : Set.of(gender.substring("GENDER_".length()));
    }

    private static Instant instantOrNull(Timestamp time) {
        return time == null ? null : time.toInstant();
    }

    private static Instant earlier(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
