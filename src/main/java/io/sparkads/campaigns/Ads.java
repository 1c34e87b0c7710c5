package io.sparkads.campaigns;

import io.sparkads.authorization.SparkPost;
import io.sparkads.campaigns.CreativeChecks.CheckedCreative;
import io.sparkads.common.PageRequest;
import io.sparkads.common.Refusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ads: Spark ads built on authorized posts, and non-Spark ads under the advertiser's own identity;
 * creating, changing, listing and pausing them. {@link CreativeChecks} checks each creative, {@link
 * AdReviews} records the review's outcome, delivery reads {@link DeliverableAds}, and {@link
 * AdRevocations} stops ads whose post may no longer be used.
 */
@Service
public class Ads {
    public static final int MAX_CREATIVES_PER_REQUEST = 20;

    /** The identity types an ad may be created under; see {@link IdentityType}. */
    public static final Set<String> IDENTITY_TYPES = IdentityType.forAds();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SparkAdQuota quota;
    private final StatusChanges statusChanges;
    private final AdGroups adGroups;
    private final CreativeChecks checks;
    private final ShownPosts shownPosts;
    private final AdRowMapper rowMapper;
    private final NewAdRows newAdRows;
    private final ApplicationEventPublisher events;

    Ads(
            JdbcClient jdbc,
            Clock clock,
            SparkAdQuota quota,
            StatusChanges statusChanges,
            AdGroups adGroups,
            CreativeChecks checks,
            ShownPosts shownPosts,
            AdRowMapper rowMapper,
            NewAdRows newAdRows,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.quota = quota;
        this.statusChanges = statusChanges;
        this.adGroups = adGroups;
        this.checks = checks;
        this.shownPosts = shownPosts;
        this.rowMapper = rowMapper;
        this.newAdRows = newAdRows;
        this.events = events;
    }

    /**
     * A new ad, or the changes to one. A Spark ad names a post ({@code tiktokItemId}) under an
     * {@code AUTH_CODE} or {@code TT_USER} identity; a pushed video names an uploaded {@code
     * videoId} under a {@code TT_USER} identity with push permission; a non-Spark ad names a {@code
     * videoId} under a {@code CUSTOMIZED_USER} identity, with its own text.
     */
    public record NewAd(
            String adName,
            String identityType,
            String identityId,
            Long tiktokItemId,
            String adText,
            String callToAction,
            String landingPageUrl,
            Long videoId,
            String tiktokPageCategory) {

        /** An ad that leads where its landing page or identity says, with no page category. */
        public NewAd(
                String adName,
                String identityType,
                String identityId,
                Long tiktokItemId,
                String adText,
                String callToAction,
                String landingPageUrl,
                Long videoId) {
            this(
                    adName,
                    identityType,
                    identityId,
                    tiktokItemId,
                    adText,
                    callToAction,
                    landingPageUrl,
                    videoId,
                    null);
        }
    }

    /**
     * Creates all the ads or none; they wait in review together. Every draft is checked first (a
     * post several of them show is looked up once), the ads are written in one statement, and the
     * places in the Spark Ads quota are taken last: the account's quota row then stays locked only
     * until the commit, so concurrent requests of one account do not queue behind each other's
     * checks and writes.
     */
    @Transactional
    public List<Ad> create(long advertiserId, long adgroupId, List<NewAd> drafts) {
        AdGroup adGroup = adGroups.get(advertiserId, adgroupId);
        if (drafts == null || drafts.isEmpty()) {
            throw Refusal.invalid("creatives must hold at least one ad");
        }
        if (drafts.size() > MAX_CREATIVES_PER_REQUEST) {
            throw Refusal.invalid(
                    "creatives may hold at most " + MAX_CREATIVES_PER_REQUEST + " ads per request");
        }
        int sparkAds =
                (int)
                        drafts.stream()
                                .filter(
                                        d ->
                                                d != null
                                                        && !IdentityType.CUSTOMIZED_USER.is(
                                                                d.identityType()))
                                .count();
        quota.check(advertiserId, sparkAds);
        Function<NewAd, CheckedCreative> check = checks.forRequest(advertiserId);
        List<NewAdRows.Row> rows = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            NewAd draft = drafts.get(i);
            try {
                CheckedCreative creative = check.apply(draft);
                checks.checkVideoFitsPlacement(advertiserId, adGroup, draft.videoId());
                rows.add(
                        new NewAdRows.Row(
                                draft,
                                creative,
                                checks.checkDestination(adGroup, draft, creative.spark())));
            } catch (Refusal refusal) {
                throw new Refusal(refusal.kind(), "creatives[" + i + "]." + refusal.getMessage());
            }
        }
        List<Long> ids = newAdRows.insert(advertiserId, adGroup, rows, clock.instant());
        events.publishEvent(new AdsSubmittedForReview(advertiserId, ids));
        List<Ad> created = getAll(advertiserId, ids);
        quota.take(advertiserId, sparkAds);
        return created;
    }

    /** The ads, in the order of their ids. */
    private List<Ad> getAll(long advertiserId, List<Long> adIds) {
        Map<Long, Ad> byId = new HashMap<>();
        jdbc.sql(AdRowMapper.SELECT + " where a.id in (:ids) and a.advertiser_id = :advertiser")
                .param("ids", adIds)
                .param("advertiser", advertiserId)
                .query(rowMapper)
                .list()
                .forEach(ad -> byId.put(ad.id(), ad));
        return adIds.stream().map(byId::get).toList();
    }

    /**
     * Changes an ad. A new name changes only the name; any change of the creative (post, identity,
     * call to action, landing page) sends the ad back to review, and it stops delivering until it
     * passes again.
     */
    @Transactional
    public Ad update(long advertiserId, long adId, NewAd patch) {
        Ad ad = get(advertiserId, adId);
        NewAd merged =
                new NewAd(
                        patch.adName() != null ? patch.adName() : ad.adName(),
                        patch.identityType() != null ? patch.identityType() : ad.identityType(),
                        patch.identityId() != null ? patch.identityId() : ad.identityId(),
                        patch.tiktokItemId() != null ? patch.tiktokItemId() : ad.tiktokItemId(),
                        patch.adText(),
                        patch.callToAction() != null ? patch.callToAction() : ad.callToAction(),
                        patch.landingPageUrl() != null
                                ? patch.landingPageUrl()
                                : ad.landingPageUrl(),
                        patch.videoId() != null ? patch.videoId() : ad.videoId(),
                        patch.tiktokPageCategory() != null
                                ? patch.tiktokPageCategory()
                                : ad.tiktokPageCategory());
        boolean creativeChanged =
                !merged.identityType().equals(ad.identityType())
                        || !merged.identityId().equals(ad.identityId())
                        || !Objects.equals(merged.tiktokItemId(), ad.tiktokItemId())
                        || !Objects.equals(merged.videoId(), ad.videoId())
                        || (patch.adText() != null && !patch.adText().equals(ad.adText()))
                        || !Objects.equals(merged.callToAction(), ad.callToAction())
                        || !Objects.equals(merged.landingPageUrl(), ad.landingPageUrl())
                        || !Objects.equals(merged.tiktokPageCategory(), ad.tiktokPageCategory());
        if (creativeChanged
                && ad.spark() != !IdentityType.CUSTOMIZED_USER.is(merged.identityType())) {
            throw Refusal.invalid(
                    "an ad cannot change between Spark and non-Spark; create a new ad instead");
        }
        if (ad.authorizationStatus() != Ad.AuthorizationStatus.OK && !creativeChanged) {
            throw Refusal.conflict(
                    "Ad "
                            + adId
                            + " lost its post's authorization; give it another post to run again");
        }
        CheckedCreative creative = creativeChanged ? checks.check(advertiserId, merged) : null;
        String pageCategory = ad.tiktokPageCategory();
        if (creativeChanged) {
            AdGroup adGroup = adGroups.get(advertiserId, ad.adgroupId());
            checks.checkVideoFitsPlacement(advertiserId, adGroup, merged.videoId());
            pageCategory = checks.checkDestination(adGroup, merged, creative.spark());
        }
        Check.name("ad_name", merged.adName());
        jdbc.sql(
                        """
                        update ads set ad_name = ?, identity_type = ?, identity_id = ?, tiktok_item_id = ?, video_id = ?, ad_text = coalesce(?, ad_text),
                            call_to_action = ?, landing_page_url = ?, tiktok_page_category = ?, modify_time = ?,
                            review_status = case when ? then 'PENDING' else review_status end,
                            reject_reason = case when ? then null else reject_reason end,
                            authorization_status = case when ? then 'OK' else authorization_status end,
                            authorization_reason = case when ? then null else authorization_reason end
                        where id = ?
                        """)
                .params(
                        merged.adName().strip(),
                        merged.identityType(),
                        merged.identityId(),
                        merged.tiktokItemId(),
                        merged.videoId(),
                        creative == null ? null : creative.text(),
                        merged.callToAction(),
                        merged.landingPageUrl(),
                        pageCategory,
                        Timestamp.from(clock.instant()),
                        creativeChanged,
                        creativeChanged,
                        creativeChanged,
                        creativeChanged,
                        adId)
                .update();
        if (creativeChanged) {
            events.publishEvent(new AdsSubmittedForReview(advertiserId, List.of(adId)));
            events.publishEvent(new AdsChanged(Set.of(adId)));
        }
        return get(advertiserId, adId);
    }

    /** Updates several ads, all or none. */
    @Transactional
    public List<Ad> updateAll(long advertiserId, LinkedHashMap<Long, NewAd> patches) {
        List<Ad> updated = new ArrayList<>();
        int i = 0;
        for (var patch : patches.entrySet()) {
            try {
                updated.add(update(advertiserId, patch.getKey(), patch.getValue()));
            } catch (Refusal refusal) {
                throw new Refusal(refusal.kind(), "creatives[" + i + "]: " + refusal.getMessage());
            }
            i++;
        }
        return updated;
    }

    /** The post a Spark ad shows, as the ad's account may use it now; empty when it may not. */
    public Optional<SparkPost> sparkPostOf(Ad ad) {
        if (!ad.spark() || ad.tiktokItemId() == null) {
            return Optional.empty();
        }
        return shownPosts.shown(
                ad.advertiserId(), ad.identityType(), ad.tiktokItemId(), ad.videoId());
    }

    public Ad get(long advertiserId, long adId) {
        return jdbc.sql(
                        AdRowMapper.SELECT
                                + " where a.id = ? and a.advertiser_id = ? and a.operation_status <> 'DELETE'")
                .params(adId, advertiserId)
                .query(rowMapper)
                .optional()
                .orElseThrow(
                        () -> Refusal.notFound("No ad " + adId + " in advertiser " + advertiserId));
    }

    /** An ad by id alone, for modules that act on it by id (review). */
    public Optional<Ad> find(long adId) {
        return jdbc.sql(AdRowMapper.SELECT + " where a.id = ?")
                .param(adId)
                .query(rowMapper)
                .optional();
    }

    /** Ads by id alone, for modules that act on many at once (review); gone ones are left out. */
    public List<Ad> findAll(Collection<Long> adIds) {
        return adIds.isEmpty()
                ? List.of()
                : jdbc.sql(AdRowMapper.SELECT + " where a.id in (:ids) order by a.id")
                        .param("ids", adIds)
                        .query(rowMapper)
                        .list();
    }

    public record AdListFilter(
            Collection<Long> campaignIds, Collection<Long> adgroupIds, Collection<Long> adIds) {}

    public List<Ad> list(long advertiserId, AdListFilter filter, PageRequest page) {
        return filtered(advertiserId, filter).page(AdRowMapper.SELECT, "a.", page, rowMapper);
    }

    public long count(long advertiserId, AdListFilter filter) {
        return filtered(advertiserId, filter).count();
    }

    private static final String FILTER =
            """
             where a.advertiser_id = :advertiser and a.operation_status <> 'DELETE'
               and (:allCampaigns or a.campaign_id in (:campaigns))
               and (:allAdgroups or a.adgroup_id in (:adgroups))
               and (:allAds or a.id in (:ads))
            """;

    private FilteredRows filtered(long advertiserId, AdListFilter filter) {
        return new FilteredRows(jdbc, "ads a", FILTER, filterParams(advertiserId, filter));
    }

    private static Map<String, Object> filterParams(long advertiserId, AdListFilter filter) {
        return Map.of(
                "advertiser",
                advertiserId,
                "allCampaigns",
                filter.campaignIds().isEmpty(),
                "campaigns",
                filter.campaignIds().isEmpty() ? List.of(0L) : filter.campaignIds(),
                "allAdgroups",
                filter.adgroupIds().isEmpty(),
                "adgroups",
                filter.adgroupIds().isEmpty() ? List.of(0L) : filter.adgroupIds(),
                "allAds",
                filter.adIds().isEmpty(),
                "ads",
                filter.adIds().isEmpty() ? List.of(0L) : filter.adIds());
    }

    @Transactional
    public void updateStatus(long advertiserId, Collection<Long> adIds, OperationStatus status) {
        statusChanges.change(advertiserId, StatusChanges.Level.ADS, adIds, status);
    }

    /**
     * The ad account's ads, deleted ones too (their figures stay in reports), by where a tap leads:
     * the identity's profile page (the Profile Landing Page) or a website.
     */
    public record AdsByDestination(List<Long> profilePage, List<Long> website) {}

    public AdsByDestination byDestination(long advertiserId) {
        List<Long> profile = new ArrayList<>();
        List<Long> website = new ArrayList<>();
        jdbc.sql(
                        "select id, is_spark, tiktok_page_category, landing_page_url from ads where advertiser_id = ? order by id")
                .param(advertiserId)
                .query(
                        rs -> {
                            boolean toProfile =
                                    Ad.leadsToProfile(
                                            rs.getBoolean("is_spark"),
                                            rs.getString("tiktok_page_category"),
                                            rs.getString("landing_page_url"));
                            (toProfile ? profile : website).add(rs.getLong("id"));
                        });
        return new AdsByDestination(profile, website);
    }

    /** Every ad ever made with the post, of any advertiser, oldest first. */
    public List<Ad> ofItem(long itemId) {
        return jdbc.sql(
                        AdRowMapper.SELECT
                                + " where a.tiktok_item_id = ? order by a.create_time, a.id")
                .param(itemId)
                .query(rowMapper)
                .list();
    }
}
