package io.sparkads.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkads.feed.ConversionRelay.BadConversion;
import io.sparkads.feed.ConversionRelay.Conversion;
import org.junit.jupiter.api.Test;

/** What the landing page's pixel may send the host app, and what it is told to fix otherwise. */
class ConversionRelayTest {

    @Test
    void aPixelsConversionIsItsImpressionEventIdAndValue() {
        assertThat(
                        ConversionRelay.read(
                                "{\"impression_id\": \"imp.1\", \"event_id\": \"e-1\", \"value\": 19.90}"))
                .isEqualTo(new Conversion("imp.1", "e-1", "19.9"));
        assertThat(ConversionRelay.read("{\"impression_id\": \"imp.1\"}"))
                .isEqualTo(new Conversion("imp.1", null, null));
    }

    @Test
    void withoutJsonOrAnImpressionIdItSaysWhatToSend() {
        assertThatThrownBy(() -> ConversionRelay.read("buy"))
                .isInstanceOf(BadConversion.class)
                .hasMessageContaining("Send a JSON object");
        assertThatThrownBy(() -> ConversionRelay.read(null))
                .isInstanceOf(BadConversion.class)
                .hasMessageContaining("Send a JSON object");
        assertThatThrownBy(() -> ConversionRelay.read("{\"value\": 3}"))
                .isInstanceOf(BadConversion.class)
                .hasMessageContaining("impression_id is required")
                .hasMessageContaining("sa_imp");
        assertThatThrownBy(() -> ConversionRelay.read("{\"impression_id\": 7}"))
                .isInstanceOf(BadConversion.class)
                .hasMessageContaining("impression_id is required");
        assertThatThrownBy(
                        () ->
                                ConversionRelay.read(
                                        "{\"impression_id\": \"" + "x".repeat(1001) + "\"}"))
                .isInstanceOf(BadConversion.class)
                .hasMessageContaining("at most 1000 characters");
    }

    @Test
    void aBadEventIdOrValueIsRefusedWithTheFormToUse() {
        assertThatThrownBy(
                        () ->
                                ConversionRelay.read(
                                        "{\"impression_id\": \"i\", \"event_id\": \"a b\"}"))
                .isInstanceOf(BadConversion.class)
                .hasMessageContaining("event_id must be 1–100 letters");
        assertThatThrownBy(() -> ConversionRelay.read("{\"impression_id\": \"i\", \"value\": -1}"))
                .isInstanceOf(BadConversion.class)
                .hasMessageContaining("value must be a number of at least 0");
        assertThatThrownBy(
                        () -> ConversionRelay.read("{\"impression_id\": \"i\", \"value\": \"9\"}"))
                .isInstanceOf(BadConversion.class)
                .hasMessageContaining("such as 19.90");
        assertThatThrownBy(
                        () ->
                                ConversionRelay.read(
                                        "{\"impression_id\": \"i\", \"value\": 1.1234567}"))
                .isInstanceOf(BadConversion.class)
                .hasMessageContaining("at most 6 decimals");
    }
}
