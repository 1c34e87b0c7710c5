package io.sparkads.content;

import io.sparkads.common.Ids;
import io.sparkads.common.Quotes;
import io.sparkads.common.Refusal;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The host app's accounts, synced by the platform API. */
@Service
public class AppAccounts {
    private static final RowMapper<AppAccount> ROW =
            (rs, n) ->
                    new AppAccount(
                            rs.getLong("id"),
                            rs.getString("handle"),
                            rs.getString("display_name"),
                            rs.getString("avatar_url"),
                            AppAccount.AccountType.valueOf(rs.getString("account_type")),
                            rs.getString("region"),
                            rs.getTimestamp("created_at").toInstant());

    private final JdbcClient jdbc;
    private final Clock clock;

    AppAccounts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public AppAccount create(
            String handle,
            String displayName,
            AppAccount.AccountType type,
            String region,
            String avatarUrl) {
        if (handle == null || !handle.matches("[a-zA-Z0-9._]{2,24}")) {
            throw Refusal.invalid(
                    "handle must be 2 to 24 letters, digits, '.' or '_', was '" + handle + "'");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 64) {
            throw Refusal.invalid("display_name is required and must be at most 64 characters");
        }
        if (type == null) {
            throw Refusal.invalid("account_type is required: CREATOR or BUSINESS");
        }
        if (region == null || !region.matches("[A-Z]{2}")) {
            throw Refusal.invalid(
                    "region must be a two-letter country code such as US, was '" + region + "'");
        }
        if (jdbc.sql("select exists (select 1 from app_accounts where handle = ?)")
                .param(handle)
                .query(Boolean.class)
                .single()) {
            throw Refusal.conflict("handle '" + handle + "' is taken");
        }
        if (avatarUrl != null) {
            checkAvatarUrl(avatarUrl);
        }
        String avatar = avatarUrl != null ? avatarUrl : "/avatars/" + handle + ".svg";
        AppAccount account =
                new AppAccount(
                        Ids.next(),
                        handle,
                        displayName.strip(),
                        avatar,
                        type,
                        region,
                        Instant.now(clock));
        jdbc.sql(
                        """
                        insert into app_accounts (id, handle, display_name, avatar_url, account_type, region, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        account.id(),
                        account.handle(),
                        account.displayName(),
                        account.avatarUrl(),
                        type.name(),
                        region,
                        Timestamp.from(account.createdAt()))
                .update();
        return account;
    }

    /**
     * A host app shows the avatar to every viewer, so only an https image or one of our own media
     * paths will do: never {@code javascript:}, {@code data:} or plain http.
     */
    static void checkAvatarUrl(String url) {
        if (url.matches("/(avatars|videos|media)/[A-Za-z0-9._~-][A-Za-z0-9._~/-]{0,250}")
                && !url.contains("..")
                && !url.contains("//")) {
            return;
        }
        try {
            URI uri = new URI(url);
            if ("https".equalsIgnoreCase(uri.getScheme())
                    && uri.getHost() != null
                    && !uri.getHost().isBlank()
                    && uri.getUserInfo() == null
                    && url.length() <= 2048) {
                return;
            }
        } catch (URISyntaxException malformed) {
            // refused below
        }
        throw Refusal.invalid(
                "avatar_url must be an https URL such as https://cdn.example.com/me.png, or one of"
                        + " our media paths such as /avatars/maria.svg; was "
                        + Quotes.of(url));
    }

    public Optional<AppAccount> find(long id) {
        return jdbc.sql("select * from app_accounts where id = ?").param(id).query(ROW).optional();
    }

    /** The accounts with these ids that exist, in one query. */
    public List<AppAccount> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from app_accounts where id in (:ids)")
                .param("ids", ids)
                .query(ROW)
                .list();
    }

    public Optional<AppAccount> findByHandle(String handle) {
        return jdbc.sql("select * from app_accounts where handle = ?")
                .param(handle)
                .query(ROW)
                .optional();
    }

    public AppAccount get(long id) {
        return find(id).orElseThrow(() -> Refusal.notFound("No account with id " + id));
    }
}
