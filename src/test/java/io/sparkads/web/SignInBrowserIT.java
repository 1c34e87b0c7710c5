package io.sparkads.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

class SignInBrowserIT extends BrowserTestBase {

    @Test
    void aWrongPasswordIsRefusedOnTheSignInPage() {
        open("/login");
        browser.manage().deleteAllCookies();
        open("/login");

        typeInto(By.id("username"), "advertiser");
        typeInto(By.id("password"), "not-the-password");
        browser.findElement(By.id("sign-in")).click();

        assertThat(text(By.cssSelector(".alert.error"))).isEqualTo("Wrong username or password");
        assertThat(path()).isEqualTo("/login");
    }

    @Test
    void eachRoleLandsOnItsOwnPartOfTheUi() {
        signInAs("advertiser");
        assertThat(path()).isEqualTo("/ads");
        assertThat(text(By.tagName("h1"))).isEqualTo("Demo Advertiser");

        signInAs("creator");
        assertThat(path()).isEqualTo("/creator");
        assertThat(text(By.tagName("h1"))).isEqualTo("Demo Creator");

        signInAs("reviewer");
        assertThat(path()).isEqualTo("/review");
        assertThat(text(By.tagName("h1"))).isEqualTo("Pending ads");

        signInAs("admin");
        assertThat(path()).isEqualTo("/review");
    }

    @Test
    void signingOutEndsTheSession() {
        signInAs("creator");

        browser.findElement(By.xpath("//button[normalize-space()='Sign out']")).click();

        assertThat(text(By.cssSelector(".alert.info"))).isEqualTo("Signed out");
        open("/creator");
        assertThat(path()).isEqualTo("/login");
    }

    @Test
    void anotherRolesPageAnswersNoAccess() {
        signInAs("creator");

        open("/ads/tools/creative-library/spark-posts");

        assertThat(text(By.tagName("h1"))).isEqualTo("You don't have access to this page");
        assertThat(text(By.cssSelector(".error-code"))).isEqualTo("403");
        assertThat(text(By.cssSelector("[data-testid=signed-in-user]"))).isEqualTo("creator");
    }

    @Test
    void anUnknownAddressAnswersNotFoundInTheLayout() {
        signInAs("advertiser");

        open("/ads/no-such-page");

        assertThat(text(By.tagName("h1"))).isEqualTo("This page does not exist");
        assertThat(text(By.cssSelector(".brand"))).contains("Spark Ads");
    }
}
