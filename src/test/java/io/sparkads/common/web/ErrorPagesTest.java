package io.sparkads.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorPagesTest {

    private final ErrorPages pages = new ErrorPages();

    @Test
    void theStatusesPeopleMeetHaveTheirOwnWords() {
        assertThat(pages.of(403).heading()).isEqualTo("You don't have access to this page");
        assertThat(pages.of(404).heading()).isEqualTo("This page does not exist");
        assertThat(pages.of(429).heading()).isEqualTo("Too many attempts");
        assertThat(pages.of(429).tone()).isEqualTo("too-many");
    }

    @Test
    void anyOtherClientErrorAsksToCheckTheInput() {
        assertThat(pages.of(400).heading()).isEqualTo("This request could not be carried out");
        assertThat(pages.of(405).title()).isEqualTo("Request not understood");
        assertThat(pages.of(413)).isSameAs(pages.of(400));
    }

    @Test
    void aServerErrorOrAMissingStatusSaysTheFaultIsOurs() {
        assertThat(pages.of(500).heading()).isEqualTo("Something went wrong on our side");
        assertThat(pages.of(503)).isSameAs(pages.of(500));
        assertThat(pages.of(null).code()).isEqualTo(500);
    }
}
