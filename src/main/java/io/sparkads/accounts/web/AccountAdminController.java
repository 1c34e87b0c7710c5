package io.sparkads.accounts.web;

import io.sparkads.accounts.AccessTokens;
import io.sparkads.accounts.Advertisers;
import io.sparkads.accounts.Role;
import io.sparkads.accounts.User;
import io.sparkads.accounts.Users;
import io.sparkads.common.Ids;
import io.sparkads.common.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/admin/v1")
@Tag(name = "Admin: accounts and tokens")
record AccountAdminController(Advertisers advertisers, AccessTokens tokens, Users users) {
    record NewAdvertiser(String name, String currency, String timezone) {}

    @PostMapping("/advertisers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an ad account")
    AdvertiserView createAdvertiser(@RequestBody NewAdvertiser body) {
        return AdvertiserView.of(advertisers.create(body.name(), body.currency(), body.timezone()));
    }

    record NewAccessToken(List<String> advertiserIds) {}

    record IssuedAccessToken(String accessToken, List<String> advertiserIds) {}

    @PostMapping("/access_tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a Business API access token bound to advertisers; shown only here")
    IssuedAccessToken createAccessToken(@RequestBody NewAccessToken body) {
        if (body.advertiserIds() == null || body.advertiserIds().isEmpty()) {
            throw Refusal.invalid("advertiser_ids must name at least one advertiser");
        }
        List<Long> ids =
                body.advertiserIds().stream()
                        .map(raw -> Ids.require("advertiser_ids", raw))
                        .toList();
        return new IssuedAccessToken(tokens.issueBusinessToken(ids), body.advertiserIds());
    }

    record IssuedPlatformToken(String platformToken) {}

    @PostMapping("/platform_tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a platform API token; shown only here")
    IssuedPlatformToken createPlatformToken() {
        return new IssuedPlatformToken(tokens.issue(AccessTokens.Kind.PLATFORM));
    }

    record NewUser(
            String username,
            String password,
            Role role,
            String advertiserId,
            String creatorAccountId) {}

    record UserView(String userId, String username, Role role) {
        static UserView of(User u) {
            return new UserView(String.valueOf(u.id()), u.username(), u.role());
        }
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a user who signs in to the web UI")
    UserView createUser(@RequestBody NewUser body) {
        return UserView.of(
                users.create(
                        body.username(),
                        body.password(),
                        body.role(),
                        optionalId("advertiser_id", body.advertiserId()),
                        optionalId("creator_account_id", body.creatorAccountId())));
    }

    private static Long optionalId(String field, String raw) {
        return raw == null ? null : Ids.require(field, raw);
    }
}
