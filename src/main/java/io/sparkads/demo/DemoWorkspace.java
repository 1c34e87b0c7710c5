package io.sparkads.demo;

import io.sparkads.accounts.AccessTokens;
import io.sparkads.accounts.Advertiser;
import io.sparkads.accounts.Advertisers;
import io.sparkads.accounts.Role;
import io.sparkads.accounts.Users;
import io.sparkads.content.AppAccount;
import io.sparkads.content.AppAccounts;
import io.sparkads.content.Post;
import io.sparkads.content.Posts;
import java.security.SecureRandom;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On a first start with an empty database, a workspace to try everything with: an admin, a
 * reviewer, a creator with a few public posts, and an advertiser with an ad account, a user and a
 * Business API token. The sign-ins are printed once; turn this off with {@code
 * sparkads.demo.enabled=false}.
 */
@Component
@ConditionalOnBooleanProperty(name = "sparkads.demo.enabled", matchIfMissing = true)
class DemoWorkspace implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoWorkspace.class);
    private static final String ALPHABET =
            "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Users users;
    private final Advertisers advertisers;
    private final AccessTokens tokens;
    private final AppAccounts accounts;
    private final Posts posts;
    private final TransactionTemplate transaction;
    private final String fixedPassword;

    DemoWorkspace(
            Users users,
            Advertisers advertisers,
            AccessTokens tokens,
            AppAccounts accounts,
            Posts posts,
            TransactionTemplate transaction,
            @Value("${sparkads.demo.password:}") String fixedPassword) {
        this.users = users;
        this.advertisers = advertisers;
        this.tokens = tokens;
        this.accounts = accounts;
        this.posts = posts;
        this.transaction = transaction;
        this.fixedPassword = fixedPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.any()) {
            return;
        }
        String password = fixedPassword.isBlank() ? randomPassword() : fixedPassword;
        String businessToken =
                transaction.execute(
                        status -> {
                            Advertiser advertiser =
                                    advertisers.create(
                                            "Demo Advertiser", "USD", "America/New_York");
                            AppAccount creator =
                                    accounts.create(
                                            "demo.creator",
                                            "Demo Creator",
                                            AppAccount.AccountType.CREATOR,
                                            "US",
                                            null);
                            posts.create(
                                    post(
                                            creator,
                                            "Morning routine in 30 seconds",
                                            List.of("morning", "routine"),
                                            30_000));
                            posts.create(
                                    post(
                                            creator,
                                            "Three ways to style a denim jacket",
                                            List.of("fashion", "ootd"),
                                            24_000));
                            posts.create(
                                    post(
                                            creator,
                                            "Trying the viral pasta recipe",
                                            List.of("food", "recipe"),
                                            45_000));
                            users.create("admin", password, Role.ADMIN, null, null);
                            users.create("reviewer", password, Role.REVIEWER, null, null);
                            users.create("creator", password, Role.CREATOR, null, creator.id());
                            users.create(
                                    "advertiser", password, Role.ADVERTISER, advertiser.id(), null);
                            return tokens.issueBusinessToken(List.of(advertiser.id()));
                        });
        log.info(
                """

                ==================================================================
                 Spark Ads demo workspace created. Sign in at /login with:
                   advertiser / {}   (Ads Manager)
                   creator    / {}   (Creator Center)
                   reviewer   / {}   (Review console)
                   admin      / {}
                 Business API Access-Token of the demo advertiser: {}
                 These are shown only this once.
                ==================================================================
                """,
                password,
                password,
                password,
                password,
                businessToken);
    }

    private static Posts.NewPost post(
            AppAccount creator, String caption, List<String> tags, int durationMs) {
        return new Posts.NewPost(
                creator.id(), caption, tags, null, durationMs, null, Post.Visibility.PUBLIC);
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
