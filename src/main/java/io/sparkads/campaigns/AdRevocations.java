package io.sparkads.campaigns;

import io.sparkads.authorization.AccountUnlinked;
import io.sparkads.authorization.SparkAuthorizationRevoked;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Ads stop when what they show may no longer be used: a creator took back a post, or a creator and
 * an advertiser unlinked. The ad keeps the reason the advertiser sees.
 *
 * <p>The listener ids are the ones these listeners had when they lived in {@link Ads}, so that
 * publications still outstanding in the event registry from before are completed on restart.
 */
@Component
class AdRevocations {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AdRevocations(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** A creator took back a post: its ads stop, with the reason the advertiser sees. */
    @ApplicationModuleListener(
            id =
                    "io.sparkads.campaigns.Ads.on(io.sparkads.authorization.SparkAuthorizationRevoked)")
    void on(SparkAuthorizationRevoked event) {
        // Revoked by the creator's hand; lost when the post went away or the authorization ran out.
        boolean revoked = event.cause() == SparkAuthorizationRevoked.Cause.REVOKED_BY_CREATOR;
        Set<Long> ads =
                new HashSet<>(
                        jdbc.sql(
                                        """
                                        update ads set authorization_status = :status, authorization_reason = :reason, modify_time = :now
                                        where tiktok_item_id = :item and authorization_status = 'OK'
                                          and (:all or advertiser_id in (:advertisers))
                                        returning id
                                        """)
                                .param("status", revoked ? "REVOKED" : "LOST")
                                .param("reason", event.reason())
                                .param("now", Timestamp.from(clock.instant()))
                                .param("item", event.itemId())
                                .param("all", event.advertiserIds().isEmpty())
                                .param(
                                        "advertisers",
                                        event.advertiserIds().isEmpty()
                                                ? List.of(0L)
                                                : event.advertiserIds())
                                .query(Long.class)
                                .list());
        stopped(ads);
    }

    /** A creator and an advertiser unlinked: ads of that identity stop. */
    @ApplicationModuleListener(
            id = "io.sparkads.campaigns.Ads.on(io.sparkads.authorization.AccountUnlinked)")
    void on(AccountUnlinked event) {
        Set<Long> ads =
                new HashSet<>(
                        jdbc.sql(
                                        """
                                        update ads set authorization_status = 'REVOKED', authorization_reason = ?, modify_time = ?
                                        where advertiser_id = ? and identity_type = ? and identity_id = ? and authorization_status = 'OK'
                                        returning id
                                        """)
                                .params(
                                        event.reason(),
                                        Timestamp.from(clock.instant()),
                                        event.advertiserId(),
                                        IdentityType.TT_USER.wireName(),
                                        String.valueOf(event.accountId()))
                                .query(Long.class)
                                .list());
        stopped(ads);
    }

    private void stopped(Set<Long> ads) {
        if (!ads.isEmpty()) {
            events.publishEvent(new AdsChanged(ads));
        }
    }
}
