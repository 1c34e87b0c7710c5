package io.sparkads.authorization.web;

import io.sparkads.authorization.AuditEntry;
import io.sparkads.authorization.AuthorizationAudit;
import io.sparkads.common.PageRequest;
import io.sparkads.common.web.WebPage;
import io.sparkads.content.AppAccount;
import io.sparkads.content.AppAccounts;
import io.sparkads.content.Post;
import io.sparkads.content.Posts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail as people read it: the creator sees everything that happened to their posts and
 * links ({@code /creator/audit}), the advertiser everything in their ad account ({@code
 * /ads/tools/audit}); newest first, who did it and from where. The trail itself is append-only.
 */
@WebPage
record AuditTrailPageController(AuthorizationAudit audit, Posts posts, AppAccounts accounts) {
    static final int PAGE_SIZE = 50;

    /** An entry with the post and the creator's account it names, when it names them. */
    record AuditRow(AuditEntry entry, Post post, AppAccount account) {
        /** Where the step came from, as people read an address: "this computer" for loopback. */
        public String from() {
            return ClientAddress.readable(entry.clientAddress());
        }
    }

    @GetMapping("/creator/audit")
    String creator(
            @AuthenticationPrincipal(expression = "creatorAccountId()") long creatorAccountId,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        model.addAttribute("account", accounts.get(creatorAccountId));
        return trail("creator", creatorAccountId, page, model, audit::ofAccount);
    }

    @GetMapping("/ads/tools/audit")
    String advertiser(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        return trail("advertiser", advertiserId, page, model, audit::ofAdvertiser);
    }

    /** One side's page of the trail: {@code side} is whose ids count as "you" on the page. */
    private String trail(
            String side,
            long self,
            int page,
            Model model,
            BiFunction<Long, PageRequest, List<AuditEntry>> entriesOf) {
        PageRequest request = new PageRequest(Math.max(1, page), PAGE_SIZE);
        model.addAttribute("side", side);
        model.addAttribute("self", String.valueOf(self));
        List<AuditEntry> entries = entriesOf.apply(self, request);
        Map<Long, Optional<Post>> postCache = new HashMap<>();
        Map<Long, Optional<AppAccount>> accountCache = new HashMap<>();
        List<AuditRow> rows =
                entries.stream()
                        .map(
                                e ->
                                        new AuditRow(
                                                e,
                                                e.itemId() == null
                                                        ? null
                                                        : postCache
                                                                .computeIfAbsent(
                                                                        e.itemId(), posts::find)
                                                                .orElse(null),
                                                e.accountId() == null
                                                        ? null
                                                        : accountCache
                                                                .computeIfAbsent(
                                                                        e.accountId(),
                                                                        accounts::find)
                                                                .orElse(null)))
                        .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("page", request.page());
        // A full page may be followed by more; the next page says so if it is empty.
        model.addAttribute("hasOlder", entries.size() == request.pageSize());
        return "authorization/audit-trail";
    }
}
