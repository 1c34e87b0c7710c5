package io.sparkads.authorization.web;

import io.sparkads.authorization.AccountLink;
import io.sparkads.authorization.AccountLinks;
import io.sparkads.authorization.Actor;
import io.sparkads.authorization.AuthorizationAudit;
import io.sparkads.authorization.AuthorizationRequests;
import io.sparkads.authorization.CodeApplications;
import io.sparkads.authorization.CreativeLibrary;
import io.sparkads.authorization.ExtensionRequests;
import io.sparkads.authorization.LibraryFilter;
import io.sparkads.authorization.LibrarySort;
import io.sparkads.authorization.Ranking;
import io.sparkads.authorization.Recommendations;
import io.sparkads.authorization.SparkCodeStatus;
import io.sparkads.authorization.SparkPost;
import io.sparkads.authorization.web.SparkPostResponses.AuditView;
import io.sparkads.authorization.web.SparkPostResponses.AuthorizationRequestView;
import io.sparkads.authorization.web.SparkPostResponses.ExtensionCreated;
import io.sparkads.authorization.web.SparkPostResponses.IdentityVideo;
import io.sparkads.authorization.web.SparkPostResponses.IdentityVideos;
import io.sparkads.authorization.web.SparkPostResponses.ItemId;
import io.sparkads.authorization.web.SparkPostResponses.LinkCreated;
import io.sparkads.authorization.web.SparkPostResponses.LinkView;
import io.sparkads.authorization.web.SparkPostResponses.Listed;
import io.sparkads.authorization.web.SparkPostResponses.SparkPostList;
import io.sparkads.authorization.web.SparkPostResponses.SparkPostView;
import io.sparkads.common.BusinessApi;
import io.sparkads.common.BusinessApiException;
import io.sparkads.common.BusinessCaller;
import io.sparkads.common.BusinessEnvelope;
import io.sparkads.common.BusinessParams;
import io.sparkads.common.Ids;
import io.sparkads.common.PageInfo;
import io.sparkads.common.PageRequest;
import io.sparkads.content.AppAccounts;
import io.sparkads.content.Post;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
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
record SparkPostsBusinessController(
        CodeApplications codes,
        CreativeLibrary library,
        ExtensionRequests extensions,
        AccountLinks links,
        AuthorizationAudit audit,
        AppAccounts accounts,
        Recommendations recommendations,
        AuthorizationRequests requests) {
    record Authorize(String advertiserId, String authCode) {}

    @PostMapping("/tt_video/authorize/")
    BusinessEnvelope authorize(
            BusinessCaller caller, @RequestBody Authorize body, HttpServletRequest request) {
        long advertiserId = caller.advertiser(body.advertiserId());
        SparkPost post = codes.apply(advertiserId, body.authCode(), actor(advertiserId, request));
        return BusinessEnvelope.ok(ItemId.of(post.post().itemId()));
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
                        codes.preview(
                                advertiserId,
                                params.required("auth_code"),
                                actor(advertiserId, request))));
    }

    @GetMapping("/tt_video/list/")
    BusinessEnvelope list(BusinessCaller caller, @RequestParam Map<String, String> query) {
        BusinessParams params = new BusinessParams(query);
        long advertiserId = caller.advertiser(params.advertiserId());
        PageRequest page = params.page(20);
        LibraryFilter filter =
                new LibraryFilter(
                        params.optional("keyword"), status(params.optional("auth_status")));
        List<SparkPostView> list =
                sort(params) == LibrarySort.RECOMMENDED
                        ? recommendations.rankedLibrary(advertiserId, filter, page).stream()
                                .map(
                                        r ->
                                                SparkPostView.of(
                                                        r.spark(),
                                                        library.isExpiringSoon(r.spark()),
                                                        r.recommendation()))
                                .toList()
                        : library.library(advertiserId, filter, page).stream()
                                .map(this::view)
                                .toList();
        return BusinessEnvelope.ok(
                new SparkPostList(
                        list, PageInfo.of(page, library.librarySize(advertiserId, filter))));
    }

    record Unbind(String advertiserId, String itemId) {}

    @PostMapping("/tt_video/unbind/")
    BusinessEnvelope unbind(
            BusinessCaller caller, @RequestBody Unbind body, HttpServletRequest request) {
        long advertiserId = caller.advertiser(body.advertiserId());
        library.unbind(
                advertiserId, Ids.require("item_id", body.itemId()), actor(advertiserId, request));
        return BusinessEnvelope.ok(Map.of());
    }

    // ---- expiry warnings, extension requests and the audit trail

    record Extension(String advertiserId, String itemId, String message) {}

    @PostMapping("/tt_video/extension/create/")
    BusinessEnvelope requestExtension(
            BusinessCaller caller, @RequestBody Extension body, HttpServletRequest request) {
        long advertiserId = caller.advertiser(body.advertiserId());
        return BusinessEnvelope.ok(
                ExtensionCreated.of(
                        extensions.requestExtension(
                                advertiserId,
                                Ids.require("item_id", body.itemId()),
                                body.message(),
                                actor(advertiserId, request))));
    }

    // ---- asking a creator for authorization (our extension)

    record AuthorizationRequestCreate(String advertiserId, String tiktokItemId, String message) {}

    @PostMapping("/tt_video/authorization_request/create/")
    BusinessEnvelope requestAuthorization(
            BusinessCaller caller,
            @RequestBody AuthorizationRequestCreate body,
            HttpServletRequest request) {
        long advertiserId = caller.advertiser(body.advertiserId());
        return BusinessEnvelope.ok(
                AuthorizationRequestView.of(
                        requests.request(
                                advertiserId,
                                Ids.require("tiktok_item_id", body.tiktokItemId()),
                                body.message(),
                                actor(advertiserId, request))));
    }

    @GetMapping("/tt_video/authorization_request/list/")
    BusinessEnvelope authorizationRequests(
            BusinessCaller caller, @RequestParam Map<String, String> query) {
        BusinessParams params = new BusinessParams(query);
        long advertiserId = caller.advertiser(params.advertiserId());
        return BusinessEnvelope.ok(
                new Listed<>(
                        requests.ofAdvertiser(advertiserId).stream()
                                .map(AuthorizationRequestView::of)
                                .toList()));
    }

    @GetMapping("/tt_video/audit/get/")
    BusinessEnvelope auditTrail(BusinessCaller caller, @RequestParam Map<String, String> query) {
        BusinessParams params = new BusinessParams(query);
        long advertiserId = caller.advertiser(params.advertiserId());
        PageRequest page = params.page(50);
        return BusinessEnvelope.ok(
                new Listed<>(
                        audit.ofAdvertiser(advertiserId, page).stream()
                                .map(AuditView::of)
                                .toList()));
    }

    // ---- account links

    record LinkCreate(String advertiserId, List<String> permissions) {}

    @PostMapping("/tt_user/link/create/")
    BusinessEnvelope createLink(
            BusinessCaller caller, @RequestBody LinkCreate body, HttpServletRequest request) {
        long advertiserId = caller.advertiser(body.advertiserId());
        return BusinessEnvelope.ok(
                LinkCreated.of(
                        links.request(
                                advertiserId, body.permissions(), actor(advertiserId, request))));
    }

    @GetMapping("/tt_user/link/list/")
    BusinessEnvelope listLinks(BusinessCaller caller, @RequestParam Map<String, String> query) {
        BusinessParams params = new BusinessParams(query);
        long advertiserId = caller.advertiser(params.advertiserId());
        return BusinessEnvelope.ok(
                new Listed<>(links.ofAdvertiser(advertiserId).stream().map(this::view).toList()));
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
        List<IdentityVideo> page;
        if (sort(params) == LibrarySort.RECOMMENDED) {
            Ranking ranking = recommendations.of(advertiserId);
            page =
                    ranking.ranked(posts, Post::itemId).stream()
                            .skip(cursor)
                            .limit(count)
                            .map(post -> IdentityVideo.of(post, ranking.of(post.itemId())))
                            .toList();
        } else {
            page = posts.stream().skip(cursor).limit(count).map(IdentityVideo::of).toList();
        }
        int next = cursor + page.size();
        return BusinessEnvelope.ok(new IdentityVideos(page, next, next < posts.size()));
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
        List<IdentityVideo> list = new ArrayList<>();
        for (String raw : itemIds) {
            Post post = available.get(Ids.require("item_ids", raw));
            if (post == null) {
                throw BusinessApiException.parameter(
                        "item " + raw + " is not a Spark-available post of identity " + accountId);
            }
            list.add(IdentityVideo.of(post));
        }
        return BusinessEnvelope.ok(new Listed<>(list));
    }

    // ---- helpers

    private SparkPostView view(SparkPost post) {
        return SparkPostView.of(post, library.isExpiringSoon(post));
    }

    private LinkView view(AccountLink link) {
        return LinkView.of(
                link,
                link.accountId() == null ? null : accounts.get(link.accountId()).displayName());
    }

    private long linkedIdentity(BusinessParams params) {
        String type = params.required("identity_type");
        if (!type.equals(SparkPostResponses.TT_USER)) {
            throw BusinessApiException.parameter(
                    "identity_type must be TT_USER: posts of AUTH_CODE identities come from tt_video/list");
        }
        return Ids.require("identity_id", params.required("identity_id"));
    }

    /**
     * Our extension {@code sort_type}: {@code RECOMMENDED} ranks by the Spark-ready score and adds
     * each post's {@code recommendation}; {@code LATEST} (the default) is TikTok's order.
     */
    private static LibrarySort sort(BusinessParams params) {
        String raw = params.optional("sort_type");
        if (raw == null) {
            return LibrarySort.LATEST;
        }
        try {
            return LibrarySort.valueOf(raw);
        } catch (IllegalArgumentException e) {
            throw BusinessApiException.parameter(
                    "sort_type must be RECOMMENDED (ranked by organic traction) or LATEST; was '"
                            + raw
                            + "'");
        }
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
