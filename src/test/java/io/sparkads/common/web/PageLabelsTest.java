package io.sparkads.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.accounts.Role;
import io.sparkads.authorization.AccountLink;
import io.sparkads.authorization.Actor;
import io.sparkads.authorization.AuditAction;
import io.sparkads.authorization.ExtensionRequest;
import io.sparkads.authorization.LinkPermission;
import io.sparkads.authorization.SparkAuthorizationRevoked;
import io.sparkads.authorization.SparkCodeStatus;
import io.sparkads.campaigns.Ad;
import io.sparkads.campaigns.AdPlacement;
import io.sparkads.campaigns.Billing;
import io.sparkads.campaigns.BudgetMode;
import io.sparkads.campaigns.CallToAction;
import io.sparkads.campaigns.IdentityType;
import io.sparkads.campaigns.Objective;
import io.sparkads.campaigns.OperationStatus;
import io.sparkads.campaigns.OptimizationGoal;
import io.sparkads.campaigns.ScheduleType;
import io.sparkads.campaigns.SecondaryStatus;
import io.sparkads.campaigns.Targeting;
import io.sparkads.content.AppAccount;
import io.sparkads.content.Post;
import io.sparkads.review.CheckResult;
import io.sparkads.review.Review;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageLabelsTest {
    private final PageLabels labels = new PageLabels();

    /** Every enum whose values a page, the CSV export or a message shows people. */
    private static final List<Class<? extends Enum<?>>> SHOWN =
            List.of(
                    AccountLink.Status.class,
                    Actor.Kind.class,
                    Ad.AuthorizationStatus.class,
                    Ad.ReviewStatus.class,
                    AdPlacement.class,
                    AppAccount.AccountType.class,
                    AuditAction.class,
                    Billing.class,
                    BudgetMode.class,
                    CallToAction.class,
                    CheckResult.Check.class,
                    ExtensionRequest.Status.class,
                    IdentityType.class,
                    LinkPermission.class,
                    Objective.class,
                    OperationStatus.class,
                    OptimizationGoal.class,
                    Post.Visibility.class,
                    Review.Decision.class,
                    Review.Status.class,
                    Role.class,
                    ScheduleType.class,
                    SparkAuthorizationRevoked.Cause.class,
                    SparkCodeStatus.class);

    /** Codes the pages show that are text on the wire rather than an enum's constant. */
    private static final List<String> SHOWN_CODES =
            List.of(
                    "ADGROUP_STATUS_CAMPAIGN_DISABLE",
                    "ADGROUP_STATUS_DELETE",
                    "ADGROUP_STATUS_DELIVERY_OK",
                    "ADGROUP_STATUS_DISABLE",
                    "ADGROUP_STATUS_NOT_START",
                    "ADGROUP_STATUS_TIME_DONE",
                    "CAMPAIGN_STATUS_DELETE",
                    "CAMPAIGN_STATUS_DISABLE",
                    "CAMPAIGN_STATUS_ENABLE",
                    "PLACEMENT_TIKTOK",
                    "PROFILE_PAGE",
                    "WEBSITE");

    @Test
    void everyCodeThePagesShowHasItsOwnLabelThatIsNotTheCode() {
        List<String> codes = shownCodes();

        assertThat(codes).hasSizeGreaterThan(100);
        for (String code : codes) {
            assertThat(labels.knows(code)).as("the dictionary names %s", code).isTrue();
            assertThat(labels.of(code))
                    .as("label of %s", code)
                    .isNotBlank()
                    .isNotEqualTo(code)
                    .doesNotContain("_");
        }
    }

    @Test
    void everyAdStatusTheCampaignsModuleDerivesIsNamed() {
        List<String> statuses = adStatuses();

        assertThat(statuses).contains("AD_STATUS_DELIVERY_OK", "AD_STATUS_AUDIT");
        assertThat(statuses).allSatisfy(status -> assertThat(labels.knows(status)).isTrue());
    }

    @Test
    void noLabelOrExplanationShowsARawCode() {
        for (String code : PageLabels.codes()) {
            assertThat(RawCodes.in(labels.of(code))).as("label of %s", code).isEmpty();
            assertThat(RawCodes.in(labels.title(code))).as("title of %s", code).isEmpty();
            assertThat(RawCodes.in(labels.forCreator(code))).as("creator's %s", code).isEmpty();
        }
    }

    @Test
    void theDictionaryNamesEachCodeOnceInSortedOrderSoAddedLinesMergeCleanly() throws Exception {
        List<String> codes;
        try (var in = PageLabels.class.getResourceAsStream(PageLabels.DICTIONARY_FILE)) {
            codes =
                    new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                            .lines()
                            .filter(line -> !line.isBlank() && !line.startsWith("#"))
                            .map(line -> line.substring(0, line.indexOf('=')).strip())
                            .toList();
        }

        assertThat(codes).doesNotHaveDuplicates().isSorted();
        assertThat(codes).hasSameSizeAs(PageLabels.codes());
    }

    @Test
    void labelsSayWhatTheCodeMeans() {
        assertThat(labels.of(CallToAction.SHOP_NOW)).isEqualTo("Shop now");
        assertThat(labels.of("AD_STATUS_AUDIT")).isEqualTo("In review");
        assertThat(labels.of(LinkPermission.PULL_POSTS)).isEqualTo("Use existing posts");
        assertThat(labels.of(IdentityType.AUTH_CODE))
                .isEqualTo("Creator's post (authorization code)");
        assertThat(labels.of(Billing.CPM)).isEqualTo("Per 1,000 impressions");
        assertThat(labels.of("PROFILE_PAGE")).isEqualTo("Profile page");
        assertThat(labels.title("AD_STATUS_CREATOR_AUTHORIZATION_REVOKED"))
                .contains("creator withdrew");
    }

    @Test
    void theCreatorReadsTheirOwnWordsWhereTheyDifferAndTheAdvertisersOtherwise() {
        assertThat(labels.forCreator("AD_STATUS_CREATOR_AUTHORIZATION_REVOKED"))
                .isEqualTo("Stopped: you revoked it");
        assertThat(labels.forCreator("AD_STATUS_AUDIT")).isEqualTo(labels.of("AD_STATUS_AUDIT"));
    }

    @Test
    void anUnknownCodeReadsAsWordsWithoutItsPrefix() {
        assertThat(labels.knows("AD_STATUS_SOMETHING_NEW")).isFalse();
        assertThat(labels.of("AD_STATUS_SOMETHING_NEW")).isEqualTo("Something new");
        assertThat(labels.of("BRAND_NEW_THING")).isEqualTo("Brand new thing");
        assertThat(labels.title("BRAND_NEW_THING")).isEmpty();
        assertThat(labels.of(null)).isEqualTo("—");
    }

    @Test
    void severalCodesReadAsTheirLabelsJoinedAndNoneAsAll() {
        assertThat(labels.ofAll(List.of("GENDER_FEMALE", "IOS"))).isEqualTo("Female, iOS");
        assertThat(labels.ofAll(List.of())).isEqualTo("All");
    }

    private static List<String> shownCodes() {
        List<String> codes = new ArrayList<>(SHOWN_CODES);
        SHOWN.forEach(
                type -> Arrays.stream(type.getEnumConstants()).map(Enum::name).forEach(codes::add));
        codes.addAll(Targeting.AGE_GROUPS);
        codes.addAll(Targeting.GENDERS);
        codes.addAll(Targeting.OPERATING_SYSTEMS);
        codes.addAll(adStatuses());
        return codes.stream().distinct().toList();
    }

    /** Every status {@link SecondaryStatus} derives, by walking every state it reads. */
    private static List<String> adStatuses() {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        List<Instant[]> schedules =
                List.of(
                        new Instant[] {now.minusSeconds(60), null},
                        new Instant[] {now.plusSeconds(60), null},
                        new Instant[] {now.minusSeconds(120), now.minusSeconds(60)});
        List<String> statuses = new ArrayList<>();
        for (OperationStatus ad : OperationStatus.values()) {
            for (Ad.ReviewStatus review : Ad.ReviewStatus.values()) {
                for (Ad.AuthorizationStatus authorization : Ad.AuthorizationStatus.values()) {
                    for (OperationStatus adgroup : OperationStatus.values()) {
                        for (OperationStatus campaign : OperationStatus.values()) {
                            for (Instant[] schedule : schedules) {
                                for (int spent = 0; spent < 4; spent++) {
                                    statuses.add(
                                            SecondaryStatus.of(
                                                    ad,
                                                    review,
                                                    authorization,
                                                    adgroup,
                                                    campaign,
                                                    schedule[0],
                                                    schedule[1],
                                                    now,
                                                    (spent & 1) != 0,
                                                    (spent & 2) != 0));
                                }
                            }
                        }
                    }
                }
            }
        }
        return statuses.stream().distinct().sorted().toList();
    }
}
