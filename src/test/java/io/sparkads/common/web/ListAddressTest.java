package io.sparkads.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListAddressTest {

    private static ListAddress at(String sort, boolean ascending, int page) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("q", "spring & summer");
        filters.put("campaign", "42");
        filters.put("size", "");
        return new ListAddress("/ads/ads", filters, sort, ascending, page, "created");
    }

    @Test
    void theNextPageKeepsTheFiltersAndTheSortAndLeavesOutEmptyFilters() {
        assertThat(at("name", true, 1).page(2))
                .isEqualTo("/ads/ads?q=spring%20%26%20summer&campaign=42&sort=name&dir=asc&page=2");
    }

    @Test
    void sortingByAnotherColumnStartsAscendingOnPageOne() {
        assertThat(at("name", true, 3).sortedBy("campaign"))
                .isEqualTo("/ads/ads?q=spring%20%26%20summer&campaign=42&sort=campaign&dir=asc");
    }

    @Test
    void sortingByTheSortedColumnTurnsItsDirection() {
        ListAddress byName = at("name", true, 1);
        assertThat(byName.sortedBy("name")).endsWith("sort=name&dir=desc");
        assertThat(byName.arrow("name")).isEqualTo("▲");
        assertThat(byName.ariaSort("name")).isEqualTo("ascending");
        assertThat(byName.arrow("campaign")).isEmpty();
        assertThat(byName.ariaSort("campaign")).isEqualTo("none");
        assertThat(at("name", false, 1).arrow("name")).isEqualTo("▼");
    }

    @Test
    void theDefaultSortNeedsNoParametersAndPageOneNone() {
        assertThat(at("created", false, 1).here())
                .isEqualTo("/ads/ads?q=spring%20%26%20summer&campaign=42");
        assertThat(at("created", false, 1).sortedBy("created")).endsWith("sort=created&dir=asc");
    }

    @Test
    void aFormPostingElsewhereCarriesTheListsParametersBack() {
        assertThat(at("name", false, 2).on("/ads/ads/status"))
                .isEqualTo(
                        "/ads/ads/status?q=spring%20%26%20summer&campaign=42&sort=name&dir=desc&page=2");
    }
}
