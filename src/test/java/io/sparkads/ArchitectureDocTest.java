package io.sparkads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The module diagram in {@code docs/architecture.md} is the module model's own: the block between
 * its markers must be exactly what {@code package-info.java} allows, so a new allowed dependency
 * fails this test until the diagram shows it. The failure prints the block to paste.
 */
class ArchitectureDocTest {

    static final Path DOC = Path.of("docs/architecture.md");
    static final String START = "<!-- module-dependencies:start -->";
    static final String END = "<!-- module-dependencies:end -->";

    /** Open to all, and every module says it uses it: the diagram leaves it out. */
    static final String COMMON = "common";

    private final ApplicationModules modules = ApplicationModules.of(SparkAdsApplication.class);

    @Test
    void theArchitectureDiagramShowsExactlyTheDependenciesTheModulesAllow() throws IOException {
        String doc = Files.readString(DOC);
        assertThat(doc).as(DOC + " marks its diagram").contains(START, END);
        String documented = doc.substring(doc.indexOf(START) + START.length(), doc.indexOf(END));

        assertThat(documented.strip())
                .as("the diagram in %s; replace the block between the markers with this", DOC)
                .isEqualTo(diagram().strip());
    }

    @Test
    void everyModuleMayUseCommonAsTheDocumentSays() {
        List<String> withoutCommon =
                modules.stream()
                        .filter(module -> !module.isOpen())
                        .filter(module -> !allowed(module).contains(COMMON))
                        .map(ArchitectureDocTest::name)
                        .toList();

        assertThat(withoutCommon).isEmpty();
    }

    /** One line per module, sorted: {@code campaigns --> accounts & authorization & content}. */
    String diagram() {
        StringBuilder mermaid = new StringBuilder("```mermaid\nflowchart LR\n");
        modules.stream()
                .filter(module -> !module.isOpen())
                .sorted((a, b) -> name(a).compareTo(name(b)))
                .forEach(
                        module -> {
                            List<String> targets = new ArrayList<>(allowed(module));
                            targets.remove(COMMON);
                            mermaid.append("  ").append(name(module));
                            if (!targets.isEmpty()) {
                                mermaid.append(" --> ").append(String.join(" & ", targets));
                            }
                            mermaid.append('\n');
                        });
        return mermaid.append("```\n").toString();
    }

    private List<String> allowed(ApplicationModule module) {
        return module.getAllowedDependencies(modules).stream()
                .map(dependency -> name(dependency.getTargetModule()))
                .distinct()
                .sorted()
                .toList();
    }

    private static String name(ApplicationModule module) {
        return module.getIdentifier().toString();
    }
}
