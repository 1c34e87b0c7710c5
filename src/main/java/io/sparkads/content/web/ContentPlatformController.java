package io.sparkads.content.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sparkads.common.Ids;
import io.sparkads.common.PathIds;
import io.sparkads.common.Refusal;
import io.sparkads.content.AppAccount;
import io.sparkads.content.AppAccounts;
import io.sparkads.content.Post;
import io.sparkads.content.Posts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/platform/v1")
@Tag(name = "Platform: accounts and posts")
record ContentPlatformController(AppAccounts accounts, Posts posts) {
    record NewAccount(
            String handle,
            String displayName,
            AppAccount.AccountType accountType,
            String region,
            String avatarUrl) {}

    record CreatedAccount(String accountId, String handle) {}

    @PostMapping("/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a creator or business account of the host app")
    CreatedAccount createAccount(@RequestBody NewAccount body) {
        AppAccount account =
                accounts.create(
                        body.handle(),
                        body.displayName(),
                        body.accountType(),
                        body.region(),
                        body.avatarUrl());
        return new CreatedAccount(String.valueOf(account.id()), account.handle());
    }

    record NewPost(
            String accountId,
            String caption,
            List<String> hashtags,
            String soundId,
            Integer durationMs,
            String videoUrl,
            Post.Visibility visibility) {}

    record CreatedPost(String itemId) {}

    @PostMapping("/posts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an organic post")
    CreatedPost createPost(@RequestBody NewPost body) {
        long accountId = Ids.require("account_id", body.accountId());
        Post post =
                posts.create(
                        new Posts.NewPost(
                                accountId,
                                body.caption(),
                                body.hashtags(),
                                body.soundId(),
                                body.durationMs(),
                                body.videoUrl(),
                                body.visibility()));
        return new CreatedPost(String.valueOf(post.itemId()));
    }

    record PostView(
            String itemId,
            String accountId,
            String caption,
            List<String> hashtags,
            String soundId,
            int durationMs,
            String videoUrl,
            Post.Visibility visibility,
            Instant createTime,
            Post.OrganicCounters organic,
            boolean adsOnly,
            Post.PaidCounters paid,
            @JsonProperty("public") Post.PublicCounters publicCounters) {
        static PostView of(Post p) {
            return new PostView(
                    String.valueOf(p.itemId()),
                    String.valueOf(p.accountId()),
                    p.caption(),
                    p.hashtags(),
                    p.soundId(),
                    p.durationMs(),
                    p.videoUrl(),
                    p.visibility(),
                    p.createdAt(),
                    p.organic(),
                    p.adsOnly(),
                    p.paid(),
                    p.publicCounters());
        }
    }

    @GetMapping("/posts/{itemId}")
    @Operation(
            summary = "A post with its organic, paid and public counters",
            description =
                    "Paid engagement on a Spark ad is credited to the post it shows: 'public' likes, comments, shares and "
                            + "follows are organic + paid, 'public' views are organic views only. 'paid' also counts profile "
                            + "visits from the ads. Each accepted event counts once; organic events show about a second after "
                            + "POST /events answered (they are counted from a queue).")
    PostView getPost(@PathVariable String itemId) {
        Post post = posts.get(PathIds.itemId(itemId));
        if (post.deletedAt() != null) {
            throw Refusal.notFound("Post " + itemId + " is deleted");
        }
        return PostView.of(post);
    }

    record VisibilityChange(Post.Visibility visibility) {}

    @PatchMapping("/posts/{itemId}")
    @Operation(
            summary =
                    "Change a post's visibility; ads using a post that stops being public stop at once")
    PostView changeVisibility(@PathVariable String itemId, @RequestBody VisibilityChange body) {
        return PostView.of(posts.changeVisibility(PathIds.itemId(itemId), body.visibility()));
    }

    @DeleteMapping("/posts/{itemId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a post; ads using it stop delivering at once")
    void deletePost(@PathVariable String itemId) {
        posts.delete(PathIds.itemId(itemId));
    }
}
