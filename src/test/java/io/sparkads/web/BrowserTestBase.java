package io.sparkads.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.accounts.Advertisers;
import io.sparkads.accounts.Users;
import io.sparkads.authorization.SparkAuthorizations;
import io.sparkads.campaigns.AdGroups;
import io.sparkads.campaigns.Ads;
import io.sparkads.campaigns.Campaigns;
import io.sparkads.common.web.RawCodes;
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
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.FileSystemUtils;

/**
 * The web UI in a real browser: headless Chromium against the started server, on the integration
 * tests' shared context ({@code application-it.yml}: a fresh embedded PostgreSQL with the demo
 * workspace). Every browser test class extends this and adds no settings, so they share that
 * context with the other integration tests, and one browser, opened for the first class and closed
 * when the JVM exits.
 *
 * <p>The database is shared: tests use data of their own (unique names, fresh users where state
 * such as the code-attempt limit or links would leak into other tests), never count what they did
 * not create, and create no ad that could be delivered, so ad-request tests elsewhere see none of
 * theirs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestBase {
    /** The demo users' password, as {@code application-it.yml} sets it. */
    static final String PASSWORD = "demo-password-1";

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(25);
    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static WebDriver sharedBrowser;

    @LocalServerPort int port;
    @Autowired Users users;
    @Autowired Advertisers advertisers;
    @Autowired AppAccounts accounts;
    @Autowired Posts posts;
    @Autowired SparkAuthorizations authorizations;
    @Autowired Campaigns campaigns;
    @Autowired AdGroups adGroups;
    @Autowired Ads ads;
    @Autowired Reviews reviews;

    WebDriver browser;
    WebFixtures given;

    @BeforeAll
    void openBrowser() {
        given =
                new WebFixtures(
                        users,
                        advertisers,
                        accounts,
                        posts,
                        authorizations,
                        campaigns,
                        adGroups,
                        ads,
                        reviews);
        browser = browser();
    }

    /** One browser for every browser test in this JVM: starting Chromium costs seconds. */
    private static synchronized WebDriver browser() {
        if (sharedBrowser != null) {
            return sharedBrowser;
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("sparkads-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        // The console, so tests can see what the Content-Security-Policy refused.
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(
                                new File(setting("CHROMEDRIVER", "/usr/bin/chromedriver")))
                        .usingAnyFreePort()
                        .build();
        WebDriver opened = new ChromeDriver(service, options);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    try {
                                        opened.quit();
                                    } finally {
                                        FileSystemUtils.deleteRecursively(profile.toFile());
                                    }
                                },
                                "close-browser"));
        sharedBrowser = opened;
        return opened;
    }

    /**
     * Opens a page of the server; every page a test opens is checked to name each id once, to speak
     * people's words rather than the API's codes, and to carry the page title's one form.
     */
    void open(String path) {
        browser.get("http://localhost:" + port + path);
        assertThat(repeatedIds()).as("ids standing more than once on " + path).isEmpty();
        assertPeoplesWords();
    }

    /**
     * Fails if the page's visible text shows a raw API code ({@link RawCodes}) outside an element
     * marked {@code data-api-code}, or if its title is not "Page · Section · Spark Ads".
     */
    void assertPeoplesWords() {
        String where = path();
        String visible =
                (String)
                        ((JavascriptExecutor) browser)
                                .executeScript(
                                        """
                                        const marked = Array.from(document.querySelectorAll('[data-api-code]'));
                                        const before = marked.map(e => e.style.getPropertyValue('display'));
                                        marked.forEach(e => e.style.setProperty('display', 'none', 'important'));
                                        const text = document.body ? document.body.innerText : '';
                                        marked.forEach((e, i) => e.style.setProperty('display', before[i]));
                                        return text;
                                        """);
        assertThat(RawCodes.in(visible)).as("raw API codes in the text of " + where).isEmpty();
        Object type = ((JavascriptExecutor) browser).executeScript("return document.contentType");
        if (!"text/html".equals(type)) {
            return; // an image or a file the browser shows has no title of ours
        }
        String title = browser.getTitle();
        assertThat(title).as("title of " + where).matches(".+ · Spark Ads");
        String section =
                where.startsWith("/ads")
                        ? "Ads Manager"
                        : where.startsWith("/creator")
                                ? "Creator Center"
                                : where.startsWith("/review") ? "Review console" : null;
        if (section != null) {
            assertThat(title).as("title of " + where).contains(section);
        }
    }

    String path() {
        return java.net.URI.create(browser.getCurrentUrl()).getPath();
    }

    /** Signs out whoever was signed in, then signs in with the demo password. */
    void signInAs(String username) {
        if (!browser.getCurrentUrl().startsWith("http://localhost:" + port + "/")) {
            open("/login");
        }
        browser.manage().deleteAllCookies();
        open("/login");
        typeInto(By.id("username"), username);
        typeInto(By.id("password"), PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        waitUntil(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        assertThat(text(By.cssSelector("[data-testid=signed-in-user]"))).isEqualTo(username);
    }

    /** Accepts the confirmation the page asks for before a change that cannot be undone. */
    void confirm() {
        waitUntil(ExpectedConditions.alertIsPresent()).accept();
    }

    /**
     * Turns the browser's own checks of a form ({@code required}, {@code min}, {@code pattern})
     * off, to see what the server answers to what they would have stopped.
     */
    void withoutBrowserChecks(By form) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].noValidate = true", find(form));
    }

    /** Waits until the page that was shown has been replaced by the next one. */
    void awaitNextPage(WebElement ofPreviousPage) {
        waitUntil(driver -> isGone(ofPreviousPage));
    }

    /**
     * Whether the element has left the document. Chromium answers a look at a node that the page is
     * replacing at that moment either as stale or, in the middle of the swap, with an inspector
     * error that says the node "does not belong to the document": both mean it is gone.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** What the server answered to a request the page sent itself. */
    record Answer(int status, String body) {}

    /**
     * Posts a form from the current page with the session cookie and the page's CSRF token, as a
     * plain HTTP request, to see the status the browser does not show.
     */
    Answer postForm(String path, String formBody, boolean htmx) {
        Object answer =
                ((JavascriptExecutor) browser)
                        .executeAsyncScript(
                                """
                                const done = arguments[arguments.length - 1];
                                const header = document.querySelector('meta[name="csrf-header"]').content;
                                const token = document.querySelector('meta[name="csrf-token"]').content;
                                const headers = {[header]: token,
                                                 'Content-Type': 'application/x-www-form-urlencoded'};
                                if (arguments[2]) { headers['HX-Request'] = 'true'; }
                                fetch(arguments[0], {method: 'POST', headers: headers, body: arguments[1]})
                                  .then(r => r.text().then(t => done([r.status, t])), e => done([0, String(e)]));
                                """,
                                path,
                                formBody,
                                htmx);
        List<?> pair = (List<?>) answer;
        return new Answer(((Number) pair.get(0)).intValue(), String.valueOf(pair.get(1)));
    }

    /**
     * The ids the page shows more than once. An id stands once on a page: scripts and tests find an
     * element by it, and with two the first is found, which need not be the one people see.
     */
    List<String> repeatedIds() {
        Object repeated =
                ((JavascriptExecutor) browser)
                        .executeScript(
                                "var seen = {}, repeated = [];"
                                        + " document.querySelectorAll('[id]').forEach(function (e) {"
                                        + " if (seen[e.id] && repeated.indexOf(e.id) < 0) {"
                                        + " repeated.push(e.id); } seen[e.id] = true; });"
                                        + " return repeated;");
        return ((List<?>) repeated).stream().map(String::valueOf).toList();
    }

    /** Whether all of the box's content is in sight: nothing scrolled out to its side. */
    boolean fitsItsWidth(WebElement box) {
        return (Boolean)
                ((JavascriptExecutor) browser)
                        .executeScript(
                                "return arguments[0].scrollWidth <= arguments[0].clientWidth", box);
    }

    /**
     * Keeps what the page looks like now as {@code target/screenshots/<name>.png}, the whole page
     * and not only the window, for people to look at; the page's ids are checked first.
     */
    void keepScreenshot(String name) {
        assertThat(repeatedIds()).as("ids standing more than once on the page").isEmpty();
        assertPeoplesWords();
        Dimension window = browser.manage().window().getSize();
        Number height =
                (Number)
                        ((JavascriptExecutor) browser)
                                .executeScript("return document.documentElement.scrollHeight");
        browser.manage()
                .window()
                .setSize(
                        new Dimension(
                                window.getWidth(), (int) Math.min(4000, height.longValue() + 140)));
        try {
            Path folder = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(
                    folder.resolve(name + ".png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            browser.manage().window().setSize(window);
        }
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
        // Selenium looks every 500 ms by default; pages here answer in a few.
        return new WebDriverWait(browser, WAIT).pollingEvery(POLL).until(condition);
    }

    /** As pages show times. */
    static String minutes(Instant instant) {
        return MINUTES.format(instant);
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? fallback : value;
    }
}
