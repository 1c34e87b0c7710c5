package io.sparkads.authorization.web;

import io.sparkads.authorization.AccountLink;
import io.sparkads.authorization.AccountLinks;
import io.sparkads.authorization.Actor;
import io.sparkads.authorization.AuthorizationAudit;
import io.sparkads.authorization.ExtensionRequest;
import io.sparkads.authorization.LinkRequest;
import io.sparkads.authorization.SparkAuthorizations;
import io.sparkads.authorization.SparkCodeStatus;
import io.sparkads.authorization.SparkPost;
import io.sparkads.common.BusinessApi;
import io.sparkads.common.BusinessApiException;
import io.sparkads.common.BusinessCaller;
import io.sparkads.common.BusinessEnvelope;
import io.sparkads.common.BusinessParams;
import io.sparkads.common.Ids;
import io.sparkads.common.PageInfo;
import io.sparkads.common.PageRequest;
import io.sparkads.common.TikTokTimes;
import io.sparkads.content.AppAccounts;
import io.sparkads.content.Post;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Spark Ad posts over the Business API: {@code tt_video/*} and the AUTH_CODE identities. */
@RestController
@BusinessApi
@RequestMapping(BusinessApi.PREFIX)
class SparkPostsBusinessController {
    private final SparkAuthorizations authorizations;
    private final AccountLinks links;
    private final AuthorizationAudit audit;
    private final AppAccounts accounts;

    SparkPostsBusinessController(
            SparkAuthorizations authorizations,
            AccountLinks links,
            AuthorizationAudit audit,
            AppAccounts accounts) {
        this.authorizations = authorizations;
        this.links = links;
        this.audit = audit;
        this.accounts = accounts;
    }

    record Authorize(String advertiserId, String authCode) {}

    @PostMapping("/tt_video/authorize/")
    BusinessEnvelope authorize(
            BusinessCaller caller, @RequestBody Authorize body, HttpServletRequest request) {
        long advertiserId = caller.advertiser(body.advertiserId());
        SparkPost post =
                authorizations.apply(advertiserId, body.authCode(), actor(advertiserId, request));
        return BusinessEnvelope.ok(Map.of("item_id", String.valueOf(post.post().itemId())));
    }

    @GetMapping("/tt_video/info/")
    BusinessEnvelope info(
            BusinessCaller caller,
            @RequestParam Map<String, String> query,
            HttpServletRequest request) {
        BusinessParams params = new BusinessParams(query);
        long advertiserId = caller.advertiser(params.advertiserId());
        return BusinessEnvelope.ok(
                view(
                        authorizations.preview(
                                advertiserId,
                                params.required("auth_code"),
                                actor(advertiserId, request))));
    }

    @GetMapping("/tt_video/list/")
    BusinessEnvelope list(BusinessCaller caller, @RequestParam Map<String, String> query) {
        BusinessParams params = new BusinessParams(query);
        long advertiserId = caller.advertiser(params.advertiserId());
        PageRequest page = params.page(20);
        SparkAuthorizations.LibraryFilter filter =
                new SparkAuthorizations.LibraryFilter(
                        params.optional("keyword"), status(params.optional("auth_status")));
        List<Map<String, Object>> list =
                authorizations.library(advertiserId, filter, page).stream()
                        .map(this::view)
                        .toList();
        return BusinessEnvelope.ok(
                Map.of(
                        "list",
                        list,
                        "page_info",
                        PageInfo.of(page, authorizations.librarySize(advertiserId, filter))));
    }

    record Unbind(String advertiserId, String itemId) {}

    @PostMapping("/tt_video/unbind/")
    BusinessEnvelope unbind(
            BusinessCaller caller, @RequestBody Unbind body, HttpServletRequest request) {
        long advertiserId = caller.advertiser(body.advertiserId());
        authorizations.unbind(
                advertiserId, Ids.require("item_id", body.itemId()), actor(advertiserId, request));
        return BusinessEnvelope.ok(Map.of());
    }

    // ---- expiry warnings, extension requests and the audit trail

    record Extension(String advertiserId, String itemId, String message) {}

    @PostMapping("/tt_video/extension/create/")
    BusinessEnvelope requestExtension(
            BusinessCaller caller, @RequestBody Extension body, HttpServletRequest request) {
        long advertiserId = caller.advertiser(body.advertiserId());
        ExtensionRequest created =
                authorizations.requestExtension(
                        advertiserId,
                        Ids.require("item_id", body.itemId()),
                        body.message(),
                        actor(advertiserId, request));
        return BusinessEnvelope.ok(
                Map.of(
                        "extension_request_id",
                        String.valueOf(created.id()),
                        "status",
                        created.status().name()));
    }

    @GetMapping("/tt_video/audit/get/")
    BusinessEnvelope auditTrail(BusinessCaller caller, @RequestParam Map<String, String> query) {
        BusinessParams params = new BusinessParams(query);
        long advertiserId = caller.advertiser(params.advertiserId());
        PageRequest page = params.page(50);
        return BusinessEnvelope.ok(
                Map.of(
                        "list",
                        audit.ofAdvertiser(advertiserId, page).stream()
                                .map(AuditViews::of)
                                .toList()));
    }

    // ---- account links

    record LinkCreate(String advertiserId, List<String> permissions) {}

    @PostMapping("/tt_user/link/create/")
    BusinessEnvelope createLink(
            BusinessCaller caller, @RequestBody LinkCreate body, HttpServletRequest request) {
        long advertiserId = caller.advertiser(body.advertiserId());
        LinkRequest created =
                links.request(advertiserId, body.permissions(), actor(advertiserId, request));
        return BusinessEnvelope.ok(
                Map.of(
                        "link_id", String.valueOf(created.linkId()),
                        "link_code", created.linkCode(),
                        "expire_time", TikTokTimes.format(created.expireTime())));
    }

    @GetMapping("/tt_user/link/list/")
    BusinessEnvelope listLinks(BusinessCaller caller, @RequestParam Map<String, String> query) {
        BusinessParams params = new BusinessParams(query);
        long advertiserId = caller.advertiser(params.advertiserId());
        List<Map<String, Object>> list =
                links.ofAdvertiser(advertiserId).stream().map(this::view).toList();
        return BusinessEnvelope.ok(Map.of("list", list));
    }

    record LinkDelete(String advertiserId, String identityId) {}

    @PostMapping("/tt_user/link/delete/")
    BusinessEnvelope unlink(
            BusinessCaller caller, @RequestBody LinkDelete body, HttpServletRequest request) {
        long advertiserId = caller.advertiser(body.advertiserId());
        links.unlink(
                Ids.require("identity_id", body.identityId()),
                advertiserId,
                actor(advertiserId, request));
        return BusinessEnvelope.ok(Map.of());
    }

    @GetMapping("/identity/video/get/")
    BusinessEnvelope identityVideos(
            BusinessCaller caller, @RequestParam Map<String, String> query) {
        BusinessParams params = new BusinessParams(query);
        long advertiserId = caller.advertiser(params.advertiserId());
        long accountId = linkedIdentity(params);
        int cursor = params.integer("cursor", 0);
        int count = params.integer("count", 20);
        if (cursor < 0) {
            throw BusinessApiException.parameter("cursor must be 0 or more");
        }
        if (count < 1 || count > 50) {
            throw BusinessApiException.parameter("count must be between 1 and 50");
        }
        List<Post> posts = links.sparkAvailablePosts(advertiserId, accountId);
        List<Map<String, Object>> page =
                posts.stream()
                        .skip(cursor)
                        .limit(count)
                        .map(SparkPostsBusinessController::video)
                        .toList();
        int next = cursor + page.size();
        return BusinessEnvelope.ok(
                Map.of("video_list", page, "cursor", next, "has_more", next < posts.size()));
    }

    @GetMapping("/identity/video/info/")
    BusinessEnvelope identityVideoInfo(
            BusinessCaller caller, @RequestParam Map<String, String> query) {
        BusinessParams params = new BusinessParams(query);
        long advertiserId = caller.advertiser(params.advertiserId());
        long accountId = linkedIdentity(params);
        List<String> itemIds = params.stringList("item_ids");
        if (itemIds.isEmpty() && params.optional("item_id") != null) {
            itemIds = List.of(params.optional("item_id"));
        }
        if (itemIds.isEmpty() || itemIds.size() > 20) {
            throw BusinessApiException.parameter("item_ids must name 1 to 20 posts");
        }
        Map<Long, Post> available = new LinkedHashMap<>();
        links.sparkAvailablePosts(advertiserId, accountId)
                .forEach(p -> available.put(p.itemId(), p));
        List<Map<String, Object>> list = new java.util.ArrayList<>();
        for (String raw : itemIds) {
            Post post = available.get(Ids.require("item_ids", raw));
            if (post == null) {
                throw BusinessApiException.parameter(
                        "item " + raw + " is not a Spark-available post of identity " + accountId);
            }
            list.add(video(post));
        }
        return BusinessEnvelope.ok(Map.of("list", list));
    }

    // ---- helpers

    private Map<String, Object> view(SparkPost post) {
        Map<String, Object> view = SparkPostViews.of(post);
        view.put("expiring_soon", authorizations.isExpiringSoon(post));
        return view;
    }

    private Map<String, Object> view(AccountLink link) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("link_id", String.valueOf(link.id()));
        v.put("status", link.status().name());
        v.put("permissions", link.permissions().stream().map(Enum::name).sorted().toList());
        v.put("identity_id", link.accountId() == null ? null : String.valueOf(link.accountId()));
        v.put("identity_type", "TT_USER");
        v.put(
                "display_name",
                link.accountId() == null ? null : accounts.get(link.accountId()).displayName());
        v.put("ads_only", link.adsOnly());
        v.put("create_time", TikTokTimes.format(link.createdAt()));
        v.put("expire_time", TikTokTimes.format(link.expireTime()));
        v.put("link_time", TikTokTimes.format(link.approvedAt()));
        v.put("unlink_time", TikTokTimes.format(link.unlinkedAt()));
        return v;
    }

    private static Map<String, Object> video(Post post) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("item_id", String.valueOf(post.itemId()));
        v.put("text", post.caption());
        v.put("status", "ENABLE");
        v.put(
                "video_info",
                Map.of(
                        "duration",
                        post.durationMs() / 1000.0,
                        "url",
                        post.videoUrl() == null ? "" : post.videoUrl()));
        v.put("organic", Map.of("views", post.organic().views(), "likes", post.organic().likes()));
        v.put("create_time", TikTokTimes.format(post.createdAt()));
        return v;
    }

    private long linkedIdentity(BusinessParams params) {
        String type = params.required("identity_type");
        if (!type.equals("TT_USER")) {
            throw BusinessApiException.parameter(
                    "identity_type must be TT_USER: posts of AUTH_CODE identities come from tt_video/list");
        }
        return Ids.require("identity_id", params.required("identity_id"));
    }

    private static SparkCodeStatus status(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return SparkCodeStatus.valueOf(raw);
        } catch (IllegalArgumentException e) {
            throw BusinessApiException.parameter(
                    "auth_status must be NOT_USED, IN_USE, EXPIRED or REVOKED; was '" + raw + "'");
        }
    }

    private static Actor actor(long advertiserId, HttpServletRequest request) {
        return Actor.advertiser(advertiserId, ClientAddress.of(request));
    }
}
