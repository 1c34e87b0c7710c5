package io.sparkads.content.web;

import io.sparkads.content.Post;
import io.sparkads.content.PublicFeed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The organic part of a host app's feed: public posts, newest first, page after page. */
@RestController
@RequestMapping("/platform/v1")
@Tag(name = "Platform: feed")
record FeedPlatformController(PublicFeed feed) {
    record Creator(String accountId, String handle, String displayName, String avatarUrl) {}

    /** The video to play and, for an uploaded one, its first frame to show until it plays. */
    record Video(String url, String posterUrl) {}

    record FeedPost(
            String itemId,
            String caption,
            List<String> hashtags,
            int durationMs,
            Video video,
            Creator creator,
            Post.PublicCounters counters,
            Instant createTime) {
        static FeedPost of(PublicFeed.FeedPost f) {
            Post p = f.post();
            return new FeedPost(
                    String.valueOf(p.itemId()),
                    p.caption(),
                    p.hashtags(),
                    p.durationMs(),
                    new Video(p.videoUrl(), f.posterUrl()),
                    new Creator(
                            String.valueOf(f.creator().id()),
                            f.creator().handle(),
                            f.creator().displayName(),
                            f.creator().avatarUrl()),
                    p.publicCounters(),
                    p.createdAt());
        }
    }

    record FeedPage(List<FeedPost> posts, String nextCursor, boolean hasMore) {}

    @GetMapping("/feed")
    @Operation(
            summary = "Public posts for a feed, newest first, page after page",
            description =
                    "Each post with its creator, its video (url may be null when the post has no file; poster_url is "
                            + "the first frame of an uploaded video) and its public counters: likes, comments, shares "
                            + "and follows are organic + paid, views organic only. Private, friends-only, deleted and "
                            + "ads-only posts are never listed. Pass next_cursor as cursor for the next page; it is "
                            + "null after the last one. A cursor this API did not give out is refused with 400.")
    FeedPage feed(
            @Parameter(description = "next_cursor of the previous page; none for the first page")
                    @RequestParam(required = false)
                    String cursor,
            @Parameter(description = "only posts of creators in this two-letter region, e.g. US")
                    @RequestParam(required = false)
                    String region,
            @Parameter(description = "posts per page, 1 to 50, 10 by default")
                    @RequestParam(required = false)
                    Integer count) {
        PublicFeed.Page page = feed.page(cursor, region, count);
        return new FeedPage(
                page.posts().stream().map(FeedPost::of).toList(),
                page.nextCursor().orElse(null),
                page.nextCursor().isPresent());
    }
}
