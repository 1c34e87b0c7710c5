package io.sparkads.accounts;

import io.sparkads.common.Ids;
import io.sparkads.common.Refusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Ad accounts: creation with a checked currency and time zone, and lookup. */
@Service
public class Advertisers {
    private final JdbcClient jdbc;
    private final Clock clock;

    Advertisers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Advertiser create(String name, String currency, String timezone) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw Refusal.invalid("name is required and must be at most 200 characters");
        }
        if (currency == null || !currency.matches("[A-Z]{3}") || !isKnownCurrency(currency)) {
            throw Refusal.invalid(
                    "currency must be an ISO 4217 code such as USD, was '" + currency + "'");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(timezone == null ? "" : timezone);
        } catch (DateTimeException e) {
            throw Refusal.invalid(
                    "timezone must be an IANA time zone such as Europe/Berlin, was '"
                            + timezone
                            + "'");
        }
        Advertiser advertiser =
                new Advertiser(Ids.next(), name.strip(), currency, zone, Instant.now(clock));
        jdbc.sql(
                        "insert into advertisers (id, name, currency, timezone, created_at) values (?, ?, ?, ?, ?)")
                .params(
                        advertiser.id(),
                        advertiser.name(),
                        advertiser.currency(),
                        zone.getId(),
                        Timestamp.from(advertiser.createdAt()))
                .update();
        return advertiser;
    }

    public Optional<Advertiser> find(long id) {
        return jdbc.sql(
                        "select id, name, currency, timezone, created_at from advertisers where id = ?")
                .param(id)
                .query(
                        (rs, n) ->
                                new Advertiser(
                                        rs.getLong("id"),
                                        rs.getString("name"),
                                        rs.getString("currency"),
                                        ZoneId.of(rs.getString("timezone")),
                                        rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    /**
     * The ad account's time zone. It never changes once the account exists, so it is looked up once
     * per account: daily budgets, schedules and reports ask for it on every row.
     */
    public ZoneId timezone(long id) {
        ZoneId zone = zones.get(id);
        if (zone == null) {
            zone = get(id).timezone();
            zones.put(id, zone);
        }
        return zone;
    }

    private final Map<Long, ZoneId> zones = new ConcurrentHashMap<>();

    public Advertiser get(long id) {
        return find(id).orElseThrow(() -> Refusal.notFound("No advertiser with id " + id));
    }

    private static boolean isKnownCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
