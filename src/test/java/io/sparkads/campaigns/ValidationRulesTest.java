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
        assertThatCode(() -> Budget.of("BUDGET_MODE_INFINITE", null, null))
                .doesNotThrowAnyException();
        assertThatCode(() -> Budget.of("BUDGET_MODE_DAY", new BigDecimal("20.50"), null))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Budget.of("BUDGET_MODE_DAY", null, null))
                .hasMessageContaining("budget must be greater than 0");
        assertThatThrownBy(() -> Budget.of("BUDGET_MODE_TOTAL", new BigDecimal("1.005"), null))
                .hasMessageContaining("2 decimals");
        assertThatThrownBy(() -> Budget.of("BUDGET_MODE_WEEK", BigDecimal.TEN, null))
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
        assertThatThrownBy(() -> Check.oneOf("gender", "GENDER_ANY", Targeting.GENDERS))
                .hasMessageContaining("gender must be one of")
                .hasMessageContaining("GENDER_FEMALE")
                .hasMessageContaining("GENDER_ANY");
        assertThatThrownBy(
                        () ->
                                Check.allOf(
                                        "age_groups",
                                        List.of("AGE_18_24", "AGE_99"),
                                        Targeting.AGE_GROUPS))
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
        for (Objective objective : Objective.values()) {
            assertThat(objective.billings()).as(objective.name()).isNotEmpty();
            assertThat(Set.copyOf(objective.billings())).isSubsetOf(Billing.values());
        }
        assertThat(Objective.REACH.billings()).containsExactly(Billing.CPM);
    }
}
