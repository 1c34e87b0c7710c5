package io.sparkads.reporting.web;

import io.sparkads.common.PathIds;
import io.sparkads.reporting.AdUsageLedger;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/platform/v1")
@Tag(name = "Platform: ad usage")
record AdUsagePlatformController(AdUsageLedger ledger) {
    @GetMapping("/posts/{itemId}/ad_usage")
    @Operation(
            summary =
                    "Which ad accounts use the post, in which ads, since when, and what the ads made",
            description =
                    "Per ad and per ad account ('paid'): impressions, views (video plays), clicks, likes, comments, "
                            + "shares, follows, profile visits and spend in the ad account's currency. Paid likes, "
                            + "comments, shares and follows are the ones the post's public counters include.")
    AdUsage usage(@PathVariable String itemId) {
        return new AdUsage(ledger.ofPost(PathIds.itemId(itemId)));
    }

    /** The ad accounts that use a post, each with its ads and what they made. */
    record AdUsage(List<AdUsageLedger.AccountUse> adAccounts) {}
}
