package io.sparkads.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

class SignInThrottleBrowserIT extends BrowserTestBase {

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneWaitsAndThePageSaysHowLong() {
        // given a user who has never signed in
        var user = given.newAdvertiser();
        open("/login");
        browser.manage().deleteAllCookies();

        // when someone guesses five wrong passwords
        for (int i = 0; i < 5; i++) {
            open("/login");
            typeInto(By.id("username"), user.username());
            typeInto(By.id("password"), "guess-" + i);
            browser.findElement(By.id("sign-in")).click();
        }

        // then the sign-in page asks to wait, and the right password waits too
        assertThat(text(By.id("sign-in-wait")))
                .startsWith("Too many failed sign-ins")
                .contains("wait");
        open("/login");
        typeInto(By.id("username"), user.username());
        typeInto(By.id("password"), PASSWORD);
        browser.findElement(By.id("sign-in")).click();

        assertThat(path()).isEqualTo("/login");
        assertThat(text(By.id("sign-in-wait"))).contains("seconds");
        assertThat(browser.findElements(By.cssSelector("[data-testid=signed-in-user]"))).isEmpty();
        screenshot("sign-in-throttled");
    }

    static void screenshot(org.openqa.selenium.WebDriver browser, String name) {
        try {
            Path folder = Path.of("target", "screenshots");
            Files.createDirectories(folder);
            Files.write(
                    folder.resolve(name + ".png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void screenshot(String name) {
        assertPeoplesWords();
        screenshot(browser, name);
    }
}
