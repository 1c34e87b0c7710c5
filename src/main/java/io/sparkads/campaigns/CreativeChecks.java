package io.sparkads.campaigns;

import io.sparkads.authorization.AccountLinks;
import io.sparkads.authorization.LinkPermission;
import io.sparkads.authorization.SparkPost;
import io.sparkads.campaigns.Ads.NewAd;
import io.sparkads.common.Ids;
import io.sparkads.common.Refusal;
import io.sparkads.content.VideoFile;
import io.sparkads.content.VideoFiles;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The checks of a creative before it is stored: what it shows is this ad account's to show, through
 * the identity named, and its video fits the ad group's placement. A refusal names the field to
 * fix.
 */
@Component
class CreativeChecks {
    private final ShownPosts shownPosts;
    private final AccountLinks links;
    private final CustomIdentities customIdentities;
    private final VideoFiles videos;

    CreativeChecks(
            ShownPosts shownPosts,
            AccountLinks links,
            CustomIdentities customIdentities,
            VideoFiles videos) {
        this.shownPosts = shownPosts;
        this.links = links;
        this.customIdentities = customIdentities;
        this.videos = videos;
    }

    /** What a checked creative stores: Spark or not, the text it shows and its call to action. */
    record CheckedCreative(boolean spark, String text, String callToAction) {}

    /**
     * Checks a creative: what it shows is this ad account's to show, through the identity named.
     */
    CheckedCreative check(long advertiserId, NewAd draft) {
        return check(advertiserId, draft, shownPosts::usable);
    }

    /**
     * Checks the creatives of one request: each is checked in full, and a post several of them show
     * is looked up once, as it stands when the request is checked.
     */
    Function<NewAd, CheckedCreative> forRequest(long advertiserId) {
        Map<PostKey, Optional<SparkPost>> seen = new HashMap<>();
        PostLookup lookup =
                (advertiser, identityType, itemId) ->
                        seen.computeIfAbsent(
                                new PostKey(identityType, itemId),
                                key -> shownPosts.usable(advertiser, identityType, itemId));
        return draft -> check(advertiserId, draft, lookup);
    }

    /** How a check finds the post a Spark ad would show. */
    private interface PostLookup {
        Optional<SparkPost> usable(long advertiserId, String identityType, long itemId);
    }

    private record PostKey(String identityType, long itemId) {}

    private CheckedCreative check(long advertiserId, NewAd draft, PostLookup posts) {
        Check.name("ad_name", draft.adName());
        if (draft.identityType() == null) {
            throw Refusal.invalid(
                    "identity_type is required: AUTH_CODE (an applied code), TT_USER (a linked account) or CUSTOMIZED_USER (non-Spark)");
        }
        Check.oneOf("identity_type", draft.identityType(), Ads.IDENTITY_TYPES);
        if (draft.identityId() == null || draft.identityId().isBlank()) {
            throw Refusal.invalid("identity_id is required");
        }
        if (draft.adText() != null && draft.adText().length() > 100) {
            throw Refusal.invalid("ad_text must be at most 100 characters");
        }
        String cta =
                Check.oneOf(
                                "call_to_action",
                                draft.callToAction(),
                                CallToAction.class,
                                CallToAction.DEFAULT)
                        .wireName();
        if (draft.landingPageUrl() != null) {
            Check.httpsUrl("landing_page_url", draft.landingPageUrl());
        }
        IdentityType identityType = IdentityType.valueOf(draft.identityType());
        if (!identityType.isSpark()) {
            return checkNonSpark(advertiserId, draft, cta);
        }
        if (draft.tiktokItemId() == null
                && draft.videoId() != null
                && identityType == IdentityType.TT_USER) {
            return checkPushedVideo(advertiserId, draft, cta);
        }
        return checkSparkPost(advertiserId, identityType, draft, cta, posts);
    }

    private CheckedCreative checkSparkPost(
            long advertiserId,
            IdentityType identityType,
            NewAd draft,
            String cta,
            PostLookup posts) {
        boolean linked = identityType == IdentityType.TT_USER;
        if (draft.tiktokItemId() == null) {
            throw Refusal.invalid(
                    "tiktok_item_id is required for a Spark ad"
                            + (linked ? ", or a video_id to push a new video" : ""));
        }
        if (draft.videoId() != null) {
            throw Refusal.invalid(
                    "a Spark ad shows its post: give tiktok_item_id or video_id, not both");
        }
        SparkPost post =
                posts.usable(advertiserId, draft.identityType(), draft.tiktokItemId())
                        .orElseThrow(
                                () ->
                                        Refusal.invalid(
                                                "tiktok_item_id "
                                                        + draft.tiktokItemId()
                                                        + " is not authorized to this ad account"
                                                        + (identityType == IdentityType.AUTH_CODE
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
        return new CheckedCreative(true, post.post().caption(), cta);
    }

    private CheckedCreative checkNonSpark(long advertiserId, NewAd draft, String cta) {
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
        return new CheckedCreative(false, draft.adText().strip(), cta);
    }

    private CheckedCreative checkPushedVideo(long advertiserId, NewAd draft, String cta) {
        long accountId = identityNumber(draft.identityId());
        if (links.active(advertiserId, accountId)
                .filter(l -> l.allows(LinkPermission.PUSH_VIDEOS))
                .isEmpty()) {
            throw Refusal.invalid(
                    "identity_id "
                            + accountId
                            + " is not linked to this ad account with PUSH_VIDEOS");
        }
        VideoFile video = videos.get(advertiserId, draft.videoId());
        if (video.durationMs() == null) {
            throw Refusal.invalid(
                    "video_id "
                            + video.id()
                            + " has no readable duration; push an MP4 or MOV video");
        }
        return new CheckedCreative(true, draft.adText() == null ? "" : draft.adText().strip(), cta);
    }

    /**
     * Checks where the ad leads, and answers the {@code tiktok_page_category} to store. A Spark ad
     * may lead to its identity's profile page ({@code PROFILE_PAGE}, or no landing page at all); a
     * non-Spark ad's custom identity has no profile, so it needs a landing page. An ad group that
     * optimizes for profile visits or followers leads every ad to the profile.
     */
    String checkDestination(AdGroup adGroup, NewAd draft, boolean spark) {
        String category = draft.tiktokPageCategory();
        if (category != null && category.isBlank()) {
            category = null;
        }
        if (category != null && !category.equals(PageCategory.PROFILE_PAGE.name())) {
            throw Refusal.invalid(
                    "tiktok_page_category must be PROFILE_PAGE (the identity's profile page); was '"
                            + category
                            + "'. Other TikTok pages are not served: give a landing_page_url instead");
        }
        boolean toProfile = category != null || adGroup.optimizationGoal().onProfile();
        if (!spark && toProfile) {
            throw Refusal.invalid(
                    "a non-Spark ad cannot lead to a profile page: its CUSTOMIZED_USER identity has"
                            + " none. Give a landing_page_url"
                            + (adGroup.optimizationGoal().onProfile()
                                    ? ", in an ad group whose optimization_goal is not "
                                            + adGroup.optimizationGoal()
                                    : " and leave out tiktok_page_category")
                            + ", or make it a Spark ad");
        }
        if (!spark && draft.landingPageUrl() == null) {
            throw Refusal.invalid(
                    "landing_page_url is required for a non-Spark ad: its CUSTOMIZED_USER identity"
                            + " has no profile page to lead to, so give the https page the ad opens");
        }
        return toProfile ? PageCategory.PROFILE_PAGE.name() : null;
    }

    /** Every upload fits In-Feed; TopView takes only 9:16 videos of 5 to 60 seconds. */
    void checkVideoFitsPlacement(long advertiserId, AdGroup adGroup, Long videoId) {
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

    /** The number in an {@code identity_id}: a linked account's or a custom identity's id. */
    static long identityNumber(String raw) {
        Long id = Ids.parse(raw);
        if (id == null) {
            throw Refusal.invalid("identity_id must be a numeric id; was '" + raw + "'");
        }
        return id;
    }
}
