package io.sparkads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** SPARKADS_DATABASE_SETTINGS: the embedded PostgreSQL's settings an operator replaces. */
class EmbeddedDatabaseConfigurationTest {
    @Test
    void settingsAreNameValuePairsAndAnythingElseIsRefusedWithAnExample() {
        assertThat(EmbeddedDatabaseConfiguration.parse(" shared_buffers=256MB, work_mem = 8MB ,"))
                .containsExactly(
                        java.util.Map.entry("shared_buffers", "256MB"),
                        java.util.Map.entry("work_mem", "8MB"));
        assertThat(EmbeddedDatabaseConfiguration.parse("")).isEmpty();
        assertThatThrownBy(() -> EmbeddedDatabaseConfiguration.parse("fsync"))
                .hasMessageContaining("name=value")
                .hasMessageContaining("'fsync'");
    }
}
