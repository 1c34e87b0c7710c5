package io.sparkads.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValidationRulesTest {

    @Test
    void aBudgetIsRequiredAndPositiveUnlessInfinite() {
        assertThatCode(() -> Check.budget("BUDGET_MODE_INFINITE", null)).doesNotThrowAnyException();
        assertThatCode(() -> Check.budget("BUDGET_MODE_DAY", new BigDecimal("20.50")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Check.budget("BUDGET_MODE_DAY", null))
                .hasMessageContaining("budget must be greater than 0");
        assertThatThrownBy(() -> Check.budget("BUDGET_MODE_TOTAL", new BigDecimal("1.005")))
                .hasMessageContaining("2 decimals");
        assertThatThrownBy(() -> Check.budget("BUDGET_MODE_WEEK", BigDecimal.TEN))
                .hasMessageContaining("budget_mode must be one of");
    }

    @Test
    void landingPagesMustBeHttpsWithAHost() {
        assertThatCode(() -> Check.httpsUrl("landing_page_url", "https://shop.example.com/a?b=c"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Check.httpsUrl("landing_page_url", "http://shop.example.com"))
                .hasMessageContaining("https");
        assertThatThrownBy(() -> Check.httpsUrl("landing_page_url", "https://"))
                .hasMessageContaining("landing_page_url");
        assertThatThrownBy(() -> Check.httpsUrl("landing_page_url", "not a url"))
                .hasMessageContaining("landing_page_url");
    }

    @Test
    void enumeratedFieldsNameTheFieldAndTheChoices() {
        assertThatThrownBy(() -> Check.oneOf("gender", "GENDER_ANY", AdGroups.GENDERS))
                .hasMessageContaining("gender must be one of")
                .hasMessageContaining("GENDER_FEMALE")
                .hasMessageContaining("GENDER_ANY");
        assertThatThrownBy(
                        () ->
                                Check.allOf(
                                        "age_groups",
                                        List.of("AGE_18_24", "AGE_99"),
                                        AdGroups.AGE_GROUPS))
                .hasMessageContaining("AGE_99");
    }

    @Test
    void locationsAreTikTokLocationIdsOrIsoCodes() {
        assertThat(Locations.country("6252001")).isEqualTo("US");
        assertThat(Locations.country("2629691")).isEqualTo("IS");
        assertThat(Locations.country("FR")).isEqualTo("FR");
        assertThatThrownBy(() -> Locations.country("123")).hasMessageContaining("6252001");
    }

    @Test
    void everyObjectiveHasABillingEventThatServesIt() {
        for (String objective : Campaigns.OBJECTIVES) {
            assertThat(AdGroups.BILLING_BY_OBJECTIVE.get(objective)).as(objective).isNotEmpty();
            assertThat(Set.copyOf(AdGroups.BILLING_BY_OBJECTIVE.get(objective)))
                    .isSubsetOf(AdGroups.BILLING_EVENTS);
        }
        assertThat(AdGroups.BILLING_BY_OBJECTIVE.get("REACH")).containsExactly("CPM");
    }
}
