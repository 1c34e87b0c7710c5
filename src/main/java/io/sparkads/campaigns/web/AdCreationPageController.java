package io.sparkads.campaigns.web;

import io.sparkads.campaigns.Ad;
import io.sparkads.campaigns.AdGroup;
import io.sparkads.campaigns.AdIdentities;
import io.sparkads.campaigns.AdIdentities.SparkIdentity;
import io.sparkads.campaigns.Ads;
import io.sparkads.campaigns.Campaigns;
import io.sparkads.campaigns.CustomIdentities;
import io.sparkads.campaigns.CustomIdentity;
import io.sparkads.campaigns.SparkAdQuota;
import io.sparkads.common.Refusal;
import io.sparkads.common.web.WebPage;
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
 * Spark Ads the account may still create. Every new ad waits for review: a created ad opens its own
 * page; a refused form comes back, by Post/Redirect/Get, with every problem beside its field.
 */
@WebPage
record AdCreationPageController(
        Campaigns campaigns,
        Ads ads,
        CustomIdentities customIdentities,
        AdIdentities identities,
        SparkAdQuota quota) {
    @GetMapping("/ads/adgroups/{adgroupId}/ads/new")
    String form(@ModelAttribute(name = "adGroup", binding = false) AdGroup adGroup, Model model) {
        FormOutcome.showForm(model, AdForm::initial);
        return page(adGroup, (AdForm) model.getAttribute("form"), model);
    }

    /** The posts of the identity just picked, for htmx to swap into the picker. */
    @GetMapping("/ads/adgroups/{adgroupId}/ads/new/posts")
    String posts(
            @ModelAttribute(name = "adGroup", binding = false) AdGroup adGroup,
            @RequestParam(defaultValue = "") String sparkIdentity,
            Model model) {
        addPosts(adGroup.advertiserId(), AdForm.picked(sparkIdentity, ""), model);
        model.addAttribute("errors", new FormErrors());
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
            model.addAttribute(
                    "identityError", "Enter the name the ad shows, at most 40 characters");
            model.addAttribute("newIdentityName", newIdentityName);
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", new FormErrors());
        model.addAttribute("customIdentities", customIdentities.of(advertiserId));
        return "campaigns/new-ad :: custom-identity-picker";
    }

    /** Creates the ad and opens its page; a refusal goes back to the form, as typed. */
    @PostMapping("/ads/adgroups/{adgroupId}/ads")
    String create(
            @ModelAttribute(name = "adGroup", binding = false) AdGroup adGroup,
            @ModelAttribute("form") AdForm form,
            RedirectAttributes redirect) {
        long advertiserId = adGroup.advertiserId();
        FormErrors errors = new FormErrors();
        SparkIdentity identity =
                form.spark()
                        ? identities.find(advertiserId, form.sparkIdentity()).orElse(null)
                        : null;
        Ads.NewAd draft = form.read(errors, identity);
        if (draft != null) {
            try {
                Ad created = ads.create(advertiserId, adGroup.id(), List.of(draft)).get(0);
                return FormOutcome.created(
                        redirect,
                        "Ad created; it is waiting for review",
                        "/ads/ads/" + created.id());
            } catch (Refusal refusal) {
                errors.refused(refusal, form.fields());
            }
        }
        return FormOutcome.refused(
                redirect, form, errors, "/ads/adgroups/" + adGroup.id() + "/ads/new");
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
