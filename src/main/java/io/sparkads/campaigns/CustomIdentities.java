package io.sparkads.campaigns;

import io.sparkads.common.Ids;
import io.sparkads.common.Refusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** {@code CUSTOMIZED_USER} identities: non-Spark ads show these instead of a creator's account. */
@Service
public class CustomIdentities {
    private static final RowMapper<CustomIdentity> ROW =
            (rs, n) ->
                    new CustomIdentity(
                            rs.getLong("id"),
                            rs.getLong("advertiser_id"),
                            rs.getString("display_name"),
                            rs.getString("avatar_url"),
                            rs.getTimestamp("created_at").toInstant());

    private final JdbcClient jdbc;
    private final Clock clock;

    CustomIdentities(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public CustomIdentity create(long advertiserId, String displayName, String avatarUrl) {
        if (displayName == null || displayName.isBlank() || displayName.length() > 40) {
            throw Refusal.invalid("display_name is required, at most 40 characters");
        }
        if (avatarUrl != null) {
            Check.httpsUrl("image_uri", avatarUrl);
        }
        long id = Ids.next();
        jdbc.sql(
                        "insert into custom_identities (id, advertiser_id, display_name, avatar_url, created_at) values (?, ?, ?, ?, ?)")
                .params(
                        id,
                        advertiserId,
                        displayName.strip(),
                        avatarUrl,
                        Timestamp.from(clock.instant()))
                .update();
        return get(advertiserId, id);
    }

    public CustomIdentity get(long advertiserId, long id) {
        return jdbc.sql("select * from custom_identities where id = ? and advertiser_id = ?")
                .params(id, advertiserId)
                .query(ROW)
                .optional()
                .orElseThrow(
                        () ->
                                Refusal.invalid(
                                        "identity_id "
                                                + id
                                                + " is not a CUSTOMIZED_USER identity of this ad account; create one with identity/create"));
    }

    public List<CustomIdentity> of(long advertiserId) {
        return jdbc.sql(
                        "select * from custom_identities where advertiser_id = ? order by created_at, id")
                .param(advertiserId)
                .query(ROW)
                .list();
    }
}
