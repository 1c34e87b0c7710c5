package io.sparkads.authorization.web;

import io.sparkads.authorization.IssuedCode;
import io.sparkads.authorization.SparkAuthorizations;
import io.sparkads.common.PathIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/platform/v1/posts/{itemId}/ad_authorization")
@Tag(name = "Platform: ad authorization")
class PlatformAuthorizationController {
    private final SparkAuthorizations authorizations;

    PlatformAuthorizationController(SparkAuthorizations authorizations) {
        this.authorizations = authorizations;
    }

    record Request(Integer days) {}

    record Response(String itemId, String authCode, Instant authStartTime, Instant authEndTime) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Turn on ad authorization and issue a code; the code is shown only in this response")
    Response issue(@PathVariable String itemId, @RequestBody Request body) {
        IssuedCode code = authorizations.issueCode(PathIds.itemId(itemId), body.days());
        return new Response(itemId, code.authCode(), code.authStartTime(), code.authEndTime());
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke: every code of the post is revoked and every ad using it stops at once")
    void revoke(@PathVariable String itemId) {
        authorizations.revoke(PathIds.itemId(itemId));
    }
}
