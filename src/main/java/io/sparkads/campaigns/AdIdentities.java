package io.sparkads.campaigns;

import io.sparkads.authorization.AccountLink;
import io.sparkads.authorization.AccountLinks;
import io.sparkads.authorization.LibraryFilter;
import io.sparkads.authorization.LinkPermission;
import io.sparkads.authorization.Ranking;
import io.sparkads.authorization.Recommendation;
import io.sparkads.authorization.Recommendations;
import io.sparkads.authorization.SparkAuthorizations;
import io.sparkads.authorization.SparkPost;
import io.sparkads.common.PageRequest;
import io.sparkads.content.AppAccount;
import io.sparkads.content.AppAccounts;
import io.sparkads.content.Post;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Who a Spark ad can speak as on the ad creation page, and with which posts: the creators of the
 * applied codes ({@code AUTH_CODE}, one identity per creator, with the posts whose authorization is
 * still usable) and the linked accounts ({@code TT_USER}, with their Spark-available posts when the
 * link lets the advertiser pull them, and a new video when it lets them push one).
 */
@Service
public class AdIdentities {
    /** Enough for any real library; a larger one shows its newest posts. */
    private static final int MAX_LIBRARY_PAGES = 10;

    private final SparkAuthorizations authorizations;
    private final AccountLinks links;
    private final AppAccounts accounts;
    private final Recommendations recommendations;

    AdIdentities(
            SparkAuthorizations authorizations,
            AccountLinks links,
            AppAccounts accounts,
            Recommendations recommendations) {
        this.authorizations = authorizations;
        this.links = links;
        this.accounts = accounts;
        this.recommendations = recommendations;
    }

    /** An identity a Spark ad can run under; {@code key} is what the page's select sends. */
    public record SparkIdentity(
            IdentityType type,
            long accountId,
            String displayName,
            String handle,
            boolean pullsPosts,
            boolean pushesVideos) {

        /** The wire name of the identity type, as an ad's {@code identity_type} holds it. */
        public String identityType() {
            return type.wireName();
        }

        public String key() {
            return identityType() + ":" + accountId;
        }

        public boolean linked() {
            return type == IdentityType.TT_USER;
        }
    }

    /** A post the identity can run, as the picker shows it, with why it is recommended. */
    public record PostChoice(
            long itemId,
            String caption,
            String videoUrl,
            long views,
            Instant authorizedUntil,
            Recommendation recommendation) {}

    public List<SparkIdentity> of(long advertiserId) {
        Map<String, SparkIdentity> identities = new LinkedHashMap<>();
        for (SparkPost post : usableLibrary(advertiserId)) {
            AppAccount account = post.account();
            SparkIdentity identity =
                    new SparkIdentity(
                            IdentityType.AUTH_CODE,
                            account.id(),
                            account.displayName(),
                            account.handle(),
                            true,
                            false);
            identities.putIfAbsent(identity.key(), identity);
        }
        for (AccountLink link : links.ofAdvertiser(advertiserId)) {
            if (link.status() != AccountLink.Status.ACTIVE || link.accountId() == null) {
                continue;
            }
            accounts.find(link.accountId())
                    .map(
                            account ->
                                    new SparkIdentity(
                                            IdentityType.TT_USER,
                                            account.id(),
                                            account.displayName(),
                                            account.handle(),
                                            link.allows(LinkPermission.PULL_POSTS),
                                            link.allows(LinkPermission.PUSH_VIDEOS)))
                    .ifPresent(identity -> identities.putIfAbsent(identity.key(), identity));
        }
        return List.copyOf(identities.values());
    }

    /** The identity the page sent back, if the ad account still has it. */
    public Optional<SparkIdentity> find(long advertiserId, String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        return of(advertiserId).stream().filter(i -> i.key().equals(key.strip())).findFirst();
    }

    /** The identity's posts the ad account can run, most recommended first. */
    public List<PostChoice> posts(long advertiserId, SparkIdentity identity) {
        if (identity.linked() && !identity.pullsPosts()) {
            return List.of();
        }
        Ranking ranking = recommendations.of(advertiserId);
        List<PostChoice> choices =
                identity.linked()
                        ? links.sparkAvailablePosts(advertiserId, identity.accountId()).stream()
                                .map(post -> choice(post, null, ranking))
                                .toList()
                        : usableLibrary(advertiserId).stream()
                                .filter(p -> p.account().id() == identity.accountId())
                                .map(p -> choice(p.post(), p.authEndTime(), ranking))
                                .toList();
        return ranking.ranked(choices, PostChoice::itemId);
    }

    private static PostChoice choice(Post post, Instant authorizedUntil, Ranking ranking) {
        return new PostChoice(
                post.itemId(),
                post.caption(),
                post.videoUrl(),
                post.organic() == null ? 0 : post.organic().views(),
                authorizedUntil,
                ranking.of(post.itemId()));
    }

    /** The ad account's applied posts that can still run, newest binding first. */
    private List<SparkPost> usableLibrary(long advertiserId) {
        List<SparkPost> usable = new ArrayList<>();
        for (int page = 1; page <= MAX_LIBRARY_PAGES; page++) {
            List<SparkPost> batch =
                    authorizations.library(
                            advertiserId,
                            LibraryFilter.NONE,
                            new PageRequest(page, PageRequest.MAX_PAGE_SIZE));
            batch.stream().filter(SparkPost::isUsable).forEach(usable::add);
            if (batch.size() < PageRequest.MAX_PAGE_SIZE) {
                break;
            }
        }
        return usable;
    }
}
