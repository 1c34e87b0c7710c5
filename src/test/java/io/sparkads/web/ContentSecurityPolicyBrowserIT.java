package io.sparkads.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Every page runs under the Content-Security-Policy (scripts and styles from our own files only):
 * the pages still load their styles and htmx, and the browser reports nothing refused.
 */
class ContentSecurityPolicyBrowserIT extends BrowserTestBase {

    @Test
    void theMainPagesOfEachRoleLoadWithNothingRefusedByThePolicy() {
        List<String> refused = new ArrayList<>();
        visit(
                "advertiser",
                refused,
                "/ads",
                "/ads/campaigns",
                "/ads/ads",
                "/ads/tools/creative-library/spark-posts",
                "/ads/tools/linked-accounts",
                "/ads/tools/audit",
                "/ads/tools/trends",
                "/ads/campaigns/new",
                "/feed");
        visit("creator", refused, "/creator", "/creator/links", "/creator/audit");
        visit("reviewer", refused, "/review");

        assertThat(refused).as("console messages about the policy").isEmpty();
    }

    @Test
    void theSignInPageLoadsItsStylesAndScriptsUnderThePolicy() {
        open("/login");
        browser.manage().deleteAllCookies();
        open("/login");

        Object htmx = ((JavascriptExecutor) browser).executeScript("return typeof window.htmx");
        Object background =
                ((JavascriptExecutor) browser)
                        .executeScript(
                                "return getComputedStyle(document.querySelector('.topbar')).display");

        assertThat(htmx).isEqualTo("object");
        assertThat(background).isNotEqualTo("inline");
        assertThat(policyMessages()).isEmpty();
        assertPeoplesWords();
        SignInThrottleBrowserIT.screenshot(browser, "sign-in-under-csp");
    }

    @Test
    void aDefaultAvatarLoadsForASignedInPersonToo() {
        var creator = given.newCreator();
        signInAs("advertiser");

        open("/avatars/" + creator.username() + ".svg");

        assertThat(path()).isEqualTo("/avatars/" + creator.username() + ".svg");
        assertThat(browser.getPageSource()).contains("<svg").contains(creator.name());
    }

    private void visit(String user, List<String> refused, String... paths) {
        signInAs(user);
        policyMessages();
        for (String path : paths) {
            open(path);
            assertThat(text(By.tagName("h1"))).as("heading of " + path).isNotBlank();
            Object htmx = ((JavascriptExecutor) browser).executeScript("return typeof window.htmx");
            assertThat(htmx).as("htmx on " + path).isEqualTo("object");
            for (String message : policyMessages()) {
                refused.add(path + ": " + message);
            }
        }
    }

    /** The console messages since the last call that say the policy refused something. */
    private List<String> policyMessages() {
        List<String> messages = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            String message = entry.getMessage();
            if (message.contains("Content Security Policy") || message.contains("Refused to")) {
                messages.add(message);
            }
        }
        return messages;
    }
}
