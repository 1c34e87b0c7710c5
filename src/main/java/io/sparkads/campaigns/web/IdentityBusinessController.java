package io.sparkads.campaigns.web;

import io.sparkads.authorization.AccountLink;
import io.sparkads.authorization.AccountLinks;
import io.sparkads.authorization.LinkPermission;
import io.sparkads.authorization.SparkAuthorizations;
import io.sparkads.campaigns.CustomIdentities;
import io.sparkads.campaigns.CustomIdentity;
import io.sparkads.common.BusinessApi;
import io.sparkads.common.BusinessApiException;
import io.sparkads.common.BusinessCaller;
import io.sparkads.common.BusinessEnvelope;
import io.sparkads.common.BusinessParams;
import io.sparkads.common.PageInfo;
import io.sparkads.common.PageRequest;
import io.sparkads.content.AppAccount;
import io.sparkads.content.AppAccounts;
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

/**
 * The identities an ad account can run ads under: creators of applied codes ({@code AUTH_CODE}),
 * linked accounts ({@code TT_USER}) and its own display names ({@code CUSTOMIZED_USER}).
 */
@RestController
@BusinessApi
@RequestMapping(BusinessApi.PREFIX)
class IdentityBusinessController {
    private static final List<String> TYPES =
            List.of("AUTH_CODE", "TT_USER", "CUSTOMIZED_USER", "BC_AUTH_TT");

    private final SparkAuthorizations authorizations;
    private final AccountLinks links;
    private final CustomIdentities customIdentities;
    private final AppAccounts accounts;

    IdentityBusinessController(
            SparkAuthorizations authorizations,
            AccountLinks links,
            CustomIdentities customIdentities,
            AppAccounts accounts) {
        this.authorizations = authorizations;
        this.links = links;
        this.customIdentities = customIdentities;
        this.accounts = accounts;
    }

    record IdentityCreate(String advertiserId, String displayName, String imageUri) {}

    @PostMapping("/identity/create/")
    BusinessEnvelope create(BusinessCaller caller, @RequestBody IdentityCreate body) {
        long advertiserId = caller.advertiser(body.advertiserId());
        CustomIdentity identity =
                customIdentities.create(advertiserId, body.displayName(), body.imageUri());
        return BusinessEnvelope.ok(Map.of("identity_id", String.valueOf(identity.id())));
    }

    @GetMapping("/identity/get/")
    BusinessEnvelope identities(BusinessCaller caller, @RequestParam Map<String, String> query) {
        BusinessParams params = new BusinessParams(query);
        long advertiserId = caller.advertiser(params.advertiserId());
        String type = params.optional("identity_type");
        if (type != null && !TYPES.contains(type)) {
            throw BusinessApiException.parameter(
                    "identity_type must be AUTH_CODE, TT_USER, CUSTOMIZED_USER or BC_AUTH_TT; was '"
                            + type
                            + "'");
        }
        PageRequest page = params.page(100);
        Map<String, Map<String, Object>> identities = new LinkedHashMap<>();
        if (type == null || type.equals("AUTH_CODE")) {
            for (AppAccount account : authorizations.creatorsInLibrary(advertiserId)) {
                identities.put(
                        "AUTH_CODE:" + account.id(),
                        identity(
                                String.valueOf(account.id()),
                                "AUTH_CODE",
                                account.displayName(),
                                account.avatarUrl(),
                                false,
                                false));
            }
        }
        if (type == null || type.equals("TT_USER")) {
            for (AccountLink link : links.ofAdvertiser(advertiserId)) {
                if (link.status() == AccountLink.Status.ACTIVE) {
                    AppAccount account = accounts.get(link.accountId());
                    identities.put(
                            "TT_USER:" + account.id(),
                            identity(
                                    String.valueOf(account.id()),
                                    "TT_USER",
                                    account.displayName(),
                                    account.avatarUrl(),
                                    link.allows(LinkPermission.PULL_POSTS),
                                    link.allows(LinkPermission.PUSH_VIDEOS)));
                }
            }
        }
        if (type == null || type.equals("CUSTOMIZED_USER")) {
            for (CustomIdentity custom : customIdentities.of(advertiserId)) {
                identities.put(
                        "CUSTOMIZED_USER:" + custom.id(),
                        identity(
                                String.valueOf(custom.id()),
                                "CUSTOMIZED_USER",
                                custom.displayName(),
                                custom.avatarUrl(),
                                false,
                                false));
            }
        }
        List<Map<String, Object>> all = new ArrayList<>(identities.values());
        int from = (int) Math.min(all.size(), page.offset());
        int to = Math.min(all.size(), from + page.pageSize());
        return BusinessEnvelope.ok(
                Map.of(
                        "identity_list",
                        all.subList(from, to),
                        "page_info",
                        PageInfo.of(page, all.size())));
    }

    private static Map<String, Object> identity(
            String id, String type, String name, String image, boolean pull, boolean push) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("identity_id", id);
        identity.put("identity_type", type);
        identity.put("display_name", name);
        identity.put("profile_image", image);
        identity.put("can_pull_video", pull);
        identity.put("can_push_video", push);
        return identity;
    }
}
