package io.sparkads.authorization.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.sparkads.authorization.AccountLink;
import io.sparkads.authorization.Actor;
import io.sparkads.authorization.AuditAction;
import io.sparkads.authorization.AuditEntry;
import io.sparkads.authorization.AuthorizationRequest;
import io.sparkads.authorization.ExtensionRequest;
import io.sparkads.authorization.LinkPermission;
import io.sparkads.authorization.LinkRequest;
import io.sparkads.authorization.Recommendation;
import io.sparkads.authorization.SparkCodeStatus;
import io.sparkads.authorization.SparkPost;
import io.sparkads.common.PageInfo;
import io.sparkads.common.TikTokTimes;
import io.sparkads.content.Post;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The Business API's answers about Spark posts, links and the audit trail, in TikTok's v1.3 shape:
 * the global snake_case naming turns each component into TikTok's field name, in this order.
 */
final class SparkPostResponses {
    private SparkPostResponses() {}

    /** {@code identity_type} of a post used through an applied code. */
    static final String AUTH_CODE = "AUTH_CODE";

    /** {@code identity_type} of a linked TikTok account. */
    static final String TT_USER = "TT_USER";

    /** TikTok's {@code status} of a post: whether it can run as an ad. */
    enum ItemStatus {
        ENABLE,
        DISABLE;

        static ItemStatus of(boolean enabled) {
            return enabled ? ENABLE : DISABLE;
        }
    }

    record Listed<T>(List<T> list) {}

    record ItemId(String itemId) {
        static ItemId of(long itemId) {
            return new ItemId(String.valueOf(itemId));
        }
    }

    record SparkPostList(List<SparkPostView> list, PageInfo pageInfo) {}

    /**
     * A Spark post as TikTok shows it, and whether its authorization ends within a week.
     *
     * <p>Times are {@link Instant#toString()}, as TikTok's {@code tt_video} answers carry them.
     */
    record SparkPostView(
            AuthInfo authInfo,
            ItemInfo itemInfo,
            UserInfo userInfo,
            VideoInfo videoInfo,
            boolean expiringSoon,
            @JsonInclude(JsonInclude.Include.NON_NULL) RecommendationView recommendation) {

        static SparkPostView of(SparkPost p, boolean expiringSoon) {
            return of(p, expiringSoon, null);
        }

        /** With its Spark-ready recommendation, when the list was asked for RECOMMENDED. */
        static SparkPostView of(SparkPost p, boolean expiringSoon, Recommendation recommendation) {
            return new SparkPostView(
                    new AuthInfo(
                            p.status().adAuthStatus(),
                            p.status(),
                            p.authStartTime().toString(),
                            p.authEndTime() == null ? null : p.authEndTime().toString()),
                    ItemInfo.of(p.post(), ItemStatus.of(p.post().isSparkAvailable())),
                    new UserInfo(
                            String.valueOf(p.account().id()),
                            AUTH_CODE,
                            p.account().displayName(),
                            p.account().avatarUrl()),
                    new VideoInfo(p.post().durationMs() / 1000.0, p.post().videoUrl()),
                    expiringSoon,
                    RecommendationView.of(recommendation));
        }
    }

    /**
     * Our extension: a post's Spark-ready score (0–100) and why, in words; only on lists asked for
     * {@code sort_type=RECOMMENDED}.
     */
    record RecommendationView(double score, List<String> reasons) {
        static RecommendationView of(Recommendation r) {
            return r == null ? null : new RecommendationView(r.score(), r.reasons());
        }
    }

    record AuthInfo(
            String adAuthStatus,
            SparkCodeStatus authCodeStatus,
            String authStartTime,
            String authEndTime) {}

    record ItemInfo(String itemId, String text, ItemStatus status) {
        static ItemInfo of(Post post, ItemStatus status) {
            return new ItemInfo(String.valueOf(post.itemId()), post.caption(), status);
        }
    }

    record UserInfo(String identityId, String identityType, String displayName, String avatarUrl) {}

    record VideoInfo(double duration, String url) {}

    record ExtensionCreated(String extensionRequestId, ExtensionRequest.Status status) {
        static ExtensionCreated of(ExtensionRequest request) {
            return new ExtensionCreated(String.valueOf(request.id()), request.status());
        }
    }

    /** An authorization request as the Business API shows it (our extension). */
    record AuthorizationRequestView(
            String requestId,
            String tiktokItemId,
            AuthorizationRequest.Status status,
            String message,
            String createTime,
            String decideTime,
            Integer days) {
        static AuthorizationRequestView of(AuthorizationRequest r) {
            return new AuthorizationRequestView(
                    String.valueOf(r.id()),
                    String.valueOf(r.itemId()),
                    r.status(),
                    r.message(),
                    TikTokTimes.format(r.requestedAt()),
                    TikTokTimes.format(r.decidedAt()),
                    r.days());
        }
    }

    record LinkCreated(String linkId, String linkCode, String expireTime) {
        static LinkCreated of(LinkRequest created) {
            return new LinkCreated(
                    String.valueOf(created.linkId()),
                    created.linkCode(),
                    TikTokTimes.format(created.expireTime()));
        }
    }

    /** An account link as {@code tt_user/link/list} shows it. */
    record LinkView(
            String linkId,
            AccountLink.Status status,
            List<LinkPermission> permissions,
            String identityId,
            String identityType,
            String displayName,
            Boolean adsOnly,
            String createTime,
            String expireTime,
            String linkTime,
            String unlinkTime) {

        static LinkView of(AccountLink link, String displayName) {
            return new LinkView(
                    String.valueOf(link.id()),
                    link.status(),
                    link.permissions().stream().sorted(Comparator.comparing(Enum::name)).toList(),
                    link.accountId() == null ? null : String.valueOf(link.accountId()),
                    TT_USER,
                    displayName,
                    link.adsOnly(),
                    TikTokTimes.format(link.createdAt()),
                    TikTokTimes.format(link.expireTime()),
                    TikTokTimes.format(link.approvedAt()),
                    TikTokTimes.format(link.unlinkedAt()));
        }
    }

    record IdentityVideos(List<IdentityVideo> videoList, int cursor, boolean hasMore) {}

    /**
     * A linked creator's post as {@code identity/video/*} shows it: the {@code item_info} fields
     * inline, then the video, its organic counters and when it was posted.
     */
    record IdentityVideo(
            @JsonUnwrapped ItemInfo item,
            VideoInfo videoInfo,
            Organic organic,
            String createTime,
            @JsonInclude(JsonInclude.Include.NON_NULL) RecommendationView recommendation) {

        static IdentityVideo of(Post post) {
            return of(post, null);
        }

        static IdentityVideo of(Post post, Recommendation recommendation) {
            return new IdentityVideo(
                    ItemInfo.of(post, ItemStatus.ENABLE),
                    new VideoInfo(
                            post.durationMs() / 1000.0,
                            post.videoUrl() == null ? "" : post.videoUrl()),
                    new Organic(post.organic().views(), post.organic().likes()),
                    TikTokTimes.format(post.createdAt()),
                    RecommendationView.of(recommendation));
        }
    }

    record Organic(long views, long likes) {}

    /** An audit line as the APIs show it. */
    record AuditView(
            String occurredAt,
            AuditAction action,
            String itemId,
            String accountId,
            String advertiserId,
            Actor.Kind actor,
            String actorId,
            String clientAddress,
            String detail) {

        static AuditView of(AuditEntry e) {
            return new AuditView(
                    e.occurredAt().toString(),
                    e.action(),
                    idText(e.itemId()),
                    idText(e.accountId()),
                    idText(e.advertiserId()),
                    e.actorKind(),
                    e.actorId(),
                    e.clientAddress(),
                    e.detail());
        }

        private static String idText(Long id) {
            return id == null ? null : String.valueOf(id);
        }
    }
}
