package io.sparkads.campaigns.web;

import io.sparkads.campaigns.AdIdentities.SparkIdentity;
import io.sparkads.campaigns.Ads;
import io.sparkads.campaigns.CallToAction;
import io.sparkads.campaigns.IdentityType;
import io.sparkads.campaigns.PageCategory;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Map;

/**
 * The ad creation form as typed, and its checks, every field at once, in the page's words. Uploaded
 * videos come back as their ids (and file names, to say what was uploaded), so a refused form keeps
 * them.
 */
record AdForm(
        String format,
        String adName,
        String sparkIdentity,
        String sparkPost,
        String sparkVideoId,
        String sparkVideoName,
        String sparkCaption,
        String customIdentityId,
        String videoId,
        String videoName,
        String adText,
        String callToAction,
        String destination,
        String landingPageUrl)
        implements Serializable {
    static final String SPARK = "SPARK";
    static final String NON_SPARK = "NON_SPARK";
    static final String UPLOAD = "UPLOAD";
    static final String WEBSITE = "WEBSITE";
    static final int MAX_TEXT = 100;

    static AdForm initial() {
        return picked("", "");
    }

    /** A new form with an identity already picked, as a picker answers once one is chosen. */
    static AdForm picked(String sparkIdentity, String customIdentityId) {
        return new AdForm(
                SPARK,
                "",
                sparkIdentity,
                "",
                "",
                "",
                "",
                customIdentityId,
                "",
                "",
                "",
                CallToAction.DEFAULT.wireName(),
                WEBSITE,
                "");
    }

    public boolean spark() {
        return !NON_SPARK.equals(format);
    }

    public boolean website() {
        return !"PROFILE_PAGE".equals(destination);
    }

    /** Where a service's refusal belongs on this form, by the wire name it starts with. */
    Map<String, String> fields() {
        boolean upload = spark() && UPLOAD.equals(sparkPost);
        return Map.of(
                "ad_name", "ad-name",
                "ad_text", spark() ? "spark-caption" : "ad-text",
                "call_to_action", "call-to-action",
                "landing_page_url", "landing-page-url",
                "tiktok_item_id", "spark-post",
                "The authorization of post", "spark-post",
                "identity_id", spark() ? "spark-identity" : "custom-identity",
                "video_id", spark() ? (upload ? "spark-video-file" : "spark-post") : "video-file");
    }

    /**
     * The ad to create, or {@code null} with every problem recorded; {@code identity} is the Spark
     * identity the form names, {@code null} when it names none this ad account has.
     */
    Ads.NewAd read(FormErrors errors, SparkIdentity identity) {
        String name =
                errors.required("ad-name", adName, 512, "Give the ad a name; only you see it");
        String url = website() ? landingPage(errors) : null;
        String cta = FormValues.text(callToAction);
        if (cta != null
                && Arrays.stream(CallToAction.values()).noneMatch(c -> c.wireName().equals(cta))) {
            errors.add("call-to-action", "Choose a call to action from the list");
        }
        Ads.NewAd ad =
                spark()
                        ? sparkAd(errors, identity, name, cta, url)
                        : nonSparkAd(errors, name, cta, url);
        return errors.isEmpty() ? ad : null;
    }

    private String landingPage(FormErrors errors) {
        String url = FormValues.text(landingPageUrl);
        if (url == null) {
            errors.add(
                    "landing-page-url",
                    "Enter the website address the ad opens, or choose the profile page");
            return null;
        }
        try {
            URI uri = new URI(url);
            if ("https".equals(uri.getScheme())
                    && uri.getHost() != null
                    && !uri.getHost().isBlank()) {
                return url;
            }
        } catch (URISyntaxException e) {
            // refused below in the same words
        }
        errors.add(
                "landing-page-url",
                "Enter a website address that starts with https://, such as https://shop.example.com/spring");
        return null;
    }

    private Ads.NewAd sparkAd(
            FormErrors errors, SparkIdentity identity, String name, String cta, String url) {
        if (identity == null) {
            errors.add(
                    "spark-identity",
                    "Pick an identity: a creator whose code you applied, or a linked account");
            return null;
        }
        String id = String.valueOf(identity.accountId());
        if (UPLOAD.equals(sparkPost)) {
            if (!identity.pushesVideos()) {
                errors.add(
                        "spark-post",
                        identity.displayName()
                                + " has not allowed you to publish new videos; pick one of their posts");
                return null;
            }
            Long video = FormValues.id(sparkVideoId);
            if (video == null) {
                errors.add("spark-video-file", "Upload the new video, and wait until it is done");
            }
            String caption = FormValues.text(sparkCaption);
            if (caption != null && caption.length() > MAX_TEXT) {
                errors.add("spark-caption", "Keep the caption to 100 characters or fewer");
            }
            return new Ads.NewAd(
                    name,
                    identity.identityType(),
                    id,
                    null,
                    caption,
                    cta,
                    url,
                    video,
                    pageCategory());
        }
        Long item = FormValues.id(sparkPost);
        if (item == null) {
            errors.add("spark-post", "Pick the post to run as the ad");
        }
        return new Ads.NewAd(
                name, identity.identityType(), id, item, null, cta, url, null, pageCategory());
    }

    private Ads.NewAd nonSparkAd(FormErrors errors, String name, String cta, String url) {
        if (!website()) {
            errors.add(
                    "destination",
                    "A non-Spark ad has no profile page to open: enter the website address the ad opens");
        }
        String identity = FormValues.text(customIdentityId);
        if (identity == null) {
            errors.add("custom-identity", "Pick or create the identity the ad shows");
        }
        Long video = FormValues.id(videoId);
        if (video == null) {
            errors.add("video-file", "Upload the ad's video, and wait until it is done");
        }
        String text =
                errors.required(
                        "ad-text", adText, MAX_TEXT, "Write the text viewers read under the video");
        return new Ads.NewAd(
                name,
                IdentityType.CUSTOMIZED_USER.wireName(),
                identity,
                null,
                text,
                cta,
                url,
                video,
                null);
    }

    /** Where a Spark ad leads when it does not open a website: the identity's profile page. */
    private String pageCategory() {
        return website() ? null : PageCategory.PROFILE_PAGE.name();
    }
}
