package io.sparkads.authorization.web;

import io.sparkads.authorization.AccountLink;
import io.sparkads.authorization.AccountLinks;
import io.sparkads.authorization.Actor;
import io.sparkads.authorization.AuditEntry;
import io.sparkads.authorization.AuthorizationAudit;
import io.sparkads.authorization.AuthorizationCodes;
import io.sparkads.authorization.CodeSummary;
import io.sparkads.authorization.ExtensionRequest;
import io.sparkads.authorization.ExtensionRequests;
import io.sparkads.authorization.IssuedCode;
import io.sparkads.authorization.web.SparkPostResponses.AuditView;
import io.sparkads.common.PageRequest;
import io.sparkads.common.PathIds;
import io.sparkads.common.Refusal;
import io.sparkads.content.AppAccounts;
import io.sparkads.content.Posts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The creator's controls, called by the host app on the creator's behalf. */
@RestController
@RequestMapping("/platform/v1")
@Tag(name = "Platform: ad authorization and account links")
record AdAuthorizationPlatformController(
        AuthorizationCodes codes,
        ExtensionRequests extensions,
        AccountLinks links,
        AuthorizationAudit audit,
        Posts posts,
        AppAccounts accounts) {
    record CodeRequest(Integer days) {}

    record CodeResponse(
            String itemId, String authCode, Instant authStartTime, Instant authEndTime) {}

    @PostMapping("/posts/{itemId}/ad_authorization")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "Turn on ad authorization and issue a code; the code is shown only in this response")
    CodeResponse issue(
            @PathVariable String itemId,
            @RequestBody CodeRequest body,
            HttpServletRequest request) {
        IssuedCode code = codes.issueCode(PathIds.itemId(itemId), body.days(), actor(request));
        return new CodeResponse(itemId, code.authCode(), code.authStartTime(), code.authEndTime());
    }

    @GetMapping("/posts/{itemId}/ad_authorization")
    @Operation(
            summary =
                    "The codes issued for the post with their status (NOT_USED, IN_USE, EXPIRED, REVOKED); never the codes themselves")
    CodeList codes(@PathVariable String itemId) {
        return new CodeList(codes.codesOf(knownPost(itemId)));
    }

    record CodeList(List<CodeSummary> codes) {}

    @DeleteMapping("/posts/{itemId}/ad_authorization")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary =
                    "Turn ad authorization off: every code of the post is revoked and every ad using it stops at once")
    void revoke(@PathVariable String itemId, HttpServletRequest request) {
        codes.revoke(PathIds.itemId(itemId), actor(request));
    }

    @DeleteMapping("/posts/{itemId}/ad_authorization/codes/{codeId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary =
                    "Revoke one code: the ad accounts that applied it stop at once, others keep the post")
    void revokeCode(
            @PathVariable String itemId, @PathVariable String codeId, HttpServletRequest request) {
        codes.revokeCode(
                PathIds.itemId(itemId), PathIds.require("code_id", codeId), actor(request));
    }

    @GetMapping("/posts/{itemId}/extension_requests")
    @Operation(summary = "Advertisers' requests to extend the post's authorization")
    ExtensionRequestList extensions(@PathVariable String itemId) {
        return new ExtensionRequestList(extensions.extensionsOf(knownPost(itemId)));
    }

    record ExtensionRequestList(List<ExtensionRequest> extensionRequests) {}

    record ExtensionDecision(String decision, Integer days) {}

    @PostMapping("/posts/{itemId}/extension_requests/{requestId}/decision")
    @Operation(
            summary =
                    "Approve an extension with a new period (days: 7, 30, 60 or 365), or decline it")
    ExtensionRequest decideExtension(
            @PathVariable String itemId,
            @PathVariable String requestId,
            @RequestBody ExtensionDecision body,
            HttpServletRequest request) {
        if (body.decision() == null || !List.of("APPROVE", "DECLINE").contains(body.decision())) {
            throw Refusal.invalid("decision must be APPROVE or DECLINE");
        }
        return extensions.decideExtension(
                PathIds.itemId(itemId),
                PathIds.require("request_id", requestId),
                body.decision().equals("APPROVE"),
                body.days(),
                actor(request));
    }

    @GetMapping("/posts/{itemId}/audit")
    @Operation(
            summary =
                    "Every grant, use, refusal, revoke, expiry and unbind of the post, newest first")
    AuditEntries postAudit(
            @PathVariable String itemId,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(name = "page_size", defaultValue = "50") int pageSize) {
        return AuditEntries.of(audit.ofPost(knownPost(itemId), new PageRequest(page, pageSize)));
    }

    @GetMapping("/accounts/{accountId}/audit")
    @Operation(
            summary =
                    "Everything that happened to the account's authorizations and links, newest first")
    AuditEntries accountAudit(
            @PathVariable String accountId,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(name = "page_size", defaultValue = "50") int pageSize) {
        return AuditEntries.of(
                audit.ofAccount(knownAccount(accountId), new PageRequest(page, pageSize)));
    }

    /** A page of the audit trail, newest first. */
    record AuditEntries(List<AuditView> entries) {
        static AuditEntries of(List<AuditEntry> entries) {
            return new AuditEntries(entries.stream().map(AuditView::of).toList());
        }
    }

    record LinkApproval(String linkCode, List<String> permissions, Boolean adsOnly) {}

    @PostMapping("/accounts/{accountId}/links")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "The creator approves an advertiser's link request, choosing permissions and, for pushed videos, ads only or profile and ads")
    AccountLink approveLink(
            @PathVariable String accountId,
            @RequestBody LinkApproval body,
            HttpServletRequest request) {
        long id = PathIds.require("account_id", accountId);
        return links.approve(
                id,
                body.linkCode(),
                body.permissions(),
                body.adsOnly(),
                Actor.creator(id, ClientAddress.of(request)));
    }

    @GetMapping("/accounts/{accountId}/links")
    @Operation(summary = "The advertisers linked to the account")
    LinkList accountLinks(@PathVariable String accountId) {
        return new LinkList(links.ofAccount(knownAccount(accountId)));
    }

    record LinkList(List<AccountLink> links) {}

    @DeleteMapping("/accounts/{accountId}/links/{advertiserId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Unlink an advertiser: its ads of this identity stop at once")
    void unlink(
            @PathVariable String accountId,
            @PathVariable String advertiserId,
            HttpServletRequest request) {
        long id = PathIds.require("account_id", accountId);
        links.unlink(
                id,
                PathIds.require("advertiser_id", advertiserId),
                Actor.creator(id, ClientAddress.of(request)));
    }

    /** The post's id from the path, refused when there is no such post. */
    private long knownPost(String itemId) {
        long id = PathIds.itemId(itemId);
        posts.get(id);
        return id;
    }

    /** The account's id from the path, refused when there is no such account. */
    private long knownAccount(String accountId) {
        long id = PathIds.require("account_id", accountId);
        accounts.get(id);
        return id;
    }

    private static Actor actor(HttpServletRequest request) {
        return Actor.platform(ClientAddress.of(request));
    }
}
