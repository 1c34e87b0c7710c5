package io.sparkads.accounts;

import io.sparkads.common.Ids;
import io.sparkads.common.Refusal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** People who sign in, with their role and the account they act for. */
@Service
public class Users {
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final Advertisers advertisers;

    Users(JdbcClient jdbc, PasswordEncoder passwords, Clock clock, Advertisers advertisers) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
        this.advertisers = advertisers;
    }

    public User create(
            String username, String password, Role role, Long advertiserId, Long creatorAccountId) {
        if (username == null || !username.matches("[a-zA-Z0-9._@-]{3,64}")) {
            throw Refusal.invalid(
                    "username must be 3 to 64 letters, digits or . _ @ -, was '" + username + "'");
        }
        if (password == null || password.length() < 8) {
            throw Refusal.invalid("password must be at least 8 characters");
        }
        // BCrypt reads at most 72 bytes; a longer password would be cut without a word.
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            throw Refusal.invalid("password must be at most 72 bytes (72 letters without accents)");
        }
        if (role == null) {
            throw Refusal.invalid("role is required: ADMIN, REVIEWER, ADVERTISER or CREATOR");
        }
        if (role == Role.ADVERTISER) {
            if (advertiserId == null) {
                throw Refusal.invalid("advertiser_id is required for an ADVERTISER user");
            }
            advertisers.get(advertiserId);
        }
        if (role == Role.CREATOR && creatorAccountId == null) {
            throw Refusal.invalid("creator_account_id is required for a CREATOR user");
        }
        if (findByUsername(username).isPresent()) {
            throw Refusal.conflict("username '" + username + "' is taken");
        }
        User user =
                new User(
                        Ids.next(),
                        username,
                        role,
                        role == Role.ADVERTISER ? advertiserId : null,
                        role == Role.CREATOR ? creatorAccountId : null);
        jdbc.sql(
                        """
                        insert into users (id, username, password_hash, role, advertiser_id, creator_account_id, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        user.id(),
                        username,
                        passwords.encode(password),
                        role.name(),
                        user.advertiserId(),
                        user.creatorAccountId(),
                        Timestamp.from(clock.instant()))
                .update();
        return user;
    }

    public Optional<User> findByUsername(String username) {
        return jdbc.sql(
                        "select id, username, role, advertiser_id, creator_account_id from users where username = ?")
                .param(username)
                .query(
                        (rs, n) ->
                                new User(
                                        rs.getLong("id"),
                                        rs.getString("username"),
                                        Role.valueOf(rs.getString("role")),
                                        (Long) rs.getObject("advertiser_id"),
                                        (Long) rs.getObject("creator_account_id")))
                .optional();
    }

    Optional<String> passwordHash(String username) {
        return jdbc.sql("select password_hash from users where username = ?")
                .param(username)
                .query(String.class)
                .optional();
    }

    public boolean any() {
        return jdbc.sql("select exists (select 1 from users)").query(Boolean.class).single();
    }
}
