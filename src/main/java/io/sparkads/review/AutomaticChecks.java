package io.sparkads.review;

import io.sparkads.authorization.SparkPost;
import io.sparkads.campaigns.Ad;
import io.sparkads.campaigns.Ads;
import io.sparkads.review.CheckResult.Check;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The checks every ad passes before a person looks at it. A restricted term or a post the ad may
 * not use fails the ad; a claim a person should weigh, or an authorization about to end, asks for a
 * look.
 */
@Component
class AutomaticChecks {
    /**
     * An authorization ending this soon leaves the ad too little time to be worth approving blind.
     */
    static final Duration ENDS_SOON = Duration.ofDays(3);

    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Ads ads;
    private final Clock clock;
    private final List<String> policyTerms;
    private final List<Pattern> lookTerms;

    AutomaticChecks(
            Ads ads,
            Clock clock,
            @Value(
                            "${sparkads.review.policy-terms:guaranteed cure,miracle cure,get rich quick,risk-free returns,100% guaranteed}")
                    List<String> policyTerms,
            @Value("${sparkads.review.look-terms:free,best,#1,guaranteed,lose weight,cure}")
                    List<String> lookTerms) {
        this.ads = ads;
        this.clock = clock;
        this.policyTerms = normalized(policyTerms);
        // Whole words only: "free" asks for a look, "freedom" does not.
        this.lookTerms =
                normalized(lookTerms).stream()
                        .map(
                                t ->
                                        Pattern.compile(
                                                "(?<![\\p{L}\\p{N}])"
                                                        + Pattern.quote(t)
                                                        + "(?![\\p{L}\\p{N}])"))
                        .toList();
    }

    private static List<String> normalized(List<String> terms) {
        return terms.stream()
                .map(t -> t.strip().toLowerCase(Locale.ROOT))
                .filter(t -> !t.isEmpty())
                .toList();
    }

    /**
     * The checks of each ad that still exists, by ad id. Every ad is checked in full; a post
     * several of them show is looked up once, as it stands now.
     */
    Map<Long, List<CheckResult>> run(Collection<Long> adIds) {
        Map<PostKey, Optional<SparkPost>> posts = new HashMap<>();
        Map<Long, List<CheckResult>> checked = new LinkedHashMap<>();
        for (Ad ad : ads.findAll(adIds)) {
            checked.put(
                    ad.id(),
                    run(
                            ad,
                            () ->
                                    posts.computeIfAbsent(
                                            new PostKey(
                                                    ad.advertiserId(),
                                                    ad.identityType(),
                                                    ad.tiktokItemId(),
                                                    ad.videoId()),
                                            key -> ads.sparkPostOf(ad))));
        }
        return checked;
    }

    /** What decides the post a Spark ad shows. */
    private record PostKey(long advertiserId, String identityType, Long itemId, Long videoId) {}

    private List<CheckResult> run(Ad ad, Supplier<Optional<SparkPost>> shownPost) {
        if (!ad.spark()) {
            return List.of(
                    CheckResult.pass(
                            Check.AUTHORIZATION,
                            "a non-Spark ad: it shows the advertiser's own video"),
                    CheckResult.pass(Check.POST_PUBLIC, "a non-Spark ad has no post"),
                    policy(ad),
                    landingUrl(ad),
                    destination(ad, Optional.empty()));
        }
        if (ad.tiktokItemId() == null) {
            return List.of(
                    CheckResult.pass(
                            Check.AUTHORIZATION,
                            "a video pushed through the linked account; the link is checked again when it is published"),
                    CheckResult.pass(
                            Check.POST_PUBLIC,
                            "the video becomes a post of the linked account once approved"),
                    policy(ad),
                    landingUrl(ad),
                    destination(ad, Optional.empty()));
        }
        Optional<SparkPost> post = shownPost.get();
        return List.of(
                authorization(ad, post),
                postIsPublic(post),
                policy(ad),
                landingUrl(ad),
                destination(ad, post));
    }

    /**
     * Whether a tap on the ad can reach somewhere: a non-Spark ad's custom identity has no profile,
     * so it needs its landing page; a Spark ad that leads to the profile needs the identity's
     * account behind its post.
     */
    private CheckResult destination(Ad ad, Optional<SparkPost> post) {
        if (!ad.spark()) {
            if (ad.landingPageUrl() == null || ad.tiktokPageCategory() != null) {
                return CheckResult.fail(
                        Check.DESTINATION,
                        "a non-Spark ad's custom identity has no profile page to lead to; give the ad a"
                                + " landing page URL");
            }
            return CheckResult.pass(Check.DESTINATION, "leads to its landing page");
        }
        if (!ad.leadsToProfile()) {
            return CheckResult.pass(Check.DESTINATION, "leads to its landing page");
        }
        if (ad.tiktokItemId() == null) {
            return CheckResult.pass(
                    Check.DESTINATION, "leads to the linked account's profile page");
        }
        return post.map(
                        p ->
                                CheckResult.pass(
                                        Check.DESTINATION,
                                        "leads to the profile page of @" + p.account().handle()))
                .orElseGet(
                        () ->
                                CheckResult.fail(
                                        Check.DESTINATION,
                                        "the profile page it leads to cannot be found: post "
                                                + ad.tiktokItemId()
                                                + " is not this ad account's to show"));
    }

    private CheckResult authorization(Ad ad, Optional<SparkPost> post) {
        if (!ad.spark()) {
            return CheckResult.pass(Check.AUTHORIZATION, "not a Spark ad: no authorization needed");
        }
        if (post.isEmpty()) {
            return CheckResult.fail(
                    Check.AUTHORIZATION,
                    "post " + ad.tiktokItemId() + " is not authorized to this ad account");
        }
        Instant end = post.get().authEndTime();
        return switch (post.get().status()) {
            case NOT_USED, IN_USE -> {
                if (end == null) {
                    yield CheckResult.pass(
                            Check.AUTHORIZATION, "authorized through a linked account");
                }
                if (end.isBefore(clock.instant().plus(ENDS_SOON))) {
                    yield CheckResult.needsALook(
                            Check.AUTHORIZATION,
                            "authorized only until "
                                    + MINUTES.format(end)
                                    + ": the ad stops then unless the creator extends it");
                }
                yield CheckResult.pass(
                        Check.AUTHORIZATION, "authorized until " + MINUTES.format(end));
            }
            case EXPIRED ->
                    CheckResult.fail(
                            Check.AUTHORIZATION, "the creator's authorization has expired");
            case REVOKED ->
                    CheckResult.fail(Check.AUTHORIZATION, "the creator revoked the authorization");
        };
    }

    private CheckResult postIsPublic(Optional<SparkPost> post) {
        if (post.isEmpty()) {
            return CheckResult.fail(
                    Check.POST_PUBLIC, "the post cannot be found for this ad account");
        }
        if (post.get().post().deletedAt() != null) {
            return CheckResult.fail(Check.POST_PUBLIC, "the post was deleted");
        }
        return post.get().post().isSparkAvailable()
                ? CheckResult.pass(Check.POST_PUBLIC, "the post exists and is public")
                : CheckResult.fail(
                        Check.POST_PUBLIC,
                        "the post is "
                                + post.get().post().visibility().name().toLowerCase(Locale.ROOT));
    }

    private CheckResult policy(Ad ad) {
        String text = ad.adText() == null ? "" : ad.adText().toLowerCase(Locale.ROOT);
        for (String term : policyTerms) {
            if (text.contains(term)) {
                return CheckResult.fail(
                        Check.POLICY_TERMS,
                        "the text contains the restricted term \"" + term + "\"");
            }
        }
        List<String> claims =
                lookTerms.stream()
                        .map(term -> term.matcher(text))
                        .filter(Matcher::find)
                        .map(found -> "\"" + found.group() + "\"")
                        .toList();
        if (!claims.isEmpty()) {
            return CheckResult.needsALook(
                    Check.POLICY_TERMS,
                    "the text says "
                            + String.join(", ", claims)
                            + ": check that "
                            + (claims.size() == 1 ? "the claim holds" : "the claims hold"));
        }
        return CheckResult.pass(Check.POLICY_TERMS, "no restricted terms");
    }

    private CheckResult landingUrl(Ad ad) {
        if (ad.landingPageUrl() == null) {
            return CheckResult.pass(Check.LANDING_URL, "leads to the creator's profile page");
        }
        try {
            URI uri = new URI(ad.landingPageUrl());
            if ("https".equals(uri.getScheme())
                    && uri.getHost() != null
                    && uri.getHost().contains(".")) {
                return CheckResult.pass(Check.LANDING_URL, "a well-formed https URL");
            }
            return CheckResult.fail(
                    Check.LANDING_URL, "the landing page must be an https URL with a host name");
        } catch (URISyntaxException e) {
            return CheckResult.fail(Check.LANDING_URL, "the landing page URL is not well-formed");
        }
    }
}
