package io.sparkads.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class ClientMessagesTest {

    @Test
    void aLongQuotedValueIsCutToAHundredCharactersAndSaysHowLongItWas() {
        String message = "No post with item_id '" + "7".repeat(1_000_000) + "'";

        String shown = ClientMessages.clean(message);

        assertThat(shown).startsWith("No post with item_id '7777").contains("(1000000 characters)");
        assertThat(shown.length()).isLessThan(200);
    }

    @Test
    void cleaningAgainKeepsTheTrueLengthOfAValueAlreadyCut() {
        String once = ClientMessages.clean("No post with item_id '" + "7".repeat(1_000_000) + "'");

        assertThat(ClientMessages.clean(ClientMessages.clean(once)))
                .isEqualTo(once)
                .endsWith("… (1000000 characters)'");
    }

    @Test
    void anyMessageIsCappedEvenWithoutQuotes() {
        assertThat(ClientMessages.clean("x".repeat(10_000)).length())
                .isLessThanOrEqualTo(ClientMessages.MAX_LENGTH + 1);
    }

    @Test
    void classNamesAndLibraryHintsAreLeftOut() {
        String jackson =
                "Cannot deserialize value of type `int` from Object value (through reference chain:"
                        + " io.sparkads.content.web.ContentPlatformController$NewPost[\"duration_ms\"])";
        String constraints =
                "Number value length (1001) exceeds the maximum allowed (1000, from"
                        + " `StreamReadConstraints.getMaxNumberLength()`)";

        assertThat(ClientMessages.clean(jackson))
                .doesNotContain("io.sparkads")
                .doesNotContain("NewPost")
                .doesNotContain("$");
        assertThat(ClientMessages.clean(constraints))
                .doesNotContain("StreamReadConstraints")
                .startsWith("Number value length (1001) exceeds the maximum allowed");
    }

    @Test
    void aNulCharacterIsShownAsItsEscape() {
        assertThat(ClientMessages.clean("was 'a\u0000b'")).isEqualTo("was 'a\\u0000b'");
    }

    @Test
    void theDatabaseRefusingANulOrAnOverflowIsTheRequestsFault() {
        var nul =
                new DataIntegrityViolationException(
                        "insert failed",
                        new SQLException("invalid byte sequence for encoding", "22021"));
        var overflow =
                new DataIntegrityViolationException(
                        "insert failed", new SQLException("numeric field overflow", "22003"));
        var other =
                new DataIntegrityViolationException(
                        "insert failed", new SQLException("duplicate key", "23505"));

        assertThat(ClientMessages.storageRefusal(nul))
                .hasValueSatisfying(m -> assertThat(m).contains("NUL"));
        assertThat(ClientMessages.storageRefusal(overflow))
                .hasValueSatisfying(m -> assertThat(m).contains("out of range"));
        assertThat(ClientMessages.storageRefusal(other)).isEmpty();
    }
}
