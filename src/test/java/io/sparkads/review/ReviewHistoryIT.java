package io.sparkads.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkads.accounts.Advertisers;
import io.sparkads.campaigns.Ads;
import io.sparkads.common.PageRequest;
import io.sparkads.common.Refusal;
import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.Eventually;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The history of review decisions: each decision kept with who, when, what and why, searchable by
 * decision, reviewer, ad or ad account name and day, newest first, in pages. The database is shared
 * with other tests, so every query here names this test's own ad account or reviewers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewHistoryIT {
    @LocalServerPort int port;
    @Autowired Reviews reviews;
    @Autowired ReviewHistory history;
    @Autowired Ads ads;
    @Autowired Advertisers advertisers;

    String advertiserName;
    String firstReviewer = "first-" + ApiFixtures.unique().substring(0, 8);
    String secondReviewer = "second-" + ApiFixtures.unique().substring(0, 8);
    ReviewDecision approved;
    ReviewDecision rejected;
    ReviewDecision rejectedBySecond;

    /** Three decisions on three ads of one new ad account, in this order. */
    @BeforeAll
    void givenThreeDecisions() {
        ApiFixtures given = new ApiFixtures(new ApiClient(port));
        var advertiser = given.givenAdvertiser();
        advertiserName = advertisers.get(Long.parseLong(advertiser.id())).name();
        var post = given.givenPublicPost();
        given.givenBound(advertiser, post);
        String adGroup = given.givenAdGroup(advertiser, given.givenCampaign(advertiser), Map.of());
        List<Review> pending =
                List.of(
                        pendingReview(given.givenSparkAd(advertiser, adGroup, post)),
                        pendingReview(given.givenSparkAd(advertiser, adGroup, post)),
                        pendingReview(given.givenSparkAd(advertiser, adGroup, post)));

        reviews.decide(pending.get(0).id(), Review.Decision.APPROVE, null, firstReviewer);
        reviews.decide(
                pending.get(1).id(), Review.Decision.REJECT, "The video is blurry", firstReviewer);
        reviews.decide(
                pending.get(2).id(),
                Review.Decision.REJECT,
                "The landing page sells something else",
                secondReviewer);

        List<ReviewDecision> mine = history.find(byName(null), new PageRequest(1, 10));
        assertThat(mine).hasSize(3);
        rejectedBySecond = mine.get(0);
        rejected = mine.get(1);
        approved = mine.get(2);
    }

    @Test
    void eachDecisionIsKeptWithWhoWhenWhatAndWhichAd() {
        Review decided = reviews.find(rejected.reviewId()).orElseThrow();

        assertThat(rejected.decision()).isEqualTo(Review.Status.REJECTED);
        assertThat(rejected.reason()).isEqualTo("The video is blurry");
        assertThat(rejected.decidedBy()).isEqualTo(firstReviewer);
        assertThat(rejected.reviewerName()).isEqualTo(firstReviewer);
        assertThat(rejected.automatic()).isFalse();
        assertThat(rejected.decidedAt()).isEqualTo(decided.decidedAt());
        assertThat(rejected.adId()).isEqualTo(decided.adId());
        assertThat(rejected.adName()).isEqualTo(ads.find(decided.adId()).orElseThrow().adName());
        assertThat(rejected.advertiserName()).isEqualTo(advertiserName);
        assertThat(approved.decision()).isEqualTo(Review.Status.APPROVED);
        assertThat(approved.reason()).isNull();
    }

    @Test
    void theNewestDecisionComesFirst() {
        assertThat(rejectedBySecond.decidedBy()).isEqualTo(secondReviewer);
        assertThat(rejectedBySecond.decidedAt()).isAfterOrEqualTo(rejected.decidedAt());
        assertThat(rejected.decidedAt()).isAfterOrEqualTo(approved.decidedAt());
    }

    @Test
    void filtersByDecision() {
        assertThat(ids(byName(Review.Status.REJECTED)))
                .containsExactly(rejectedBySecond.id(), rejected.id());
        assertThat(ids(byName(Review.Status.APPROVED))).containsExactly(approved.id());
    }

    @Test
    void filtersByReviewer() {
        assertThat(ids(new ReviewHistory.Filter(null, firstReviewer, null, null, null)))
                .containsExactly(rejected.id(), approved.id());
        assertThat(
                        ids(
                                new ReviewHistory.Filter(
                                        Review.Status.REJECTED, secondReviewer, null, null, null)))
                .containsExactly(rejectedBySecond.id());
        assertThat(history.reviewers()).contains(firstReviewer, secondReviewer);
    }

    @Test
    void filtersByPartOfTheAdsOrTheAdAccountsNameInAnyCase() {
        String partOfAdName = approved.adName().substring(3).toUpperCase();
        assertThat(ids(new ReviewHistory.Filter(null, null, partOfAdName, null, null)))
                .containsExactly(approved.id());
        String partOfAccountName = advertiserName.substring(2).toUpperCase();
        assertThat(ids(new ReviewHistory.Filter(null, null, partOfAccountName, null, null)))
                .hasSize(3);
    }

    @Test
    void textIsMatchedAsWrittenNotAsAPattern() {
        assertThat(history.count(new ReviewHistory.Filter(null, null, "%", null, null)))
                .as("no name here holds a per cent sign")
                .isZero();
        assertThat(history.count(new ReviewHistory.Filter(null, firstReviewer, "_", null, null)))
                .isZero();
    }

    @Test
    void filtersByDayInUtc() {
        LocalDate day = LocalDate.ofInstant(rejected.decidedAt(), ZoneOffset.UTC);
        assertThat(ids(new ReviewHistory.Filter(null, firstReviewer, null, day, day)))
                .containsExactly(rejected.id(), approved.id());
        assertThat(ids(new ReviewHistory.Filter(null, firstReviewer, null, day.plusDays(1), null)))
                .isEmpty();
        assertThat(ids(new ReviewHistory.Filter(null, firstReviewer, null, null, day.minusDays(1))))
                .isEmpty();
    }

    @Test
    void pagesKeepTheFiltersAndTheOrder() {
        ReviewHistory.Filter mine = byName(null);
        assertThat(history.count(mine)).isEqualTo(3);
        assertThat(history.find(mine, new PageRequest(1, 2)))
                .extracting(ReviewDecision::id)
                .containsExactly(rejectedBySecond.id(), rejected.id());
        assertThat(history.find(mine, new PageRequest(2, 2)))
                .extracting(ReviewDecision::id)
                .containsExactly(approved.id());
        assertThat(history.find(mine, new PageRequest(3, 2))).isEmpty();
    }

    @Test
    void filtersThatCannotMatchAreRefusedWithWhatToChange() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThatThrownBy(
                        () -> new ReviewHistory.Filter(null, null, null, today, today.minusDays(1)))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("first day must not be after the last day");
        assertThatThrownBy(() -> new ReviewHistory.Filter(null, null, "x".repeat(101), null, null))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("at most 100 characters");
        assertThatThrownBy(
                        () ->
                                new ReviewHistory.Filter(
                                        Review.Status.PENDING, null, null, null, null))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("Approved or Rejected");
    }

    @Test
    void aSecondDecisionOnTheSameReviewIsRefusedAndNotKept() {
        assertThatThrownBy(
                        () ->
                                reviews.decide(
                                        approved.reviewId(),
                                        Review.Decision.REJECT,
                                        "Changed my mind",
                                        secondReviewer))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("already decided");
        assertThat(history.count(byName(null))).isEqualTo(3);
    }

    @Test
    void anAutomaticRejectionIsKeptAsTheAutomaticChecks() {
        ApiFixtures given = new ApiFixtures(new ApiClient(port));
        var bad = given.givenSparkAdWithCaption("A miracle cure in a bottle");
        String adId = bad.adId();
        String name = advertisers.get(Long.parseLong(bad.advertiser().id())).name();

        ReviewDecision automatic =
                Eventually.await(
                        Duration.ofSeconds(10),
                        () -> {
                            List<ReviewDecision> found =
                                    history.find(
                                            new ReviewHistory.Filter(null, null, name, null, null),
                                            new PageRequest(1, 10));
                            assertThat(found).hasSize(1);
                            return found.get(0);
                        });

        assertThat(automatic.adId()).isEqualTo(Long.parseLong(adId));
        assertThat(automatic.automatic()).isTrue();
        assertThat(automatic.reviewerName()).isEqualTo("Automatic checks");
        assertThat(automatic.decision()).isEqualTo(Review.Status.REJECTED);
        assertThat(automatic.reason()).contains("miracle cure");
    }

    private ReviewHistory.Filter byName(Review.Status decision) {
        return new ReviewHistory.Filter(decision, null, advertiserName, null, null);
    }

    private List<Long> ids(ReviewHistory.Filter filter) {
        return history.find(filter, new PageRequest(1, 50)).stream()
                .map(ReviewDecision::id)
                .toList();
    }

    private Review pendingReview(String adId) {
        long id = Long.parseLong(adId);
        return Eventually.await(
                Duration.ofSeconds(10),
                () ->
                        reviews.list(Review.Status.PENDING, new PageRequest(1, 1000)).stream()
                                .filter(r -> r.adId() == id)
                                .findFirst()
                                .orElseThrow(
                                        () -> new AssertionError("no pending review for " + adId)));
    }
}
