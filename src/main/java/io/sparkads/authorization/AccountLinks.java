package io.sparkads.authorization;

import io.sparkads.common.Ids;
import io.sparkads.common.Refusal;
import io.sparkads.common.Secrets;
import io.sparkads.content.AppAccount;
import io.sparkads.content.AppAccounts;
import io.sparkads.content.Post;
import io.sparkads.content.Posts;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account links: an advertiser creates a request with a link code, the creator approves it in the
 * app, and all the creator's Spark-available posts become usable without codes until either side
 * unlinks.
 */
@Service
public class AccountLinks {
    public static final Duration REQUEST_VALIDITY = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AppAccounts accounts;
    private final Posts posts;
    private final AuthorizationAudit audit;

    AccountLinks(
            JdbcClient jdbc,
            Clock clock,
            AppAccounts accounts,
            Posts posts,
            AuthorizationAudit audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.accounts = accounts;
        this.posts = posts;
        this.audit = audit;
    }

    @Transactional
    public LinkRequest request(long advertiserId, Collection<String> permissions, Actor actor) {
        Set<LinkPermission> wanted = parse(permissions);
        Instant now = clock.instant();
        Instant expires = now.plus(REQUEST_VALIDITY);
        String code = Secrets.newCode("L-", 18);
        long id = Ids.next();
        jdbc.sql(
                        """
                        insert into account_links (id, advertiser_id, link_code_hash, permissions, status, created_at, expire_time)
                        values (?, ?, ?, ?::text[], 'PENDING', ?, ?)
                        """)
                .params(
                        id,
                        advertiserId,
                        Secrets.hash(code),
                        names(wanted),
                        Timestamp.from(now),
                        Timestamp.from(expires))
                .update();
        audit.record(
                AuditAction.LINK_REQUESTED,
                AuditSubject.link(null, advertiserId),
                actor,
                "permissions " + names(wanted).length + ": " + String.join(",", names(wanted)));
        return new LinkRequest(id, code, expires);
    }

    /** The creator approves a request, choosing the permissions (at most those asked for). */
    @Transactional
    public AccountLink approve(
            long accountId,
            String linkCode,
            Collection<String> permissions,
            Boolean adsOnly,
            Actor actor) {
        AppAccount account = accounts.get(accountId);
        if (linkCode == null || linkCode.isBlank() || linkCode.length() > 64) {
            throw Refusal.invalid("link_code is required");
        }
        AccountLink request =
                jdbc.sql("select * from account_links where link_code_hash = ? for update")
                        .param(Secrets.hash(linkCode.strip()))
                        .query((rs, n) -> row(rs))
                        .optional()
                        .orElseThrow(
                                () ->
                                        Refusal.invalid(
                                                "link_code is not a valid link code; ask the advertiser for it again"));
        Instant now = clock.instant();
        if (request.status() == AccountLink.Status.EXPIRED) {
            throw Refusal.conflict("The link request expired; ask the advertiser for a new one");
        }
        if (request.status() != AccountLink.Status.PENDING) {
            throw Refusal.conflict("The link request was already used");
        }
        Set<LinkPermission> granted =
                permissions == null || permissions.isEmpty()
                        ? request.permissions()
                        : parse(permissions);
        if (!request.permissions().containsAll(granted)) {
            throw Refusal.invalid(
                    "permissions may only grant what was asked for: "
                            + String.join(", ", names(request.permissions())));
        }
        if (granted.contains(LinkPermission.PUSH_VIDEOS) && adsOnly == null) {
            throw Refusal.invalid(
                    "ads_only is required with PUSH_VIDEOS: true shows pushed videos in ads only, false on the profile too");
        }
        if (active(request.advertiserId(), accountId).isPresent()) {
            throw Refusal.conflict(
                    "This advertiser is already linked to the account; unlink first to change permissions");
        }
        jdbc.sql(
                        """
                        update account_links set status = 'ACTIVE', account_id = ?, permissions = ?::text[], ads_only = ?, approved_at = ?
                        where id = ?
                        """)
                .params(
                        accountId,
                        names(granted),
                        granted.contains(LinkPermission.PUSH_VIDEOS) ? adsOnly : null,
                        Timestamp.from(now),
                        request.id())
                .update();
        audit.record(
                AuditAction.LINKED,
                AuditSubject.link(account.id(), request.advertiserId()),
                actor,
                String.join(",", names(granted)));
        return find(request.id()).orElseThrow();
    }

    /** Either side ends a link; every ad of the linked identity stops. */
    @Transactional
    public void unlink(long accountId, long advertiserId, Actor actor) {
        AccountLink link =
                active(advertiserId, accountId)
                        .orElseThrow(
                                () ->
                                        Refusal.notFound(
                                                "Account "
                                                        + accountId
                                                        + " is not linked to advertiser "
                                                        + advertiserId));
        jdbc.sql("update account_links set status = 'UNLINKED', unlinked_at = ? where id = ?")
                .params(Timestamp.from(clock.instant()), link.id())
                .update();
        String who = actor.kind() == Actor.Kind.ADVERTISER ? "The advertiser" : "The creator";
        audit.recordAndPublish(
                AuditAction.UNLINKED,
                AuditSubject.link(accountId, advertiserId),
                actor,
                who + " unlinked",
                new AccountUnlinked(advertiserId, accountId, who + " unlinked the account"));
    }

    public Optional<AccountLink> active(long advertiserId, long accountId) {
        return jdbc.sql(
                        "select * from account_links where advertiser_id = ? and account_id = ? and status = 'ACTIVE'")
                .params(advertiserId, accountId)
                .query((rs, n) -> row(rs))
                .optional();
    }

    public Optional<AccountLink> find(long linkId) {
        return jdbc.sql("select * from account_links where id = ?")
                .param(linkId)
                .query((rs, n) -> row(rs))
                .optional();
    }

    /** The ad account's links and requests, newest first. */
    public List<AccountLink> ofAdvertiser(long advertiserId) {
        return links("where advertiser_id = ? order by created_at desc, id desc", advertiserId);
    }

    /** The creator's links, newest first. */
    public List<AccountLink> ofAccount(long accountId) {
        return links("where account_id = ? order by approved_at desc, id desc", accountId);
    }

    /** {@code condition} is one of this class's constants, never a caller's text. */
    private List<AccountLink> links(String condition, long id) {
        return jdbc.sql("select * from account_links " + condition)
                .param(id)
                .query((rs, n) -> row(rs))
                .list();
    }

    /**
     * The creator's posts the advertiser may use through an active link that allows pulling posts.
     */
    public List<Post> sparkAvailablePosts(long advertiserId, long accountId) {
        AccountLink link =
                active(advertiserId, accountId)
                        .filter(l -> l.allows(LinkPermission.PULL_POSTS))
                        .orElseThrow(
                                () ->
                                        Refusal.notFound(
                                                "identity "
                                                        + accountId
                                                        + " is not linked to this ad account with PULL_POSTS"));
        return posts.ofAccount(link.accountId()).stream()
                .filter(post -> isSparkAvailable(post) && !post.adsOnly())
                .toList();
    }

    /** The post as usable through a link, if the advertiser may pull it. */
    public Optional<SparkPost> linkedPost(long advertiserId, long itemId) {
        return linkedPost(advertiserId, itemId, LinkPermission.PULL_POSTS);
    }

    /**
     * The post as usable through a link that grants {@code permission}: {@code PULL_POSTS} for the
     * creator's own posts, {@code PUSH_VIDEOS} for a video the advertiser pushed to the account.
     */
    public Optional<SparkPost> linkedPost(
            long advertiserId, long itemId, LinkPermission permission) {
        Optional<Post> post = posts.find(itemId);
        if (post.isEmpty()) {
            return Optional.empty();
        }
        // An ads-only post is a video one advertiser pushed: it runs in that advertiser's ad
        // only, and is never one of the creator's posts that a link lets anyone pull.
        if (permission == LinkPermission.PULL_POSTS && post.get().adsOnly()) {
            return Optional.empty();
        }
        return active(advertiserId, post.get().accountId())
                .filter(link -> link.allows(permission))
                .map(
                        link ->
                                new SparkPost(
                                        post.get(),
                                        accounts.get(post.get().accountId()),
                                        isSparkAvailable(post.get())
                                                ? SparkCodeStatus.IN_USE
                                                : SparkCodeStatus.REVOKED,
                                        link.approvedAt(),
                                        null,
                                        link.approvedAt()));
    }

    static boolean isSparkAvailable(Post post) {
        return post.isSparkAvailable() && post.durationMs() <= Posts.MAX_DURATION_MS;
    }

    private Set<LinkPermission> parse(Collection<String> raw) {
        if (raw == null || raw.isEmpty()) {
            throw Refusal.invalid("permissions must hold PULL_POSTS and/or PUSH_VIDEOS");
        }
        Set<LinkPermission> set = EnumSet.noneOf(LinkPermission.class);
        for (String name : raw) {
            try {
                set.add(LinkPermission.valueOf(name == null ? "" : name));
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid(
                        "permissions may hold PULL_POSTS and PUSH_VIDEOS only; got '" + name + "'");
            }
        }
        return set;
    }

    private static String[] names(Set<LinkPermission> permissions) {
        return permissions.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    private AccountLink row(ResultSet rs) throws SQLException {
        AccountLink.Status status = AccountLink.Status.valueOf(rs.getString("status"));
        Instant expires = rs.getTimestamp("expire_time").toInstant();
        if (status == AccountLink.Status.PENDING && !clock.instant().isBefore(expires)) {
            status = AccountLink.Status.EXPIRED;
        }
        Array permissions = rs.getArray("permissions");
        return new AccountLink(
                rs.getLong("id"),
                rs.getLong("advertiser_id"),
                Arrays.stream((String[]) permissions.getArray())
                        .map(LinkPermission::valueOf)
                        .collect(
                                Collectors.toCollection(
                                        () -> EnumSet.noneOf(LinkPermission.class))),
                status,
                (Long) rs.getObject("account_id"),
                (Boolean) rs.getObject("ads_only"),
                rs.getTimestamp("created_at").toInstant(),
                expires,
                instantOrNull(rs, "approved_at"),
                instantOrNull(rs, "unlinked_at"));
    }

    static Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
