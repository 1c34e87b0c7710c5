package io.sparkads.authorization;

import io.sparkads.common.Ids;
import io.sparkads.common.PageRequest;
import io.sparkads.common.Refusal;
import io.sparkads.common.Secrets;
import io.sparkads.content.AppAccount;
import io.sparkads.content.AppAccounts;
import io.sparkads.content.Post;
import io.sparkads.content.PostDeleted;
import io.sparkads.content.PostVisibilityChanged;
import io.sparkads.content.Posts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Authorization codes and the creative library: a creator issues a code for a public post, ad
 * accounts apply it and the post joins their creative library, and the creator can take it back at
 * any time. Every step is written to the {@link AuthorizationAudit audit trail}.
 */
@Service
public class SparkAuthorizations {
    public static final Set<Integer> VALID_DAYS = Set.of(7, 30, 60, 365);

    /** Posts whose authorization ends within this are flagged to the advertiser. */
    public static final Duration EXPIRY_WARNING = Duration.ofDays(7);

    private static final Logger log = LoggerFactory.getLogger(SparkAuthorizations.class);
    private static final int CODE_BYTES = 18; // 144 bits

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Posts posts;
    private final AppAccounts accounts;
    private final AuthorizationAudit audit;
    private final CodeAttemptLimiter limiter;
    private final ApplicationEventPublisher events;

    SparkAuthorizations(
            JdbcClient jdbc,
            Clock clock,
            Posts posts,
            AppAccounts accounts,
            AuthorizationAudit audit,
            CodeAttemptLimiter limiter,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.posts = posts;
        this.accounts = accounts;
        this.audit = audit;
        this.limiter = limiter;
        this.events = events;
    }

    // ---- the creator's side

    /** Turns ad authorization on for a public post and issues a code valid for {@code days}. */
    @Transactional
    public IssuedCode issueCode(long itemId, Integer days, Actor actor) {
        if (days == null || !VALID_DAYS.contains(days)) {
            throw Refusal.invalid("days must be one of 7, 30, 60 or 365, was " + days);
        }
        Post post = posts.get(itemId);
        if (!post.isSparkAvailable()) {
            throw Refusal.conflict(
                    "Post "
                            + itemId
                            + " is "
                            + (post.deletedAt() != null ? "deleted" : "not public")
                            + "; only public posts can be authorized for ads");
        }
        Instant now = clock.instant();
        Instant end = now.plus(Duration.ofDays(days));
        String code = Secrets.newCode("#", CODE_BYTES);
        jdbc.sql(
                        """
                        insert into post_ad_authorizations (item_id, account_id, enabled, changed_at) values (?, ?, true, ?)
                        on conflict (item_id) do update set enabled = true, changed_at = excluded.changed_at
                        """)
                .params(itemId, post.accountId(), Timestamp.from(now))
                .update();
        long codeId = Ids.next();
        jdbc.sql(
                        """
                        insert into spark_codes (id, item_id, account_id, code_hash, status, auth_start_time, auth_end_time, created_at)
                        values (?, ?, ?, ?, 'NOT_USED', ?, ?, ?)
                        """)
                .params(
                        codeId,
                        itemId,
                        post.accountId(),
                        Secrets.hash(code),
                        Timestamp.from(now),
                        Timestamp.from(end),
                        Timestamp.from(now))
                .update();
        audit.record(
                AuditAction.CODE_ISSUED,
                itemId,
                post.accountId(),
                null,
                actor,
                "code " + codeId + " valid for " + days + " days");
        return new IssuedCode(itemId, code, now, end);
    }

    /**
     * The creator turns ad authorization off: every code of the post is revoked, every ad stops.
     */
    @Transactional
    public void revoke(long itemId, Actor actor) {
        Post post = posts.get(itemId);
        Instant now = clock.instant();
        jdbc.sql(
                        "update post_ad_authorizations set enabled = false, changed_at = ? where item_id = ?")
                .params(Timestamp.from(now), itemId)
                .update();
        jdbc.sql(
                        "update spark_codes set status = 'REVOKED', revoked_at = ? where item_id = ? and status in ('NOT_USED', 'IN_USE')")
                .params(Timestamp.from(now), itemId)
                .update();
        Set<Long> advertisers = advertisersUsing(itemId, null);
        audit.record(
                AuditAction.AUTHORIZATION_TURNED_OFF,
                itemId,
                post.accountId(),
                null,
                actor,
                advertisers.size() + " ad account(s) affected");
        events.publishEvent(
                new SparkAuthorizationRevoked(
                        itemId,
                        advertisers,
                        SparkAuthorizationRevoked.Cause.REVOKED_BY_CREATOR,
                        "The creator revoked the ad authorization"));
    }

    /** Revokes one code: the ad accounts that applied it lose the post, others keep theirs. */
    @Transactional
    public void revokeCode(long itemId, long codeId, Actor actor) {
        CodeRow code =
                jdbc.sql("select * from spark_codes where id = ? and item_id = ?")
                        .params(codeId, itemId)
                        .query((rs, n) -> codeRow(rs))
                        .optional()
                        .orElseThrow(
                                () ->
                                        Refusal.notFound(
                                                "Post " + itemId + " has no code " + codeId));
        SparkCodeStatus status = code.status().asOf(clock.instant(), code.authEnd());
        if (status == SparkCodeStatus.REVOKED || status == SparkCodeStatus.EXPIRED) {
            throw Refusal.conflict("Code " + codeId + " is already " + status.name().toLowerCase());
        }
        jdbc.sql("update spark_codes set status = 'REVOKED', revoked_at = ? where id = ?")
                .params(Timestamp.from(clock.instant()), codeId)
                .update();
        Set<Long> advertisers = advertisersUsing(itemId, codeId);
        audit.record(
                AuditAction.CODE_REVOKED,
                itemId,
                code.accountId(),
                null,
                actor,
                "code " + codeId + "; " + advertisers.size() + " ad account(s) affected");
        if (!advertisers.isEmpty()) {
            events.publishEvent(
                    new SparkAuthorizationRevoked(
                            itemId,
                            advertisers,
                            SparkAuthorizationRevoked.Cause.REVOKED_BY_CREATOR,
                            "The creator revoked the authorization code"));
        }
    }

    /** The codes a creator issued for a post, newest first, with their current status. */
    public List<CodeSummary> codesOf(long itemId) {
        Instant now = clock.instant();
        return jdbc.sql(
                        """
                        select c.*, (select count(*) from post_bindings b where b.code_id = c.id) as uses
                        from spark_codes c where c.item_id = ? order by c.created_at desc, c.id desc
                        """)
                .param(itemId)
                .query(
                        (rs, n) -> {
                            CodeRow c = codeRow(rs);
                            return new CodeSummary(
                                    c.status().asOf(now, c.authEnd()),
                                    c.authStart(),
                                    c.authEnd(),
                                    String.valueOf(c.id()),
                                    rs.getInt("uses"));
                        })
                .list();
    }

    /** A code as its creator sees it; never the code itself. */
    public record CodeSummary(
            SparkCodeStatus status,
            Instant authStartTime,
            Instant authEndTime,
            String codeId,
            int uses) {}

    // ---- the advertiser's side

    public SparkPost preview(long advertiserId, String authCode) {
        return preview(advertiserId, authCode, Actor.advertiser(advertiserId, null));
    }

    /**
     * What applying the code would bind, without binding it. Failed attempts count toward the
     * limit.
     */
    public SparkPost preview(long advertiserId, String authCode, Actor actor) {
        CodeRow code = findCode(advertiserId, authCode, actor);
        return toSparkPost(code, boundAt(advertiserId, code.itemId()).orElse(null));
    }

    /** Binds the code's post to the ad account; applying the same code again changes nothing. */
    @Transactional
    public SparkPost apply(long advertiserId, String authCode, Actor actor) {
        CodeRow code = findCode(advertiserId, authCode, actor);
        Instant now = clock.instant();
        SparkCodeStatus status = code.status().asOf(now, code.authEnd());
        if (status == SparkCodeStatus.EXPIRED || status == SparkCodeStatus.REVOKED) {
            throw refused(
                    advertiserId,
                    code,
                    actor,
                    "The authorization code is "
                            + status.name().toLowerCase()
                            + "; ask the creator for a new one");
        }
        Post post = posts.get(code.itemId());
        if (!post.isSparkAvailable()) {
            throw refused(advertiserId, code, actor, "The post of this code is no longer public");
        }
        Optional<Instant> existing = boundAt(advertiserId, code.itemId());
        if (existing.isEmpty()) {
            jdbc.sql(
                            """
                            insert into post_bindings (id, advertiser_id, item_id, account_id, code_id, bound_at, search_text)
                            values (?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(
                            Ids.next(),
                            advertiserId,
                            code.itemId(),
                            code.accountId(),
                            code.id(),
                            Timestamp.from(now),
                            searchText(post))
                    .update();
            jdbc.sql(
                            "update spark_codes set status = 'IN_USE' where id = ? and status = 'NOT_USED'")
                    .param(code.id())
                    .update();
            audit.record(
                    AuditAction.CODE_APPLIED,
                    code.itemId(),
                    code.accountId(),
                    advertiserId,
                    actor,
                    "code " + code.id());
            events.publishEvent(new PostBound(advertiserId, code.itemId(), code.accountId()));
        }
        return toSparkPost(codeById(code.id()), existing.orElse(now));
    }

    /**
     * Filters of the Spark Ad posts list: a keyword in the caption or creator name, and a status.
     */
    public record LibraryFilter(String keyword, SparkCodeStatus status) {
        public static final LibraryFilter NONE = new LibraryFilter(null, null);
    }

    public List<SparkPost> library(long advertiserId, PageRequest page) {
        return library(advertiserId, LibraryFilter.NONE, page);
    }

    /** The ad account's Spark Ad posts, newest binding first. */
    public List<SparkPost> library(long advertiserId, LibraryFilter filter, PageRequest page) {
        return jdbc.sql(
                        "select c.*, b.bound_at from post_bindings b join spark_codes c on c.id = b.code_id"
                                + LIBRARY_FILTER
                                + " order by b.bound_at desc, b.id desc limit :limit offset :offset")
                .params(libraryParams(advertiserId, filter))
                .param("limit", page.pageSize())
                .param("offset", page.offset())
                .query((rs, n) -> toSparkPost(codeRow(rs), rs.getTimestamp("bound_at").toInstant()))
                .list();
    }

    public long librarySize(long advertiserId) {
        return librarySize(advertiserId, LibraryFilter.NONE);
    }

    public long librarySize(long advertiserId, LibraryFilter filter) {
        return jdbc.sql(
                        "select count(*) from post_bindings b join spark_codes c on c.id = b.code_id"
                                + LIBRARY_FILTER)
                .params(libraryParams(advertiserId, filter))
                .query(Long.class)
                .single();
    }

    private static final String LIBRARY_FILTER =
            """
             where b.advertiser_id = :advertiser and b.unbound_at is null
               and (:anyKeyword or b.search_text ilike :keyword)
               and (:anyStatus or (case when c.status in ('NOT_USED', 'IN_USE') and c.auth_end_time <= :now then 'EXPIRED' else c.status end) = :status)
            """;

    private java.util.Map<String, Object> libraryParams(long advertiserId, LibraryFilter filter) {
        String keyword =
                filter.keyword() == null || filter.keyword().isBlank()
                        ? null
                        : filter.keyword().strip();
        return java.util.Map.of(
                "advertiser",
                advertiserId,
                "anyKeyword",
                keyword == null,
                "keyword",
                keyword == null
                        ? ""
                        : "%"
                                + keyword.replace("\\", "\\\\")
                                        .replace("%", "\\%")
                                        .replace("_", "\\_")
                                + "%",
                "anyStatus",
                filter.status() == null,
                "status",
                filter.status() == null ? "" : filter.status().name(),
                "now",
                Timestamp.from(clock.instant()));
    }

    /** The creators whose posts are in the ad account's library: its AUTH_CODE identities. */
    public List<AppAccount> creatorsInLibrary(long advertiserId) {
        return jdbc
                .sql(
                        """
                        select account_id from post_bindings where advertiser_id = ? and unbound_at is null
                        group by account_id order by max(bound_at) desc, account_id
                        """)
                .param(advertiserId)
                .query(Long.class)
                .list()
                .stream()
                .map(accounts::get)
                .toList();
    }

    /** The post as bound to this ad account, if it is. */
    public Optional<SparkPost> bound(long advertiserId, long itemId) {
        return jdbc.sql(
                        """
                        select c.*, b.bound_at from post_bindings b join spark_codes c on c.id = b.code_id
                        where b.advertiser_id = ? and b.item_id = ? and b.unbound_at is null
                        """)
                .params(advertiserId, itemId)
                .query((rs, n) -> toSparkPost(codeRow(rs), rs.getTimestamp("bound_at").toInstant()))
                .optional();
    }

    public boolean isExpiringSoon(SparkPost post) {
        return post.isUsable()
                && post.authEndTime() != null
                && post.authEndTime().isBefore(clock.instant().plus(EXPIRY_WARNING));
    }

    /** Removes an expired or revoked post from the library; a live authorization stays. */
    @Transactional
    public void unbind(long advertiserId, long itemId, Actor actor) {
        SparkPost post =
                bound(advertiserId, itemId)
                        .orElseThrow(
                                () ->
                                        Refusal.notFound(
                                                "Post "
                                                        + itemId
                                                        + " is not in this ad account's library"));
        if (post.status() == SparkCodeStatus.IN_USE || post.status() == SparkCodeStatus.NOT_USED) {
            throw Refusal.conflict(
                    "Only expired or revoked posts can be unbound; post "
                            + itemId
                            + " is still authorized");
        }
        jdbc.sql(
                        "update post_bindings set unbound_at = ? where advertiser_id = ? and item_id = ? and unbound_at is null")
                .params(Timestamp.from(clock.instant()), advertiserId, itemId)
                .update();
        audit.record(
                AuditAction.POST_UNBOUND, itemId, post.account().id(), advertiserId, actor, null);
    }

    /** An ad account that may use a post, how, and since when. */
    public record PostUse(
            long advertiserId, String identityType, Instant since, SparkCodeStatus status) {}

    /** Every ad account that has the post in its library or through an account link. */
    public List<PostUse> usesOf(long itemId) {
        Instant now = clock.instant();
        Post post = posts.get(itemId);
        List<PostUse> uses =
                new java.util.ArrayList<>(
                        jdbc.sql(
                                        """
                                select b.advertiser_id, b.bound_at, c.status, c.auth_end_time from post_bindings b
                                join spark_codes c on c.id = b.code_id where b.item_id = ? and b.unbound_at is null
                                order by b.bound_at
                                """)
                                .param(itemId)
                                .query(
                                        (rs, n) ->
                                                new PostUse(
                                                        rs.getLong("advertiser_id"),
                                                        "AUTH_CODE",
                                                        rs.getTimestamp("bound_at").toInstant(),
                                                        SparkCodeStatus.valueOf(
                                                                        rs.getString("status"))
                                                                .asOf(
                                                                        now,
                                                                        rs.getTimestamp(
                                                                                        "auth_end_time")
                                                                                .toInstant())))
                                .list());
        jdbc.sql(
                        "select advertiser_id, approved_at from account_links where account_id = ? and status = 'ACTIVE' and 'PULL_POSTS' = any (permissions)")
                .param(post.accountId())
                .query(
                        (rs, n) ->
                                new PostUse(
                                        rs.getLong(1),
                                        "TT_USER",
                                        rs.getTimestamp(2).toInstant(),
                                        SparkCodeStatus.IN_USE))
                .list()
                .forEach(uses::add);
        return uses;
    }

    // ---- expiry and extension

    /**
     * Marks codes past their end as expired and stops the ads using them. Returns how many expired.
     */
    @Transactional
    public int expireDueCodes() {
        Instant now = clock.instant();
        List<CodeRow> due =
                jdbc.sql(
                                """
                                update spark_codes set status = 'EXPIRED'
                                where status in ('NOT_USED', 'IN_USE') and auth_end_time <= ?
                                returning *
                                """)
                        .param(Timestamp.from(now))
                        .query((rs, n) -> codeRow(rs))
                        .list();
        for (CodeRow code : due) {
            Set<Long> advertisers = advertisersUsing(code.itemId(), code.id());
            audit.record(
                    AuditAction.AUTHORIZATION_EXPIRED,
                    code.itemId(),
                    code.accountId(),
                    null,
                    Actor.system(),
                    "code " + code.id());
            if (!advertisers.isEmpty()) {
                events.publishEvent(
                        new SparkAuthorizationRevoked(
                                code.itemId(),
                                advertisers,
                                SparkAuthorizationRevoked.Cause.EXPIRED,
                                "The authorization expired"));
            }
        }
        return due.size();
    }

    /** The advertiser asks the creator to extend a post's authorization. */
    @Transactional
    public ExtensionRequest requestExtension(
            long advertiserId, long itemId, String message, Actor actor) {
        CodeRow code =
                jdbc.sql(
                                """
                                select c.* from post_bindings b join spark_codes c on c.id = b.code_id
                                where b.advertiser_id = ? and b.item_id = ? and b.unbound_at is null
                                """)
                        .params(advertiserId, itemId)
                        .query((rs, n) -> codeRow(rs))
                        .optional()
                        .orElseThrow(
                                () ->
                                        Refusal.notFound(
                                                "Post "
                                                        + itemId
                                                        + " is not in this ad account's library"));
        SparkCodeStatus status = code.status().asOf(clock.instant(), code.authEnd());
        if (status == SparkCodeStatus.REVOKED || status == SparkCodeStatus.EXPIRED) {
            throw Refusal.conflict(
                    "The authorization is "
                            + status.name().toLowerCase()
                            + "; ask the creator for a new code");
        }
        if (message != null && message.length() > 500) {
            throw Refusal.invalid("message must be at most 500 characters");
        }
        if (jdbc.sql(
                        "select exists (select 1 from extension_requests where advertiser_id = ? and item_id = ? and status = 'PENDING')")
                .params(advertiserId, itemId)
                .query(Boolean.class)
                .single()) {
            throw Refusal.conflict(
                    "An extension request for post "
                            + itemId
                            + " is already waiting for the creator");
        }
        long id = Ids.next();
        jdbc.sql(
                        """
                        insert into extension_requests (id, advertiser_id, item_id, account_id, code_id, status, message, requested_at)
                        values (?, ?, ?, ?, ?, 'PENDING', ?, ?)
                        """)
                .params(
                        id,
                        advertiserId,
                        itemId,
                        code.accountId(),
                        code.id(),
                        message,
                        Timestamp.from(clock.instant()))
                .update();
        audit.record(
                AuditAction.EXTENSION_REQUESTED,
                itemId,
                code.accountId(),
                advertiserId,
                actor,
                message);
        return extension(id).orElseThrow();
    }

    /** The creator approves an extension with a new period, or declines it. */
    @Transactional
    public ExtensionRequest decideExtension(
            long itemId, long requestId, boolean approve, Integer days, Actor actor) {
        ExtensionRequest request =
                extension(requestId)
                        .filter(r -> r.itemId() == itemId)
                        .orElseThrow(
                                () ->
                                        Refusal.notFound(
                                                "Post "
                                                        + itemId
                                                        + " has no extension request "
                                                        + requestId));
        if (request.status() != ExtensionRequest.Status.PENDING) {
            throw Refusal.conflict(
                    "Extension request "
                            + requestId
                            + " was already "
                            + request.status().name().toLowerCase());
        }
        Instant now = clock.instant();
        if (!approve) {
            jdbc.sql(
                            "update extension_requests set status = 'DECLINED', decided_at = ? where id = ?")
                    .params(Timestamp.from(now), requestId)
                    .update();
            audit.record(
                    AuditAction.EXTENSION_DECLINED,
                    itemId,
                    request.accountId(),
                    request.advertiserId(),
                    actor,
                    null);
            return extension(requestId).orElseThrow();
        }
        if (days == null || !VALID_DAYS.contains(days)) {
            throw Refusal.invalid("days must be one of 7, 30, 60 or 365, was " + days);
        }
        CodeRow code =
                jdbc.sql(
                                "select c.* from spark_codes c join extension_requests r on r.code_id = c.id where r.id = ?")
                        .param(requestId)
                        .query((rs, n) -> codeRow(rs))
                        .single();
        SparkCodeStatus status = code.status().asOf(now, code.authEnd());
        if (status == SparkCodeStatus.REVOKED || status == SparkCodeStatus.EXPIRED) {
            throw Refusal.conflict(
                    "The authorization is already "
                            + status.name().toLowerCase()
                            + "; issue a new code instead");
        }
        Instant newEnd = code.authEnd().plus(Duration.ofDays(days));
        jdbc.sql("update spark_codes set auth_end_time = ? where id = ?")
                .params(Timestamp.from(newEnd), code.id())
                .update();
        jdbc.sql(
                        "update extension_requests set status = 'APPROVED', decided_at = ?, days = ? where id = ?")
                .params(Timestamp.from(now), days, requestId)
                .update();
        audit.record(
                AuditAction.AUTHORIZATION_EXTENDED,
                itemId,
                request.accountId(),
                request.advertiserId(),
                actor,
                "by " + days + " days to " + newEnd);
        events.publishEvent(
                new SparkAuthorizationExtended(itemId, advertisersUsing(itemId, code.id())));
        return extension(requestId).orElseThrow();
    }

    public List<ExtensionRequest> extensionsOf(long itemId) {
        return jdbc.sql(
                        "select * from extension_requests where item_id = ? order by requested_at desc, id desc")
                .param(itemId)
                .query((rs, n) -> extensionRow(rs))
                .list();
    }

    public Optional<ExtensionRequest> extension(long requestId) {
        return jdbc.sql("select * from extension_requests where id = ?")
                .param(requestId)
                .query((rs, n) -> extensionRow(rs))
                .optional();
    }

    // ---- the post going away

    @EventListener
    void on(PostDeleted event) {
        postUnavailable(event.itemId(), event.accountId(), "The creator deleted the post");
    }

    @EventListener
    void on(PostVisibilityChanged event) {
        if (event.visibility() != Post.Visibility.PUBLIC) {
            postUnavailable(
                    event.itemId(),
                    event.accountId(),
                    "The creator made the post " + event.visibility().name().toLowerCase());
        }
    }

    private void postUnavailable(long itemId, long accountId, String reason) {
        audit.record(
                AuditAction.POST_UNAVAILABLE,
                itemId,
                accountId,
                null,
                Actor.platform(null),
                reason);
        // Ads through an account link stop too: the event names every advertiser that may use the
        // post.
        events.publishEvent(
                new SparkAuthorizationRevoked(
                        itemId,
                        Set.of(),
                        SparkAuthorizationRevoked.Cause.POST_UNAVAILABLE,
                        reason));
    }

    // ---- internals

    private Set<Long> advertisersUsing(long itemId, Long codeId) {
        return new HashSet<>(
                jdbc.sql(
                                "select advertiser_id from post_bindings where item_id = :item and unbound_at is null and (:any or code_id = :code)")
                        .param("item", itemId)
                        .param("any", codeId == null)
                        .param("code", codeId == null ? 0L : codeId)
                        .query(Long.class)
                        .list());
    }

    private Optional<Instant> boundAt(long advertiserId, long itemId) {
        return jdbc.sql(
                        "select bound_at from post_bindings where advertiser_id = ? and item_id = ? and unbound_at is null")
                .params(advertiserId, itemId)
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .optional();
    }

    /** Looks a code up by its hash; an unknown code counts as a failed attempt. */
    private CodeRow findCode(long advertiserId, String authCode, Actor actor) {
        limiter.checkAllowed(advertiserId, actor.address());
        if (authCode == null || authCode.isBlank()) {
            throw Refusal.invalid("auth_code is required");
        }
        Optional<CodeRow> code =
                authCode.length() > 64
                        ? Optional.empty()
                        : jdbc.sql("select * from spark_codes where code_hash = ?")
                                .param(Secrets.hash(authCode.strip()))
                                .query((rs, n) -> codeRow(rs))
                                .optional();
        if (code.isEmpty()) {
            limiter.recordFailure(advertiserId, actor.address());
            log.warn(
                    "Invalid authorization code from advertiser {} at {}",
                    advertiserId,
                    actor.address());
            audit.recordIndependently(
                    AuditAction.CODE_REFUSED, null, null, advertiserId, actor, "invalid code");
            throw Refusal.invalid(
                    "auth_code is not a valid authorization code; check it with the creator");
        }
        return code.get();
    }

    private Refusal refused(long advertiserId, CodeRow code, Actor actor, String reason) {
        limiter.recordFailure(advertiserId, actor.address());
        log.warn(
                "Refused authorization code {} for advertiser {}: {}",
                code.id(),
                advertiserId,
                reason);
        audit.recordIndependently(
                AuditAction.CODE_REFUSED,
                code.itemId(),
                code.accountId(),
                advertiserId,
                actor,
                reason);
        return Refusal.conflict(reason);
    }

    private String searchText(Post post) {
        AppAccount account = accounts.get(post.accountId());
        return post.caption()
                + " "
                + String.join(" ", post.hashtags())
                + " "
                + account.displayName()
                + " "
                + account.handle();
    }

    private CodeRow codeById(long id) {
        return jdbc.sql("select * from spark_codes where id = ?")
                .param(id)
                .query((rs, n) -> codeRow(rs))
                .single();
    }

    private SparkPost toSparkPost(CodeRow code, Instant boundAt) {
        Post post = posts.get(code.itemId());
        AppAccount account = accounts.get(code.accountId());
        return new SparkPost(
                post,
                account,
                code.status().asOf(clock.instant(), code.authEnd()),
                code.authStart(),
                code.authEnd(),
                boundAt);
    }

    private record CodeRow(
            long id,
            long itemId,
            long accountId,
            SparkCodeStatus status,
            Instant authStart,
            Instant authEnd) {}

    private static CodeRow codeRow(ResultSet rs) throws SQLException {
        return new CodeRow(
                rs.getLong("id"),
                rs.getLong("item_id"),
                rs.getLong("account_id"),
                SparkCodeStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("auth_start_time").toInstant(),
                rs.getTimestamp("auth_end_time").toInstant());
    }

    private static ExtensionRequest extensionRow(ResultSet rs) throws SQLException {
        return new ExtensionRequest(
                rs.getLong("id"),
                rs.getLong("advertiser_id"),
                rs.getLong("item_id"),
                rs.getLong("account_id"),
                ExtensionRequest.Status.valueOf(rs.getString("status")),
                rs.getString("message"),
                rs.getTimestamp("requested_at").toInstant(),
                rs.getTimestamp("decided_at") == null
                        ? null
                        : rs.getTimestamp("decided_at").toInstant(),
                (Integer) rs.getObject("days"));
    }
}
