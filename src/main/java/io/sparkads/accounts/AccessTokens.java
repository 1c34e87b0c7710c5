package io.sparkads.accounts;

import io.sparkads.common.BusinessCaller;
import io.sparkads.common.Ids;
import io.sparkads.common.Problems;
import io.sparkads.common.Refusal;
import io.sparkads.common.Secrets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tokens of the three APIs. A token is 160 random bits, shown once and stored only as its SHA-256
 * hash; the bootstrap tokens from the environment are compared in constant time.
 */
@Service
public class AccessTokens {
    public enum Kind {
        BUSINESS,
        PLATFORM,
        ADMIN
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final byte[] bootstrapAdmin;
    private final byte[] bootstrapPlatform;

    AccessTokens(
            JdbcClient jdbc,
            Clock clock,
            @Value("${sparkads.admin-token:}") String adminToken,
            @Value("${sparkads.platform-token:}") String platformToken) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.bootstrapAdmin = adminToken.isBlank() ? null : Secrets.hash(adminToken);
        this.bootstrapPlatform = platformToken.isBlank() ? null : Secrets.hash(platformToken);
    }

    /** A Business API token bound to the given advertisers; the token is returned only here. */
    @Transactional
    public String issueBusinessToken(List<Long> advertiserIds) {
        if (advertiserIds == null || advertiserIds.isEmpty()) {
            throw Refusal.invalid("advertiser_ids must name at least one advertiser");
        }
        Set<Long> ids = new HashSet<>(advertiserIds);
        for (Long id : ids) {
            boolean exists =
                    jdbc.sql("select count(*) from advertisers where id = ?")
                                    .param(id)
                                    .query(Long.class)
                                    .single()
                            > 0;
            if (!exists) {
                throw Refusal.notFound("No advertiser with id " + id);
            }
        }
        String token = newToken();
        long tokenId = store(token, Kind.BUSINESS);
        for (Long id : ids) {
            jdbc.sql("insert into access_token_advertisers (token_id, advertiser_id) values (?, ?)")
                    .params(tokenId, id)
                    .update();
        }
        return token;
    }

    /** A token for the platform or admin API; returned only here. */
    @Transactional
    public String issue(Kind kind) {
        if (kind == Kind.BUSINESS) {
            throw new IllegalArgumentException("Business tokens are bound to advertisers");
        }
        String token = newToken();
        store(token, kind);
        return token;
    }

    public Optional<BusinessCaller> resolveBusiness(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        List<Long[]> rows =
                jdbc.sql(
                                """
                                select t.id, a.advertiser_id from access_tokens t
                                join access_token_advertisers a on a.token_id = t.id
                                where t.token_hash = ? and t.kind = 'BUSINESS' and t.revoked_at is null
                                """)
                        .param(Secrets.hash(token))
                        .query((rs, n) -> new Long[] {rs.getLong(1), rs.getLong(2)})
                        .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Set<Long> advertisers = new HashSet<>();
        rows.forEach(row -> advertisers.add(row[1]));
        return Optional.of(new BusinessCaller(rows.get(0)[0], advertisers));
    }

    /**
     * Refuses a platform or admin API call unless its {@code Authorization} header carries a valid
     * bearer token of the kind; every listener that serves those APIs asks here, so the answers
     * cannot drift apart.
     */
    public void requireBearer(Kind kind, String authorizationHeader) {
        if (authorizationHeader == null
                || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw Problems.unauthorized(
                    "Send the "
                            + kind.name().toLowerCase()
                            + " token as 'Authorization: Bearer <token>'");
        }
        if (!accepts(kind, authorizationHeader.substring(7).trim())) {
            throw Problems.unauthorized(
                    "The bearer token is not a valid " + kind.name().toLowerCase() + " token");
        }
    }

    public boolean accepts(Kind kind, String token) {
        if (token == null || token.isBlank()) {
            return false;
        }
        byte[] hash = Secrets.hash(token);
        byte[] bootstrap =
                kind == Kind.ADMIN
                        ? bootstrapAdmin
                        : kind == Kind.PLATFORM ? bootstrapPlatform : null;
        if (bootstrap != null && MessageDigest.isEqual(bootstrap, hash)) {
            return true;
        }
        return jdbc.sql(
                                "select count(*) from access_tokens where token_hash = ? and kind = ? and revoked_at is null")
                        .params(hash, kind.name())
                        .query(Long.class)
                        .single()
                > 0;
    }

    private long store(String token, Kind kind) {
        long id = Ids.next();
        jdbc.sql("insert into access_tokens (id, token_hash, kind, created_at) values (?, ?, ?, ?)")
                .params(id, Secrets.hash(token), kind.name(), Timestamp.from(clock.instant()))
                .update();
        return id;
    }

    private static String newToken() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
