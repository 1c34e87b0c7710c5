package io.sparkads.campaigns.web;

import io.sparkads.authorization.AccountLink;
import io.sparkads.authorization.AccountLinks;
import io.sparkads.authorization.LinkPermission;
import io.sparkads.authorization.SparkAuthorizations;
import io.sparkads.campaigns.CustomIdentities;
import io.sparkads.campaigns.CustomIdentity;
import io.sparkads.campaigns.IdentityType;
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
record IdentityBusinessController(
        SparkAuthorizations authorizations,
        AccountLinks links,
        CustomIdentities customIdentities,
        AppAccounts accounts) {
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
        String asked = params.optional("identity_type");
        IdentityType type =
                asked == null
                        ? null
                        : IdentityType.fromWire(asked)
                                .orElseThrow(
                                        () ->
                                                BusinessApiException.parameter(
                                                        "identity_type must be AUTH_CODE, TT_USER, CUSTOMIZED_USER or BC_AUTH_TT; was '"
                                                                + asked
                                                                + "'"));
        PageRequest page = params.page(100);
        // Keyed by type and id: an account is listed once under each type it serves as.
        Map<String, IdentityView> identities = new LinkedHashMap<>();
        if (type == null || type == IdentityType.AUTH_CODE) {
            for (AppAccount account : authorizations.creatorsInLibrary(advertiserId)) {
                IdentityView.add(
                        identities,
                        IdentityView.of(IdentityType.AUTH_CODE.wireName(), account, false, false));
            }
        }
        if (type == null || type == IdentityType.TT_USER) {
            for (AccountLink link : links.ofAdvertiser(advertiserId)) {
                if (link.status() == AccountLink.Status.ACTIVE) {
                    IdentityView.add(
                            identities,
                            IdentityView.of(
                                    IdentityType.TT_USER.wireName(),
                                    accounts.get(link.accountId()),
                                    link.allows(LinkPermission.PULL_POSTS),
                                    link.allows(LinkPermission.PUSH_VIDEOS)));
                }
            }
        }
        if (type == null || type == IdentityType.CUSTOMIZED_USER) {
            for (CustomIdentity custom : customIdentities.of(advertiserId)) {
                IdentityView.add(
                        identities,
                        new IdentityView(
                                String.valueOf(custom.id()),
                                IdentityType.CUSTOMIZED_USER.wireName(),
                                custom.displayName(),
                                custom.avatarUrl(),
                                false,
                                false));
            }
        }
        List<IdentityView> all = new ArrayList<>(identities.values());
        int from = (int) Math.min(all.size(), page.offset());
        int to = Math.min(all.size(), from + page.pageSize());
        return BusinessEnvelope.ok(
                Map.of(
                        "identity_list",
                        all.subList(from, to),
                        "page_info",
                        PageInfo.of(page, all.size())));
    }

    /** An identity as TikTok lists it. */
    record IdentityView(
            String identityId,
            String identityType,
            String displayName,
            String profileImage,
            boolean canPullVideo,
            boolean canPushVideo) {

        /** A TikTok account serving as this type of identity. */
        static IdentityView of(String type, AppAccount account, boolean pull, boolean push) {
            return new IdentityView(
                    String.valueOf(account.id()),
                    type,
                    account.displayName(),
                    account.avatarUrl(),
                    pull,
                    push);
        }

        static void add(Map<String, IdentityView> identities, IdentityView identity) {
            identities.put(identity.identityType() + ":" + identity.identityId(), identity);
        }
    }
}
