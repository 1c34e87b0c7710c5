package io.sparkads.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkads.common.Refusal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SortedPageTest {

    enum Column {
        NAME,
        STATUS,
        CREATED
    }

    @Test
    void withoutParametersTheListIsOnItsDefaultColumnNewestFirstOnPageOne() {
        SortedPage none = new SortedPage(null, null, null, null);
        assertThat(none.column(Column.class, Column.CREATED)).isEqualTo(Column.CREATED);
        assertThat(none.ascending()).isFalse();
        assertThat(none.request(20).page()).isEqualTo(1);
        assertThat(none.request(20).pageSize()).isEqualTo(20);
        assertThat(none.address("/ads/campaigns", Map.of(), Column.CREATED, 20).page(2))
                .isEqualTo("/ads/campaigns?page=2");
    }

    @Test
    void aColumnIsReadInAnyCaseAscendingUnlessDescIsAsked() {
        assertThat(new SortedPage(" Name ", null, null, null).column(Column.class, Column.CREATED))
                .isEqualTo(Column.NAME);
        assertThat(new SortedPage("name", null, null, null).ascending()).isTrue();
        assertThat(new SortedPage("name", "DESC", null, null).ascending()).isFalse();
    }

    @Test
    void theAddressKeepsTheSortAndASizeThatIsNotTheDefault() {
        SortedPage page = new SortedPage("status", "desc", "2", "5");
        assertThat(page.address("/ads/campaigns", Map.of(), Column.CREATED, 20).page(3))
                .isEqualTo("/ads/campaigns?size=5&sort=status&dir=desc&page=3");
        assertThat(page.request(20).offset()).isEqualTo(5);
    }

    @Test
    void aColumnTheListDoesNotSortByIsRefusedNamingTheOnesItDoes() {
        assertThatThrownBy(
                        () ->
                                new SortedPage("colour", null, null, null)
                                        .column(Column.class, Column.CREATED))
                .isInstanceOf(Refusal.class)
                .hasMessage("sort must be one of name, status, created; was 'colour'");
    }

    @Test
    void aDirectionOtherThanAscOrDescAndAWordForANumberAreRefused() {
        assertThatThrownBy(() -> new SortedPage("name", "up", null, null).ascending())
                .isInstanceOf(Refusal.class)
                .hasMessage("dir must be asc or desc; was 'up'");
        assertThatThrownBy(() -> new SortedPage(null, null, "two", null).request(20))
                .isInstanceOf(Refusal.class)
                .hasMessage("page must be a page number from 1; was 'two'");
    }
}
