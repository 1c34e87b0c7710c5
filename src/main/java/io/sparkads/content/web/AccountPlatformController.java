package io.sparkads.content.web;

import io.sparkads.common.Ids;
import io.sparkads.common.Refusal;
import io.sparkads.content.AppAccount;
import io.sparkads.content.AppAccounts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * One account of the host app, by id or by handle: what a feed needs to link an ad's identity to
 * the profile page at {@code /@handle}, and the page to find the account behind a handle.
 */
@RestController
@RequestMapping("/platform/v1")
@Tag(name = "Platform: accounts and posts")
record AccountPlatformController(AppAccounts accounts) {
    record AccountView(
            String accountId,
            String handle,
            String displayName,
            String avatarUrl,
            AppAccount.AccountType accountType,
            String region) {}

    @GetMapping("/accounts/{account}")
    @Operation(summary = "An account by its account_id, or by its handle written as @handle")
    AccountView account(
            @Parameter(description = "an account_id such as 7301234567890123456, or @handle")
                    @PathVariable
                    String account) {
        AppAccount found;
        if (account.startsWith("@")) {
            String handle = account.substring(1);
            found =
                    accounts.findByHandle(handle)
                            .orElseThrow(
                                    () ->
                                            Refusal.notFound(
                                                    "No account with the handle @" + handle));
        } else {
            found = accounts.get(Ids.require("account_id", account));
        }
        return new AccountView(
                String.valueOf(found.id()),
                found.handle(),
                found.displayName(),
                found.avatarUrl(),
                found.accountType(),
                found.region());
    }
}
