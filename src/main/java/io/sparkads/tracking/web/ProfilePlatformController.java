package io.sparkads.tracking.web;

import io.sparkads.common.PageInfo;
import io.sparkads.common.PageRequest;
import io.sparkads.common.PathIds;
import io.sparkads.common.Refusal;
import io.sparkads.content.AppAccount;
import io.sparkads.content.AppAccounts;
import io.sparkads.content.Post;
import io.sparkads.content.ProfileGrids;
import io.sparkads.delivery.LandingPanels;
import io.sparkads.delivery.LandingPanels.LandingPanel;
import io.sparkads.tracking.EventIntake;
import io.sparkads.tracking.EventType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A profile page as the host app renders it: the account, its grid of public posts and, when the
 * viewer came from a Spark ad, the ad's landing page panel (the Profile Landing Page). Coming from
 * an ad is a profile visit of that ad, counted once per impression.
 */
@RestController
@RequestMapping("/platform/v1")
@Tag(name = "Platform: profiles")
record ProfilePlatformController(
        AppAccounts accounts,
        ProfileGrids profileGrids,
        LandingPanels panels,
        EventIntake intake,
        Clock clock) {
    static final int DEFAULT_PAGE_SIZE = 12;
    static final int MAX_PAGE_SIZE = 50;

    record Account(
            String accountId,
            String handle,
            String displayName,
            String avatarUrl,
            AppAccount.AccountType accountType,
            long followerCount) {}

    record GridPost(
            String itemId,
            String caption,
            List<String> hashtags,
            int durationMs,
            String videoUrl,
            String posterUrl,
            Instant createTime,
            Post.PublicCounters counters) {}

    record Profile(
            Account account,
            List<GridPost> posts,
            PageInfo pageInfo,
            LandingPanel landingPanel,
            Boolean profileVisitCounted) {}

    @GetMapping("/profiles/{accountId}")
    @Operation(
            summary =
                    "A profile page: the account, its public posts and, from a Spark ad, its landing page panel",
            description =
                    "posts are the account's public posts, newest first, paged (page from 1, page_size up to "
                            + MAX_PAGE_SIZE
                            + ", 12 by default), each with its public counters. With impression_id (the one ad_requests "
                            + "answered for a Spark ad of this account) the answer holds landing_panel: the title, "
                            + "description and image of the ad's landing page from its Open Graph tags (read by the "
                            + "server with a 2 s limit and a 512 KiB limit, and cached; fetched=false and the host as "
                            + "title when the page could not be read) and the call to action; null for an ad without a "
                            + "landing page. The visit counts once per impression as the ad's profile_visits "
                            + "(profile_visit_counted says whether this call counted it). Opening the landing page from "
                            + "the panel is a LANDING_PAGE_VIEW event with the same impression_id. An impression_id this "
                            + "platform did not issue, or of an ad of another account, is refused with 400.")
    Profile profile(
            @PathVariable String accountId,
            @Parameter(description = "the impression id of the Spark ad that led here")
                    @RequestParam(name = "impression_id", required = false)
                    String impressionId,
            @Parameter(description = "who visits, as in events; used for reach")
                    @RequestParam(name = "viewer_id", required = false)
                    String viewerId,
            @RequestParam(name = "page", required = false) Integer page,
            @RequestParam(name = "page_size", required = false) Integer pageSize) {
        AppAccount account = accounts.get(PathIds.require("account_id", accountId));
        PageRequest request = pageOf(page, pageSize);
        LandingPanel panel = null;
        Boolean counted = null;
        if (impressionId != null && !impressionId.isBlank()) {
            LandingPanels.Entry entry = panels.enter(impressionId, account.id());
            panel = entry.panel().orElse(null);
            counted = countVisit(impressionId, viewerId);
        }
        ProfileGrids.ProfileGrid grid = profileGrids.of(account.id(), request);
        return new Profile(
                new Account(
                        String.valueOf(account.id()),
                        account.handle(),
                        account.displayName(),
                        account.avatarUrl(),
                        account.accountType(),
                        profileGrids.followerCount(account.id())),
                grid.posts().stream().map(ProfilePlatformController::gridPost).toList(),
                PageInfo.of(request, grid.total()),
                panel,
                counted);
    }

    private static PageRequest pageOf(Integer page, Integer pageSize) {
        int size = pageSize == null ? DEFAULT_PAGE_SIZE : pageSize;
        if (size > MAX_PAGE_SIZE) {
            throw Refusal.invalid(
                    "page_size must be between 1 and " + MAX_PAGE_SIZE + ", was " + size);
        }
        return new PageRequest(page == null ? 1 : page, size);
    }

    /**
     * The visit as a PROFILE_VISIT event of the impression, under an event id made from it, so a
     * second visit from the same impression (or the host app's own event) counts nowhere.
     */
    private boolean countVisit(String impressionId, String viewerId) {
        EventIntake.Outcome outcome =
                intake.accept(
                        List.of(
                                new EventIntake.IncomingEvent(
                                        "profile_visit:" + sha256(impressionId),
                                        EventType.PROFILE_VISIT.name(),
                                        clock.instant().toString(),
                                        viewerId,
                                        impressionId,
                                        null,
                                        null)));
        return outcome.accepted() == 1;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static GridPost gridPost(ProfileGrids.GridPost g) {
        Post p = g.post();
        return new GridPost(
                String.valueOf(p.itemId()),
                p.caption(),
                p.hashtags(),
                p.durationMs(),
                p.videoUrl(),
                g.posterUrl(),
                p.createdAt(),
                p.publicCounters());
    }
}
