package io.sparkads.campaigns;

import io.sparkads.authorization.AccountLinks;
import io.sparkads.authorization.AccountUnlinked;
import io.sparkads.authorization.SparkAuthorizationRevoked;
import io.sparkads.authorization.SparkAuthorizations;
import io.sparkads.authorization.SparkPost;
import io.sparkads.common.Ids;
import io.sparkads.common.PageRequest;
import io.sparkads.common.Refusal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Ads: Spark ads built on authorized posts, their review outcome, and what may deliver. */
@Service
public class Ads {
    public static final int MAX_CREATIVES_PER_REQUEST = 20;

    /** Identities whose posts run as Spark ads: an applied code, or a linked account. */
    public static final Set<String> SPARK_IDENTITIES = Set.of("AUTH_CODE", "TT_USER");

    public static final Set<String> IDENTITY_TYPES =
            Set.of("AUTH_CODE", "TT_USER", "CUSTOMIZED_USER");
    public static final Set<String> CALLS_TO_ACTION =
            Set.of(
                    "LEARN_MORE",
                    "SHOP_NOW",
                    "SIGN_UP",
                    "DOWNLOAD_NOW",
                    "CONTACT_US",
                    "APPLY_NOW",
                    "BOOK_NOW",
                    "WATCH_NOW",
                    "ORDER_NOW",
                    "GET_QUOTE",
                    "SUBSCRIBE",
                    "PLAY_GAME",
                    "READ_MORE",
                    "VIEW_NOW",
                    "INSTALL_NOW",
                    "LISTEN_NOW",
                    "INTERESTED",
                    "GET_TICKETS_NOW",
                    "VISIT_STORE",
                    "VIEW_PROFILE");

    private static final String SELECT =
            """
            select a.*, g.operation_status as adgroup_status, g.schedule_start_time, g.schedule_end_time,
                   c.operation_status as campaign_status, c.budget_mode as campaign_budget_mode,
                   c.budget as campaign_budget, g.budget_mode as adgroup_budget_mode, g.budget as adgroup_budget
            from ads a join adgroups g on g.id = a.adgroup_id join campaigns c on c.id = a.campaign_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SparkAdQuota quota;
    private final AdDeletions deletions;
    private final Budgets budgets;
    private final AdGroups adGroups;
    private final SparkAuthorizations authorizations;
    private final AccountLinks links;
    private final CustomIdentities customIdentities;
    private final io.sparkads.accounts.Advertisers advertisers;
    private final io.sparkads.content.VideoFiles videos;
    private final io.sparkads.content.Posts posts;
    private final ApplicationEventPublisher events;

    Ads(
            JdbcClient jdbc,
            Clock clock,
            SparkAdQuota quota,
            AdDeletions deletions,
            Budgets budgets,
            AdGroups adGroups,
            SparkAuthorizations authorizations,
            AccountLinks links,
            CustomIdentities customIdentities,
            io.sparkads.accounts.Advertisers advertisers,
            io.sparkads.content.VideoFiles videos,
            io.sparkads.content.Posts posts,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.quota = quota;
        this.deletions = deletions;
        this.budgets = budgets;
        this.adGroups = adGroups;
        this.authorizations = authorizations;
        this.links = links;
        this.customIdentities = customIdentities;
        this.advertisers = advertisers;
        this.videos = videos;
        this.posts = posts;
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
            Long videoId) {

        public NewAd(
                String adName,
                String identityType,
                String identityId,
                Long tiktokItemId,
                String adText,
                String callToAction,
                String landingPageUrl) {
            this(
                    adName,
                    identityType,
                    identityId,
                    tiktokItemId,
                    adText,
                    callToAction,
                    landingPageUrl,
                    null);
        }
    }

    /** Creates all the ads or none; each waits in review. */
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
        Instant now = clock.instant();
        quota.take(
                advertiserId,
                (int)
                        drafts.stream()
                                .filter(
                                        d ->
                                                d != null
                                                        && !"CUSTOMIZED_USER"
                                                                .equals(d.identityType()))
                                .count());
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            NewAd draft = drafts.get(i);
            String at = "creatives[" + i + "].";
            try {
                ids.add(insert(advertiserId, adGroup, draft, now));
            } catch (Refusal refusal) {
                throw new Refusal(refusal.kind(), at + refusal.getMessage());
            }
        }
        ids.forEach(id -> events.publishEvent(new AdSubmittedForReview(id, advertiserId)));
        return ids.stream().map(id -> get(advertiserId, id)).toList();
    }

    private long insert(long advertiserId, AdGroup adGroup, NewAd draft, Instant now) {
        Creative creative = checkCreative(advertiserId, draft);
        checkVideoFitsPlacement(advertiserId, adGroup, draft.videoId());
        long id = Ids.next();
        jdbc.sql(
                        """
                        insert into ads (id, advertiser_id, campaign_id, adgroup_id, ad_name, identity_type, identity_id,
                            tiktok_item_id, video_id, is_spark, ad_text, call_to_action, landing_page_url, operation_status,
                            review_status, create_time, modify_time)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ENABLE', 'PENDING', ?, ?)
                        """)
                .params(
                        id,
                        advertiserId,
                        adGroup.campaignId(),
                        adGroup.id(),
                        draft.adName().strip(),
                        draft.identityType(),
                        draft.identityId(),
                        draft.tiktokItemId(),
                        draft.videoId(),
                        creative.spark(),
                        creative.text(),
                        creative.callToAction(),
                        draft.landingPageUrl(),
                        Timestamp.from(now),
                        Timestamp.from(now))
                .update();
        return id;
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
                        patch.videoId() != null ? patch.videoId() : ad.videoId());
        boolean creativeChanged =
                !merged.identityType().equals(ad.identityType())
                        || !merged.identityId().equals(ad.identityId())
                        || !java.util.Objects.equals(merged.tiktokItemId(), ad.tiktokItemId())
                        || !java.util.Objects.equals(merged.videoId(), ad.videoId())
                        || (patch.adText() != null && !patch.adText().equals(ad.adText()))
                        || !java.util.Objects.equals(merged.callToAction(), ad.callToAction())
                        || !java.util.Objects.equals(merged.landingPageUrl(), ad.landingPageUrl());
        if (creativeChanged && ad.spark() != !"CUSTOMIZED_USER".equals(merged.identityType())) {
            throw Refusal.invalid(
                    "an ad cannot change between Spark and non-Spark; create a new ad instead");
        }
        if (ad.authorizationStatus() != Ad.AuthorizationStatus.OK && !creativeChanged) {
            throw Refusal.conflict(
                    "Ad "
                            + adId
                            + " lost its post's authorization; give it another post to run again");
        }
        Creative creative = creativeChanged ? checkCreative(advertiserId, merged) : null;
        if (creativeChanged) {
            checkVideoFitsPlacement(
                    advertiserId, adGroups.get(advertiserId, ad.adgroupId()), merged.videoId());
        }
        Check.name("ad_name", merged.adName());
        jdbc.sql(
                        """
                        update ads set ad_name = ?, identity_type = ?, identity_id = ?, tiktok_item_id = ?, video_id = ?, ad_text = coalesce(?, ad_text),
                            call_to_action = ?, landing_page_url = ?, modify_time = ?,
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
                        Timestamp.from(clock.instant()),
                        creativeChanged,
                        creativeChanged,
                        creativeChanged,
                        creativeChanged,
                        adId)
                .update();
        if (creativeChanged) {
            events.publishEvent(new AdSubmittedForReview(adId, advertiserId));
            events.publishEvent(new AdsChanged(Set.of(adId)));
        }
        return get(advertiserId, adId);
    }

    /** Updates several ads, all or none. */
    @Transactional
    public List<Ad> updateAll(long advertiserId, java.util.LinkedHashMap<Long, NewAd> patches) {
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

    private record Creative(boolean spark, String text, String callToAction) {}

    /** Every upload fits In-Feed; TopView takes only 9:16 videos of 5 to 60 seconds. */
    private void checkVideoFitsPlacement(long advertiserId, AdGroup adGroup, Long videoId) {
        if (videoId != null && adGroup.placement() == AdPlacement.TOPVIEW) {
            videos.get(advertiserId, videoId)
                    .topViewProblem()
                    .ifPresent(
                            problem -> {
                                throw Refusal.invalid(
                                        "video_id "
                                                + videoId
                                                + " cannot run in a TopView ad group: "
                                                + problem);
                            });
        }
    }

    /**
     * Checks a creative: what it shows is this ad account's to show, through the identity named.
     */
    private Creative checkCreative(long advertiserId, NewAd draft) {
        Check.name("ad_name", draft.adName());
        if (draft.identityType() == null) {
            throw Refusal.invalid(
                    "identity_type is required: AUTH_CODE (an applied code), TT_USER (a linked account) or CUSTOMIZED_USER (non-Spark)");
        }
        Check.oneOf("identity_type", draft.identityType(), IDENTITY_TYPES);
        if (draft.identityId() == null || draft.identityId().isBlank()) {
            throw Refusal.invalid("identity_id is required");
        }
        if (draft.adText() != null && draft.adText().length() > 100) {
            throw Refusal.invalid("ad_text must be at most 100 characters");
        }
        String cta = draft.callToAction() == null ? "LEARN_MORE" : draft.callToAction();
        Check.oneOf("call_to_action", cta, CALLS_TO_ACTION);
        if (draft.landingPageUrl() != null) {
            Check.httpsUrl("landing_page_url", draft.landingPageUrl());
        }
        if (draft.identityType().equals("CUSTOMIZED_USER")) {
            return checkNonSpark(advertiserId, draft, cta);
        }
        if (draft.tiktokItemId() == null
                && draft.videoId() != null
                && draft.identityType().equals("TT_USER")) {
            return checkPushedVideo(advertiserId, draft, cta);
        }
        if (draft.tiktokItemId() == null) {
            throw Refusal.invalid(
                    "tiktok_item_id is required for a Spark ad"
                            + (draft.identityType().equals("TT_USER")
                                    ? ", or a video_id to push a new video"
                                    : ""));
        }
        if (draft.videoId() != null) {
            throw Refusal.invalid(
                    "a Spark ad shows its post: give tiktok_item_id or video_id, not both");
        }
        SparkPost post =
                sparkPost(advertiserId, draft.identityType(), draft.tiktokItemId())
                        .orElseThrow(
                                () ->
                                        Refusal.invalid(
                                                "tiktok_item_id "
                                                        + draft.tiktokItemId()
                                                        + " is not authorized to this ad account"
                                                        + (draft.identityType().equals("AUTH_CODE")
                                                                ? "; apply the creator's authorization code first"
                                                                : "; link the creator's account with PULL_POSTS first")));
        if (!post.isUsable()) {
            throw Refusal.conflict(
                    "The authorization of post "
                            + draft.tiktokItemId()
                            + " is "
                            + post.status().name().toLowerCase()
                            + (post.post().isSparkAvailable()
                                    ? ""
                                    : " or the post is no longer public"));
        }
        if (!draft.identityId().equals(String.valueOf(post.account().id()))) {
            throw Refusal.invalid(
                    "identity_id "
                            + draft.identityId()
                            + " does not own post "
                            + draft.tiktokItemId()
                            + "; its identity is "
                            + post.account().id());
        }
        // A Spark ad's text is the post's caption; the advertiser cannot override it.
        return new Creative(true, post.post().caption(), cta);
    }

    private Creative checkNonSpark(long advertiserId, NewAd draft, String cta) {
        if (draft.tiktokItemId() != null) {
            throw Refusal.invalid(
                    "tiktok_item_id belongs to Spark ads; a CUSTOMIZED_USER ad shows an uploaded video_id");
        }
        customIdentities.get(advertiserId, identityNumber(draft.identityId()));
        if (draft.videoId() == null) {
            throw Refusal.invalid(
                    "video_id is required for a non-Spark ad: upload the video with file/video/ad/upload");
        }
        videos.get(advertiserId, draft.videoId());
        if (draft.adText() == null || draft.adText().isBlank()) {
            throw Refusal.invalid("ad_text is required for a non-Spark ad, at most 100 characters");
        }
        return new Creative(false, draft.adText().strip(), cta);
    }

    private Creative checkPushedVideo(long advertiserId, NewAd draft, String cta) {
        long accountId = identityNumber(draft.identityId());
        if (links.active(advertiserId, accountId)
                .filter(l -> l.allows(io.sparkads.authorization.LinkPermission.PUSH_VIDEOS))
                .isEmpty()) {
            throw Refusal.invalid(
                    "identity_id "
                            + accountId
                            + " is not linked to this ad account with PUSH_VIDEOS");
        }
        io.sparkads.content.VideoFile video = videos.get(advertiserId, draft.videoId());
        if (video.durationMs() == null) {
            throw Refusal.invalid(
                    "video_id "
                            + video.id()
                            + " has no readable duration; push an MP4 or MOV video");
        }
        return new Creative(true, draft.adText() == null ? "" : draft.adText().strip(), cta);
    }

    private static long identityNumber(String raw) {
        Long id = io.sparkads.common.Ids.parse(raw);
        if (id == null) {
            throw Refusal.invalid("identity_id must be a numeric id; was '" + raw + "'");
        }
        return id;
    }

    /** The post a Spark ad shows, as the ad's account may use it now; empty when it may not. */
    public Optional<SparkPost> sparkPostOf(Ad ad) {
        if (!ad.spark() || ad.tiktokItemId() == null) {
            return Optional.empty();
        }
        return shownPost(ad.advertiserId(), ad.identityType(), ad.tiktokItemId(), ad.videoId());
    }

    /**
     * The post a Spark ad shows, as its ad account may use it: a video the advertiser pushed needs
     * the link's push permission, any other post an applied code or the link's pull permission.
     */
    private Optional<SparkPost> shownPost(
            long advertiserId, String identityType, long itemId, Long videoId) {
        return videoId != null
                ? links.linkedPost(
                        advertiserId, itemId, io.sparkads.authorization.LinkPermission.PUSH_VIDEOS)
                : sparkPost(advertiserId, identityType, itemId);
    }

    /** The post as this ad account may use it through the given kind of identity. */
    private Optional<SparkPost> sparkPost(long advertiserId, String identityType, long itemId) {
        return identityType.equals("TT_USER")
                ? links.linkedPost(advertiserId, itemId)
                : authorizations.bound(advertiserId, itemId);
    }

    public Ad get(long advertiserId, long adId) {
        return jdbc.sql(
                        SELECT
                                + " where a.id = ? and a.advertiser_id = ? and a.operation_status <> 'DELETE'")
                .params(adId, advertiserId)
                .query((rs, n) -> toAd(rs))
                .optional()
                .orElseThrow(
                        () -> Refusal.notFound("No ad " + adId + " in advertiser " + advertiserId));
    }

    /** An ad by id alone, for modules that act on it by id (review). */
    public Optional<Ad> find(long adId) {
        return jdbc.sql(SELECT + " where a.id = ?")
                .param(adId)
                .query((rs, n) -> toAd(rs))
                .optional();
    }

    public record AdListFilter(
            Collection<Long> campaignIds, Collection<Long> adgroupIds, Collection<Long> adIds) {}

    public List<Ad> list(long advertiserId, AdListFilter filter, PageRequest page) {
        return jdbc.sql(
                        SELECT
                                + FILTER
                                + " order by a.create_time desc, a.id desc limit :limit offset :offset")
                .params(filterParams(advertiserId, filter))
                .param("limit", page.pageSize())
                .param("offset", page.offset())
                .query((rs, n) -> toAd(rs))
                .list();
    }

    public long count(long advertiserId, AdListFilter filter) {
        return jdbc.sql("select count(*) from ads a" + FILTER)
                .params(filterParams(advertiserId, filter))
                .query(Long.class)
                .single();
    }

    private static final String FILTER =
            """
             where a.advertiser_id = :advertiser and a.operation_status <> 'DELETE'
               and (:allCampaigns or a.campaign_id in (:campaigns))
               and (:allAdgroups or a.adgroup_id in (:adgroups))
               and (:allAds or a.id in (:ads))
            """;

    private static java.util.Map<String, Object> filterParams(
            long advertiserId, AdListFilter filter) {
        return java.util.Map.of(
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
        Check.notEmpty("ad_ids", adIds);
        for (long id : adIds) {
            get(advertiserId, id);
        }
        if (status == OperationStatus.DELETE) {
            deletions.delete(advertiserId, AdDeletions.Scope.ADS, adIds);
        } else {
            jdbc.sql(
                            "update ads set operation_status = :status, modify_time = :now where id in (:ids)")
                    .param("status", status.name())
                    .param("now", Timestamp.from(clock.instant()))
                    .param("ids", adIds)
                    .update();
        }
        events.publishEvent(new AdsChanged(new HashSet<>(adIds)));
    }

    /** The reviewer's decision; only a pending ad can be decided. */
    @Transactional
    public void recordReview(long adId, boolean approved, String reason) {
        int updated =
                jdbc.sql(
                                "update ads set review_status = ?, reject_reason = ?, modify_time = ? where id = ? and review_status = 'PENDING'")
                        .params(
                                approved ? "APPROVED" : "REJECTED",
                                approved ? null : reason,
                                Timestamp.from(clock.instant()),
                                adId)
                        .update();
        if (updated == 0) {
            throw Refusal.conflict("Ad " + adId + " is not waiting for review");
        }
        if (approved) {
            Optional<Ad> ad = find(adId);
            // An approved ad's uploaded video plays for anyone holding its URL, as a host app does.
            ad.filter(a -> a.videoId() != null)
                    .ifPresent(a -> videos.publish(a.advertiserId(), a.videoId()));
            ad.filter(a -> a.spark() && a.tiktokItemId() == null && a.videoId() != null)
                    .ifPresent(this::publishPushedVideo);
        }
        events.publishEvent(new AdsChanged(Set.of(adId)));
    }

    /**
     * A pushed video passed review: it becomes a post of the linked account, and the ad shows it.
     */
    private void publishPushedVideo(Ad ad) {
        long accountId = identityNumber(ad.identityId());
        var link =
                links.active(ad.advertiserId(), accountId)
                        .filter(
                                l ->
                                        l.allows(
                                                io.sparkads.authorization.LinkPermission
                                                        .PUSH_VIDEOS));
        if (link.isEmpty()) {
            jdbc.sql(
                            "update ads set authorization_status = 'REVOKED', authorization_reason = ? where id = ?")
                    .params("The account link ended before the video passed review", ad.id())
                    .update();
            return;
        }
        io.sparkads.content.VideoFile video = videos.get(ad.advertiserId(), ad.videoId());
        var post =
                posts.publishPushedVideo(
                        accountId,
                        ad.adText(),
                        video.durationMs(),
                        video.url(),
                        Boolean.TRUE.equals(link.get().adsOnly()));
        jdbc.sql("update ads set tiktok_item_id = ? where id = ?")
                .params(post.itemId(), ad.id())
                .update();
    }

    /** A creator took back a post: its ads stop, with the reason the advertiser sees. */
    @ApplicationModuleListener
    void on(SparkAuthorizationRevoked event) {
        // Revoked by the creator's hand; lost when the post went away or the authorization ran out.
        boolean revoked = event.cause() == SparkAuthorizationRevoked.Cause.REVOKED_BY_CREATOR;
        Set<Long> ads =
                new HashSet<>(
                        jdbc.sql(
                                        """
                                        update ads set authorization_status = :status, authorization_reason = :reason, modify_time = :now
                                        where tiktok_item_id = :item and authorization_status = 'OK'
                                          and (:all or advertiser_id in (:advertisers))
                                        returning id
                                        """)
                                .param("status", revoked ? "REVOKED" : "LOST")
                                .param("reason", event.reason())
                                .param("now", Timestamp.from(clock.instant()))
                                .param("item", event.itemId())
                                .param("all", event.advertiserIds().isEmpty())
                                .param(
                                        "advertisers",
                                        event.advertiserIds().isEmpty()
                                                ? List.of(0L)
                                                : event.advertiserIds())
                                .query(Long.class)
                                .list());
        if (!ads.isEmpty()) {
            events.publishEvent(new AdsChanged(ads));
        }
    }

    /** Every ad ever made with the post, of any advertiser, oldest first. */
    public List<Ad> ofItem(long itemId) {
        return jdbc.sql(SELECT + " where a.tiktok_item_id = ? order by a.create_time, a.id")
                .param(itemId)
                .query((rs, n) -> toAd(rs))
                .list();
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

    /** A creator and an advertiser unlinked: ads of that identity stop. */
    @ApplicationModuleListener
    void on(AccountUnlinked event) {
        Set<Long> stopped =
                new HashSet<>(
                        jdbc.sql(
                                        """
                                        update ads set authorization_status = 'REVOKED', authorization_reason = ?, modify_time = ?
                                        where advertiser_id = ? and identity_type = 'TT_USER' and identity_id = ? and authorization_status = 'OK'
                                        returning id
                                        """)
                                .params(
                                        event.reason(),
                                        Timestamp.from(clock.instant()),
                                        event.advertiserId(),
                                        String.valueOf(event.accountId()))
                                .query(Long.class)
                                .list());
        if (!stopped.isEmpty()) {
            events.publishEvent(new AdsChanged(stopped));
        }
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
            java.math.BigDecimal bidPrice,
            String identityId,
            Long videoId,
            String adText,
            Integer frequency,
            Integer frequencySchedule,
            String dayparting,
            Integer topviewDailyImpressions,
            String campaignBudgetMode,
            java.math.BigDecimal campaignBudget,
            String adgroupBudgetMode,
            java.math.BigDecimal adgroupBudget) {}

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
                rs.getTimestamp("schedule_end_time") == null
                        ? null
                        : rs.getTimestamp("schedule_end_time").toInstant(),
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
            Optional<io.sparkads.content.VideoFile> video =
                    videos.find(row.videoId()).filter(v -> v.advertiserId() == row.advertiserId());
            if (video.isEmpty()) {
                return Optional.empty();
            }
            CustomIdentity identity =
                    customIdentities.get(row.advertiserId(), identityNumber(row.identityId()));
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
                shownPost(row.advertiserId(), row.identityType(), row.itemId(), row.videoId());
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
                                                .map(io.sparkads.content.VideoFile::posterUrl)
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
                row.adId(),
                row.adgroupId(),
                row.campaignId(),
                row.advertiserId(),
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
                face.identityId(),
                face.displayName(),
                face.avatarUrl(),
                face.caption(),
                face.videoUrl(),
                face.posterUrl(),
                row.cta(),
                website ? "WEBSITE" : "PROFILE_PAGE",
                website ? row.landingPageUrl() : face.profileUrl(),
                row.frequency(),
                row.frequencySchedule(),
                row.dayparting(),
                row.topviewDailyImpressions(),
                advertisers.timezone(row.advertiserId()),
                !"BUDGET_MODE_INFINITE".equals(row.campaignBudgetMode())
                        || !"BUDGET_MODE_INFINITE".equals(row.adgroupBudgetMode()));
    }

    private static Set<String> countries(List<String> locations) {
        return locations.stream()
                .map(Locations::country)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
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

    private Ad toAd(ResultSet rs) throws SQLException {
        OperationStatus operation = OperationStatus.valueOf(rs.getString("operation_status"));
        Ad.ReviewStatus review = Ad.ReviewStatus.valueOf(rs.getString("review_status"));
        Ad.AuthorizationStatus authorization =
                Ad.AuthorizationStatus.valueOf(rs.getString("authorization_status"));
        Timestamp end = rs.getTimestamp("schedule_end_time");
        Budgets.State budget =
                budgets.state(
                        rs.getLong("campaign_id"),
                        rs.getString("campaign_budget_mode"),
                        rs.getBigDecimal("campaign_budget"),
                        rs.getLong("adgroup_id"),
                        rs.getString("adgroup_budget_mode"),
                        rs.getBigDecimal("adgroup_budget"),
                        advertisers.timezone(rs.getLong("advertiser_id")));
        String secondary =
                SecondaryStatus.of(
                        operation,
                        review,
                        authorization,
                        OperationStatus.valueOf(rs.getString("adgroup_status")),
                        OperationStatus.valueOf(rs.getString("campaign_status")),
                        rs.getTimestamp("schedule_start_time").toInstant(),
                        end == null ? null : end.toInstant(),
                        clock.instant(),
                        budget == Budgets.State.CAMPAIGN_EXCEEDED,
                        budget == Budgets.State.ADGROUP_EXCEEDED);
        return new Ad(
                rs.getLong("id"),
                rs.getLong("advertiser_id"),
                rs.getLong("campaign_id"),
                rs.getLong("adgroup_id"),
                rs.getString("ad_name"),
                rs.getString("identity_type"),
                rs.getString("identity_id"),
                (Long) rs.getObject("tiktok_item_id"),
                rs.getBoolean("is_spark"),
                rs.getString("ad_text"),
                rs.getString("call_to_action"),
                rs.getString("landing_page_url"),
                operation,
                review,
                rs.getString("reject_reason"),
                authorization,
                rs.getString("authorization_reason"),
                secondary,
                rs.getTimestamp("create_time").toInstant(),
                rs.getTimestamp("modify_time").toInstant(),
                (Long) rs.getObject("video_id"));
    }
}
