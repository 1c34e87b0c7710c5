package io.sparkads.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.accounts.Users;
import io.sparkads.authorization.SparkAuthorizations;
import io.sparkads.campaigns.AdGroups;
import io.sparkads.campaigns.Ads;
import io.sparkads.campaigns.Campaigns;
import io.sparkads.content.AppAccounts;
import io.sparkads.content.Posts;
import io.sparkads.review.Reviews;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The web UI in a real browser: headless Chromium against the started server on a fresh embedded
 * PostgreSQL with the demo workspace. Every browser test class extends this and adds no settings,
 * so all of them share one Spring context; each class drives one browser.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sparkads.demo.enabled=true",
            "sparkads.demo.password=" + BrowserTestBase.PASSWORD,
            "logging.level.io.zonky=warn"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestBase {
    static final String PASSWORD = "browser-tests-only";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final Path DATA_DIR = freshDataDir();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("sparkads.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort int port;
    @Autowired Users users;
    @Autowired AppAccounts accounts;
    @Autowired Posts posts;
    @Autowired SparkAuthorizations authorizations;
    @Autowired Campaigns campaigns;
    @Autowired AdGroups adGroups;
    @Autowired Ads ads;
    @Autowired Reviews reviews;

    WebDriver browser;
    WebFixtures given;
    private Path profile;

    @BeforeAll
    void openBrowser() throws IOException {
        given =
                new WebFixtures(
                        users, accounts, posts, authorizations, campaigns, adGroups, ads, reviews);
        profile = Files.createTempDirectory("sparkads-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(setting("CHROME_BIN", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1280,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(
                                new File(setting("CHROMEDRIVER", "/usr/bin/chromedriver")))
                        .usingAnyFreePort()
                        .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }

    void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    String path() {
        return java.net.URI.create(browser.getCurrentUrl()).getPath();
    }

    /** Signs out whoever was signed in, then signs in with the demo password. */
    void signInAs(String username) {
        open("/login");
        browser.manage().deleteAllCookies();
        open("/login");
        typeInto(By.id("username"), username);
        typeInto(By.id("password"), PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        waitUntil(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        assertThat(text(By.cssSelector("[data-testid=signed-in-user]"))).isEqualTo(username);
    }

    WebElement find(By by) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(by));
    }

    String text(By by) {
        return find(by).getText();
    }

    String pageText() {
        return browser.findElement(By.tagName("body")).getText();
    }

    void typeInto(By by, String value) {
        WebElement field = find(by);
        field.clear();
        field.sendKeys(value);
    }

    /** Waits until the element shows the text, for answers that htmx swaps in. */
    WebElement waitForText(By by, String text) {
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(by, text));
        return browser.findElement(by);
    }

    <T> T waitUntil(java.util.function.Function<? super WebDriver, T> condition) {
        return new WebDriverWait(browser, WAIT).until(condition);
    }

    /** As pages show times. */
    static String minutes(Instant instant) {
        return MINUTES.format(instant);
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? fallback : value;
    }

    /**
     * A database folder of this JVM's own, removed at exit once PostgreSQL has stopped (it stops in
     * another shutdown hook, so wait for its pid file to go).
     */
    private static Path freshDataDir() {
        try {
            Path dir = Files.createTempDirectory("sparkads-browser-it-");
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(() -> deleteOnceStopped(dir), "delete-" + dir));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteOnceStopped(Path dir) {
        Path pidFile = dir.resolve("postgres").resolve("postmaster.pid");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (Files.exists(pidFile) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        FileSystemUtils.deleteRecursively(dir.toFile());
    }
}
