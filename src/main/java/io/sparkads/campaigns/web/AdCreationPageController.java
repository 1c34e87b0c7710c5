package io.sparkads.campaigns.web;

import io.sparkads.campaigns.Ad;
import io.sparkads.campaigns.AdGroup;
import io.sparkads.campaigns.AdIdentities;
import io.sparkads.campaigns.AdIdentities.SparkIdentity;
import io.sparkads.campaigns.Ads;
import io.sparkads.campaigns.CallToAction;
import io.sparkads.campaigns.Campaigns;
import io.sparkads.campaigns.CustomIdentities;
import io.sparkads.campaigns.CustomIdentity;
import io.sparkads.campaigns.IdentityType;
import io.sparkads.campaigns.PageCategory;
import io.sparkads.campaigns.SparkAdQuota;
import io.sparkads.common.Refusal;
import io.sparkads.common.web.WebPage;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The ad creation page. Two formats side by side: <b>Spark Ads</b> (an identity, then one of its
 * posts: from an applied code, from a linked account, or a new video pushed to a linked account
 * that allows it) and <b>Non-Spark</b> (a custom identity, an uploaded video and the ad's own
 * text). Both take a call to action and a destination, a website or the profile page. The page
 * previews the ad as the feed shows it while the advertiser picks and types, and shows how many
 * Spark Ads the account may still create. Every new ad waits for review.
 */
@WebPage
record AdCreationPageController(
        Campaigns campaigns,
        Ads ads,
        CustomIdentities customIdentities,
        AdIdentities identities,
        SparkAdQuota quota) {
    static final String SPARK = "SPARK";
    static final String NON_SPARK = "NON_SPARK";
    static final String UPLOAD = "UPLOAD";
    static final String WEBSITE = "WEBSITE";

    /**
     * The form as typed. Uploaded videos come back as their ids (and file names, to say what was
     * uploaded), so a refused form keeps them.
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
            String landingPageUrl) {

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

        /** The ad to create, or a refusal that says what is still missing, in the page's words. */
        Ads.NewAd toNewAd(SparkIdentity identity) {
            if (FormValues.text(adName) == null) {
                throw Refusal.invalid("Give the ad a name; only you see it");
            }
            String url = null;
            if (website()) {
                url = FormValues.text(landingPageUrl);
                if (url == null) {
                    throw Refusal.invalid(
                            "Enter the website address the ad opens, or choose the profile page");
                }
            }
            String cta = FormValues.text(callToAction);
            String pageCategory = website() ? null : PageCategory.PROFILE_PAGE.name();
            if (spark()) {
                if (identity == null) {
                    throw Refusal.invalid(
                            "Pick an identity: a creator whose code you applied, or a linked account");
                }
                String id = String.valueOf(identity.accountId());
                if (UPLOAD.equals(sparkPost)) {
                    if (!identity.pushesVideos()) {
                        throw Refusal.invalid(
                                identity.displayName()
                                        + " has not allowed you to publish new videos; pick one of their posts");
                    }
                    Long video = FormValues.id(sparkVideoId);
                    if (video == null) {
                        throw Refusal.invalid("Upload the new video, and wait until it is done");
                    }
                    return new Ads.NewAd(
                            adName,
                            identity.identityType(),
                            id,
                            null,
                            FormValues.text(sparkCaption),
                            cta,
                            url,
                            video,
                            pageCategory);
                }
                Long item = FormValues.id(sparkPost);
                if (item == null) {
                    throw Refusal.invalid("Pick the post to run as the ad");
                }
                return new Ads.NewAd(
                        adName,
                        identity.identityType(),
                        id,
                        item,
                        null,
                        cta,
                        url,
                        null,
                        pageCategory);
            }
            if (!website()) {
                throw Refusal.invalid(
                        "A non-Spark ad has no profile page to open: enter the website address the ad opens");
            }
            if (FormValues.text(customIdentityId) == null) {
                throw Refusal.invalid("Pick or create the identity the ad shows");
            }
            Long video = FormValues.id(videoId);
            if (video == null) {
                throw Refusal.invalid("Upload the ad's video, and wait until it is done");
            }
            return new Ads.NewAd(
                    adName,
                    IdentityType.CUSTOMIZED_USER.wireName(),
                    customIdentityId.strip(),
                    null,
                    adText,
                    cta,
                    url,
                    video);
        }
    }

    @GetMapping("/ads/adgroups/{adgroupId}/ads/new")
    String form(@ModelAttribute(name = "adGroup", binding = false) AdGroup adGroup, Model model) {
        return page(adGroup, AdForm.initial(), model);
    }

    /** The posts of the identity just picked, for htmx to swap into the picker. */
    @GetMapping("/ads/adgroups/{adgroupId}/ads/new/posts")
    String posts(
            @ModelAttribute(name = "adGroup", binding = false) AdGroup adGroup,
            @RequestParam(defaultValue = "") String sparkIdentity,
            Model model) {
        addPosts(adGroup.advertiserId(), AdForm.picked(sparkIdentity, ""), model);
        return "campaigns/new-ad :: post-picker";
    }

    /** Creates a custom identity for non-Spark ads and answers the picker with it chosen. */
    @PostMapping("/ads/adgroups/{adgroupId}/ads/new/identities")
    String createIdentity(
            @ModelAttribute(name = "adGroup", binding = false) AdGroup adGroup,
            @RequestParam(defaultValue = "") String newIdentityName,
            Model model) {
        long advertiserId = adGroup.advertiserId();
        AdForm form = AdForm.initial();
        try {
            CustomIdentity created =
                    customIdentities.create(advertiserId, newIdentityName.strip(), null);
            form = AdForm.picked("", String.valueOf(created.id()));
        } catch (Refusal refusal) {
            model.addAttribute("identityError", "Display name is required, at most 40 characters");
            model.addAttribute("newIdentityName", newIdentityName);
        }
        model.addAttribute("form", form);
        model.addAttribute("customIdentities", customIdentities.of(advertiserId));
        return "campaigns/new-ad :: custom-identity-picker";
    }

    @PostMapping("/ads/adgroups/{adgroupId}/ads")
    String create(
            @ModelAttribute(name = "adGroup", binding = false) AdGroup adGroup,
            @ModelAttribute("form") AdForm form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        long advertiserId = adGroup.advertiserId();
        try {
            SparkIdentity identity =
                    form.spark()
                            ? identities.find(advertiserId, form.sparkIdentity()).orElse(null)
                            : null;
            Ad created =
                    ads.create(advertiserId, adGroup.id(), List.of(form.toNewAd(identity))).get(0);
            return FormOutcome.saved(
                    redirect,
                    "Ad created; it is waiting for review",
                    created.id(),
                    1,
                    "/ads/adgroups/" + adGroup.id());
        } catch (Refusal refusal) {
            FormOutcome.refused(model, response, "createError", FormValues.message(refusal));
            return page(adGroup, form, model);
        }
    }

    private String page(AdGroup adGroup, AdForm form, Model model) {
        long advertiserId = adGroup.advertiserId();
        model.addAttribute("form", form);
        model.addAttribute("campaign", campaigns.get(advertiserId, adGroup.campaignId()));
        model.addAttribute("sparkIdentities", identities.of(advertiserId));
        model.addAttribute("customIdentities", customIdentities.of(advertiserId));
        model.addAttribute("quotaRemaining", quota.remaining(advertiserId));
        model.addAttribute("quotaLimit", quota.limit());
        addPosts(advertiserId, form, model);
        return "campaigns/new-ad";
    }

    private void addPosts(long advertiserId, AdForm form, Model model) {
        SparkIdentity identity = identities.find(advertiserId, form.sparkIdentity()).orElse(null);
        model.addAttribute("form", form);
        model.addAttribute("identity", identity);
        model.addAttribute(
                "posts", identity == null ? List.of() : identities.posts(advertiserId, identity));
    }
}
