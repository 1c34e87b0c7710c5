package io.sparkads.authorization.web;

import io.sparkads.authorization.Actor;
import io.sparkads.authorization.AuthorizationRequest;
import io.sparkads.authorization.AuthorizationRequests;
import io.sparkads.common.PathIds;
import io.sparkads.common.Refusal;
import io.sparkads.content.AppAccounts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Advertisers' requests for ad authorization of a creator's post, as the host app shows them to the
 * creator, and the creator's answer.
 */
@RestController
@RequestMapping("/platform/v1")
@Tag(name = "Platform: ad authorization and account links")
record AuthorizationRequestPlatformController(
        AuthorizationRequests requests, AppAccounts accounts) {

    /** A request as the host app shows it; ids are strings, as elsewhere on the wire. */
    record RequestView(
            String requestId,
            String advertiserId,
            String itemId,
            String accountId,
            AuthorizationRequest.Status status,
            String message,
            Instant requestedAt,
            Instant decidedAt,
            Integer days) {
        static RequestView of(AuthorizationRequest r) {
            return new RequestView(
                    String.valueOf(r.id()),
                    String.valueOf(r.advertiserId()),
                    String.valueOf(r.itemId()),
                    String.valueOf(r.accountId()),
                    r.status(),
                    r.message(),
                    r.requestedAt(),
                    r.decidedAt(),
                    r.days());
        }
    }

    record RequestList(List<RequestView> authorizationRequests) {}

    @GetMapping("/accounts/{accountId}/authorization_requests")
    @Operation(
            summary =
                    "Advertisers' requests for ad authorization of the account's posts, pending ones first")
    RequestList ofAccount(@PathVariable String accountId) {
        long id = PathIds.require("account_id", accountId);
        accounts.get(id);
        return new RequestList(requests.toAccount(id).stream().map(RequestView::of).toList());
    }

    /**
     * @param accountId optional: the creator deciding; a request to another account is not found
     */
    record Decision(String decision, Integer days, String accountId) {}

    @PostMapping("/authorization_requests/{requestId}/decision")
    @Operation(
            summary =
                    "The creator accepts (decision ACCEPT with days: 7, 30, 60 or 365; the post joins the ad account's"
                            + " library at once) or declines (DECLINE)")
    RequestView decide(
            @PathVariable String requestId,
            @RequestBody Decision body,
            HttpServletRequest request) {
        AuthorizationRequest.Decision decision;
        try {
            decision = AuthorizationRequest.Decision.valueOf(String.valueOf(body.decision()));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(
                    "decision must be ACCEPT (with days) or DECLINE, was " + body.decision());
        }
        Long accountId =
                body.accountId() == null ? null : PathIds.require("account_id", body.accountId());
        return RequestView.of(
                requests.decide(
                        accountId,
                        PathIds.require("request_id", requestId),
                        decision,
                        body.days(),
                        Actor.platform(ClientAddress.of(request))));
    }
}
