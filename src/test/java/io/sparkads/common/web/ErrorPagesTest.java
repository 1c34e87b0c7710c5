package io.sparkads.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorPagesTest {

    @Test
    void theStatusesPeopleMeetHaveTheirOwnWords() {
        assertThat(ErrorPages.of(403).heading()).isEqualTo("You don't have access to this page");
        assertThat(ErrorPages.of(404).heading()).isEqualTo("This page does not exist");
        assertThat(ErrorPages.of(429).heading()).isEqualTo("Too many attempts");
        assertThat(ErrorPages.of(429).tone()).isEqualTo("too-many");
    }

    @Test
    void anyOtherClientErrorAsksToCheckTheInput() {
        assertThat(ErrorPages.of(400).heading()).isEqualTo("This request could not be carried out");
        assertThat(ErrorPages.of(405).title()).isEqualTo("Request not understood");
        assertThat(ErrorPages.of(413)).isSameAs(ErrorPages.of(400));
    }

    @Test
    void aServerErrorOrAMissingStatusSaysTheFaultIsOurs() {
        assertThat(ErrorPages.of(500).heading()).isEqualTo("Something went wrong on our side");
        assertThat(ErrorPages.of(503)).isSameAs(ErrorPages.of(500));
        assertThat(ErrorPages.of(null).code()).isEqualTo(500);
    }
}
