package io.sparkads.common;

/**
 * What the viewer sees and where a tap leads: the identity shown (a creator's account for a Spark
 * ad, a custom identity otherwise), the video and its caption, the call to action and its
 * destination. The engine carries it through untouched. {@code posterUrl}, the first frame of an
 * uploaded video, may be null.
 *
 * @param destinationType {@code PROFILE_PAGE} or {@code WEBSITE}
 */
public record Creative(
        String identityAccountId,
        String displayName,
        String avatarUrl,
        String caption,
        String videoUrl,
        String posterUrl,
        String callToAction,
        String destinationType,
        String destinationUrl) {}
