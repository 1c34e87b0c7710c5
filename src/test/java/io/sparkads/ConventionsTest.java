package io.sparkads;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.common.BusinessApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * House conventions a newcomer relies on, checked on the main code: a controller is named for the
 * API it serves and is a record of its collaborators, code names classes through imports, and no
 * class grows past {@link #MAX_LINES}.
 *
 * <p>The rules hold for every class, with no exceptions listed: a class that breaks one is changed,
 * not excused.
 */
class ConventionsTest {

    /** A main class above this many lines holds more than one concern (STYLE.md). */
    static final int MAX_LINES = 400;

    /** The suffix of a controller's class name, by the first segment its addresses start with. */
    static final Map<String, String> SUFFIX_BY_PREFIX =
            Map.of(
                    BusinessApi.PREFIX,
                    "BusinessController",
                    "/platform/v1",
                    "PlatformController",
                    "/admin/v1",
                    "AdminController",
                    "/videos",
                    "MediaController",
                    "/avatars",
                    "MediaController");

    /** Any other address is a page of the web UI. */
    static final String PAGE_SUFFIX = "PageController";

    private static final Path MAIN = Path.of("src/main/java/io/sparkads");

    @Test
    void aControllerIsNamedForTheApiItServes() {
        List<String> misnamed = new ArrayList<>();
        for (Class<?> controller : controllers()) {
            Set<String> suffixes = new TreeSet<>();
            addresses(controller).forEach(address -> suffixes.add(suffixFor(address)));
            String name = controller.getSimpleName();
            boolean named = suffixes.size() == 1 && name.endsWith(suffixes.iterator().next());
            if (!named) {
                misnamed.add(
                        name + " serves " + addresses(controller) + ", so ends with " + suffixes);
            }
        }
        assertThat(controllers()).as("controllers found").hasSizeGreaterThan(20);
        assertThat(misnamed).isEmpty();
    }

    /**
     * A controller holds no state and is never proxied, so it is written as a record of what it
     * needs: the components say its collaborators, and no constructor repeats them (issue #9).
     */
    @Test
    void aControllerIsARecordOfItsCollaborators() {
        List<String> notRecords =
                controllers().stream()
                        .filter(controller -> !controller.isRecord())
                        .map(controller -> controller.getName() + " is a class, not a record")
                        .toList();
        assertThat(controllers()).as("controllers found").hasSizeGreaterThan(20);
        assertThat(notRecords).isEmpty();
    }

    @Test
    void mainCodeNamesClassesThroughImportsNotInline() {
        Map<String, List<String>> inline = new TreeMap<>();
        mainSources()
                .forEach(
                        file -> {
                            List<String> names = inlineQualifiedNames(read(file));
                            String key = MAIN.relativize(file).toString().replace('\\', '/');
                            if (!names.isEmpty()) {
                                inline.put(key, names);
                            }
                        });
        assertThat(inline).isEmpty();
    }

    @Test
    void noMainClassGrowsPastTheLineLimit() {
        Map<String, String> oversized = new TreeMap<>();
        mainSources()
                .forEach(
                        file -> {
                            String key = MAIN.relativize(file).toString().replace('\\', '/');
                            long lines = read(file).lines().count();
                            if (lines > MAX_LINES) {
                                oversized.put(key, lines + " lines, at most " + MAX_LINES);
                            }
                        });
        assertThat(oversized).isEmpty();
    }

    @Test
    void theInlineNameCheckSeesCodeButNotImportsCommentsOrStrings() {
        String source =
                """
                package io.sparkads.example;

                import java.util.Map;
                import static java.util.Objects.requireNonNull;

                /** Uses {@link java.util.List} and java.time.Instant in prose. */
                class Example {
                    // java.util.Set in a comment
                    String text = "java.util.Optional in a string";
                    String block = \"""
                        java.util.Deque in a text block
                        \""";
                    java.util.Map<String, java.time.Duration> map;
                    Object method() { return org.springframework.http.HttpStatus.OK; }
                }
                """;

        assertThat(inlineQualifiedNames(source))
                .containsExactly(
                        "java.util.Map",
                        "java.time.Duration",
                        "org.springframework.http.HttpStatus");
    }

    // A dotted lower-case package path that ends in a capitalised class name.
    private static final Pattern QUALIFIED =
            Pattern.compile(
                    "\\b(?:java|javax|jakarta|org|com|io|net|tools)(?:\\.[a-z_][a-z0-9_]*)+\\.[A-Z]\\w*");
    private static final Pattern COMMENTS_AND_STRINGS =
            Pattern.compile(
                    "\"\"\"[\\s\\S]*?\"\"\"|/\\*[\\s\\S]*?\\*/|//[^\\n]*|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*'");

    static List<String> inlineQualifiedNames(String source) {
        String code = COMMENTS_AND_STRINGS.matcher(source).replaceAll(" ");
        List<String> names = new ArrayList<>();
        for (String line : code.lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.startsWith("package ") || trimmed.startsWith("import ")) {
                continue;
            }
            Matcher matcher = QUALIFIED.matcher(line);
            while (matcher.find()) {
                names.add(matcher.group());
            }
        }
        return names;
    }

    private static String suffixFor(String address) {
        return SUFFIX_BY_PREFIX.entrySet().stream()
                .filter(e -> address.equals(e.getKey()) || address.startsWith(e.getKey() + "/"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(PAGE_SUFFIX);
    }

    private static List<Class<?>> controllers() {
        ClassPathScanningCandidateComponentProvider scanner =
                new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        return scanner.findCandidateComponents("io.sparkads").stream()
                .map(BeanDefinition::getBeanClassName)
                .<Class<?>>map(name -> ClassUtils.resolveClassName(name, null))
                .sorted(Comparator.comparing(Class::getName))
                .toList();
    }

    /** Every address a controller answers: its class mapping joined with each method's. */
    private static Set<String> addresses(Class<?> controller) {
        RequestMapping type =
                AnnotatedElementUtils.findMergedAnnotation(controller, RequestMapping.class);
        List<String> bases =
                type == null || type.path().length == 0 ? List.of("") : List.of(type.path());
        Set<String> addresses = new TreeSet<>();
        for (Method method : controller.getDeclaredMethods()) {
            RequestMapping mapping =
                    AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
            if (mapping == null) {
                continue;
            }
            List<String> paths = mapping.path().length == 0 ? List.of("") : List.of(mapping.path());
            for (String base : bases) {
                for (String path : paths) {
                    addresses.add(base + path);
                }
            }
        }
        return addresses;
    }

    private static Stream<Path> mainSources() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<Path> sources =
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
            assertThat(sources).as("main sources under " + MAIN.toAbsolutePath()).isNotEmpty();
            return sources.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
