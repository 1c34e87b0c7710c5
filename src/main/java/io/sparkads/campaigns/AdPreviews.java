package io.sparkads.campaigns;

import io.sparkads.common.Creative;
import io.sparkads.common.Ids;
import io.sparkads.content.AppAccount;
import io.sparkads.content.AppAccounts;
import io.sparkads.content.Post;
import io.sparkads.content.Posts;
import io.sparkads.content.VideoFile;
import io.sparkads.content.VideoFiles;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * An ad as a viewer sees it in the feed, for pages that preview it: who speaks (the creator of a
 * Spark ad's post, or the advertiser's own identity), the video, the text and the button. Unlike
 * delivery, it previews any ad, also one whose post may no longer run: what is gone reads as such.
 */
@Service
public class AdPreviews {
    private final Posts posts;
    private final AppAccounts accounts;
    private final CustomIdentities customIdentities;
    private final VideoFiles videos;

    AdPreviews(
            Posts posts,
            AppAccounts accounts,
            CustomIdentities customIdentities,
            VideoFiles videos) {
        this.posts = posts;
        this.accounts = accounts;
        this.customIdentities = customIdentities;
        this.videos = videos;
    }

    /**
     * An ad as previewed, with the handle of the creator who speaks in a Spark ad ({@code null} for
     * the advertiser's own identity or an account that is gone), which reviewers see beside it.
     */
    public record Preview(Creative creative, String handle) {}

    public Creative of(Ad ad) {
        return preview(ad).creative();
    }

    public Preview preview(Ad ad) {
        Optional<VideoFile> video =
                ad.videoId() == null ? Optional.empty() : videos.find(ad.videoId());
        String posterUrl = video.map(VideoFile::posterUrl).orElse(null);
        boolean website = !ad.leadsToProfile() && ad.landingPageUrl() != null;
        if (!ad.spark()) {
            Long identity = Ids.parse(ad.identityId());
            Optional<CustomIdentity> custom =
                    identity == null
                            ? Optional.empty()
                            : customIdentities.of(ad.advertiserId()).stream()
                                    .filter(i -> i.id() == identity)
                                    .findFirst();
            return new Preview(
                    new Creative(
                            ad.identityId(),
                            custom.map(CustomIdentity::displayName).orElse("Your brand"),
                            custom.map(CustomIdentity::avatarUrl).orElse(null),
                            ad.adText(),
                            video.map(VideoFile::url).orElse(null),
                            posterUrl,
                            ad.callToAction(),
                            website ? "WEBSITE" : "PROFILE_PAGE",
                            ad.landingPageUrl()),
                    null);
        }
        Optional<Post> post =
                ad.tiktokItemId() == null ? Optional.empty() : posts.find(ad.tiktokItemId());
        Long accountId = post.map(Post::accountId).orElse(Ids.parse(ad.identityId()));
        Optional<AppAccount> account =
                accountId == null ? Optional.empty() : accounts.find(accountId);
        return new Preview(
                new Creative(
                        ad.identityId(),
                        account.map(AppAccount::displayName).orElse("Creator"),
                        account.map(AppAccount::avatarUrl).orElse(null),
                        post.map(Post::caption).orElse(ad.adText()),
                        post.filter(p -> p.deletedAt() == null)
                                .map(Post::videoUrl)
                                .orElse(video.map(VideoFile::url).orElse(null)),
                        posterUrl,
                        ad.callToAction(),
                        website ? "WEBSITE" : "PROFILE_PAGE",
                        website
                                ? ad.landingPageUrl()
                                : account.map(a -> "/@" + a.handle()).orElse(null)),
                account.map(AppAccount::handle).orElse(null));
    }
}
