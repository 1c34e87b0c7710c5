package io.sparkads.review.web;

import io.sparkads.campaigns.Ad;
import io.sparkads.campaigns.CustomIdentities;
import io.sparkads.campaigns.CustomIdentity;
import io.sparkads.common.Refusal;
import io.sparkads.content.AppAccount;
import io.sparkads.content.AppAccounts;
import io.sparkads.content.Post;
import io.sparkads.content.Posts;
import io.sparkads.content.VideoFile;
import io.sparkads.content.VideoFiles;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What a viewer would see of an ad in the feed, for the reviewer: who speaks (a creator's account
 * for a Spark ad, the advertiser's custom identity otherwise), the video or its first frame, the
 * text and the call to action. It is shown whatever the ad's state, so a reviewer also sees the ad
 * of a post that lost its authorization.
 */
@Component
class AdPreviews {
    private final Posts posts;
    private final AppAccounts accounts;
    private final VideoFiles videos;
    private final CustomIdentities customIdentities;

    AdPreviews(
            Posts posts,
            AppAccounts accounts,
            VideoFiles videos,
            CustomIdentities customIdentities) {
        this.posts = posts;
        this.accounts = accounts;
        this.videos = videos;
        this.customIdentities = customIdentities;
    }

    /**
     * @param handle the creator's handle for a Spark ad, {@code null} for a custom identity
     * @param destination the landing page, or {@code null} when a tap opens the identity's profile
     */
    record AdPreview(
            String identityName,
            String handle,
            String avatarUrl,
            String text,
            String videoUrl,
            String posterUrl,
            String callToAction,
            String destination) {

        /** The letter shown when the identity has no avatar. */
        public String initial() {
            return identityName == null || identityName.isBlank()
                    ? "?"
                    : identityName.substring(0, 1).toUpperCase(Locale.ROOT);
        }
    }

    AdPreview of(Ad ad) {
        Optional<VideoFile> video =
                ad.videoId() == null ? Optional.empty() : videos.find(ad.videoId());
        String posterUrl = video.map(VideoFile::posterUrl).orElse(null);
        if (!ad.spark()) {
            Optional<CustomIdentity> identity = customIdentity(ad);
            return new AdPreview(
                    identity.map(CustomIdentity::displayName).orElse("Unknown identity"),
                    null,
                    identity.map(CustomIdentity::avatarUrl).orElse(null),
                    ad.adText(),
                    video.map(VideoFile::url).orElse(null),
                    posterUrl,
                    ad.callToAction(),
                    ad.landingPageUrl());
        }
        Optional<Post> post =
                ad.tiktokItemId() == null ? Optional.empty() : posts.find(ad.tiktokItemId());
        Optional<AppAccount> account =
                post.map(Post::accountId).or(() -> number(ad.identityId())).flatMap(accounts::find);
        return new AdPreview(
                account.map(AppAccount::displayName).orElse("Unknown creator"),
                account.map(AppAccount::handle).orElse(null),
                account.map(AppAccount::avatarUrl).orElse(null),
                post.map(Post::caption).orElse(ad.adText()),
                post.map(Post::videoUrl).or(() -> video.map(VideoFile::url)).orElse(null),
                posterUrl,
                ad.callToAction(),
                ad.landingPageUrl());
    }

    private Optional<CustomIdentity> customIdentity(Ad ad) {
        try {
            return number(ad.identityId()).map(id -> customIdentities.get(ad.advertiserId(), id));
        } catch (Refusal gone) {
            return Optional.empty();
        }
    }

    private static Optional<Long> number(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(Long.parseLong(id.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
