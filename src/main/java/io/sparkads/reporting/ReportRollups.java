package io.sparkads.reporting;

import io.sparkads.accounts.Advertisers;
import io.sparkads.common.AdLineage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Folds accepted paid events into every rollup a report reads, inside the transaction that accepts
 * them: hourly per ad, daily (in the ad account's time zone) per ad, ad group, campaign and
 * account, each ad's lifetime totals, the days each ad had traffic, daily per ad and audience, and
 * the viewers of each ad and hour for reach. Publishes {@link RollupsChanged} for the ads whose
 * spend grew, so budgets are checked.
 */
@Service
public class ReportRollups {
    private final JdbcTemplate jdbc;
    private final Advertisers advertisers;
    private final ApplicationEventPublisher publisher;

    ReportRollups(JdbcTemplate jdbc, Advertisers advertisers, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.advertisers = advertisers;
        this.publisher = publisher;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void fold(List<PaidEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Map<Long, ZoneId> zones = new HashMap<>();
        Set<Long> spending = new HashSet<>();
        var hourly = RollupTable.HOURLY.batch();
        var ads = RollupTable.DAILY_AD.batch();
        var totals = RollupTable.AD_TOTALS.batch();
        var activity = AdActivityMonths.batch();
        var adgroups = RollupTable.DAILY_ADGROUP.batch();
        var campaigns = RollupTable.DAILY_CAMPAIGN.batch();
        var accounts = RollupTable.DAILY_ADVERTISER.batch();
        var audiences = RollupTable.AUDIENCE_DAILY.batch();
        var viewers = RollupTable.REACH_VIEWERS.batch();
        MessageDigest sha256 = sha256();
        for (PaidEvent e : events) {
            AdLineage ad = e.lineage();
            Instant hour = e.occurredAt().truncatedTo(ChronoUnit.HOURS);
            // An hour's row also names the ad's post; the item of a non-Spark ad is null.
            List<Object> hourRow = ofAd(e, ad.adId(), hour);
            hourRow.add(e.itemId());
            hourly.add(hourRow, e.metric(), e.cost());
            if (e.cost().signum() > 0) {
                spending.add(ad.adId());
            }
            ZoneId zone = zones.computeIfAbsent(ad.advertiserId(), advertisers::timezone);
            LocalDate day = LocalDate.ofInstant(e.occurredAt(), zone);
            ads.add(ofAd(e, ad.adId(), day), e.metric(), e.cost());
            PaidEvent.Audience a = e.audience();
            audiences.add(
                    ofAd(
                            e,
                            ad.adId(),
                            day,
                            a.placementOrNone(),
                            a.ageOrNone(),
                            a.genderOrNone(),
                            a.countryCodeOrNone()),
                    e.metric(),
                    e.cost());
            if (e.metric() == PaidMetric.IMPRESSIONS) {
                viewers.mark(ofAd(e, ad.adId(), hour, viewerKey(e, sha256)));
            }
        }
        // The ads' lifetimes, the ad group, campaign and account days (and the ads' active days)
        // are sums of the ad days: each ad-day row, summed once above, is added to its parents'.
        // An ad-day row is ad_id, day, advertiser_id, campaign_id, adgroup_id, spark (see ofAd).
        ads.sumInto(totals, r -> List.of(r.get(0), r.get(2), r.get(3), r.get(4), r.get(5)));
        ads.sumInto(adgroups, r -> List.of(r.get(4), r.get(1), r.get(5), r.get(2), r.get(3)));
        ads.sumInto(campaigns, r -> List.of(r.get(3), r.get(1), r.get(5), r.get(2)));
        ads.sumInto(accounts, r -> List.of(r.get(2), r.get(1), r.get(5)));
        for (List<Object> r : ads.rowValues()) {
            activity.add(
                    (Long) r.get(2),
                    (Long) r.get(0),
                    (Long) r.get(3),
                    (Long) r.get(4),
                    (Boolean) r.get(5),
                    (LocalDate) r.get(1));
        }
        hourly.writeTo(jdbc);
        ads.writeTo(jdbc);
        totals.writeTo(jdbc);
        activity.writeTo(jdbc);
        adgroups.writeTo(jdbc);
        campaigns.writeTo(jdbc);
        audiences.writeTo(jdbc);
        viewers.writeTo(jdbc);
        // Every batch of the account updates its day row: written last, it is locked only until
        // the commit that follows, so concurrent batches of one account wait the least.
        accounts.writeTo(jdbc);
        if (!spending.isEmpty()) {
            publisher.publishEvent(new RollupsChanged(spending));
        }
    }

    /**
     * A row of a per-ad table: its key values, then the ad's parents as {@code AD_PARENTS} lists
     * them.
     */
    private static List<Object> ofAd(PaidEvent e, Object... keys) {
        // One more place than the row needs: the hourly row appends the ad's item.
        List<Object> values = new ArrayList<>(keys.length + 5);
        Collections.addAll(values, keys);
        AdLineage ad = e.lineage();
        values.add(ad.advertiserId());
        values.add(ad.campaignId());
        values.add(ad.adgroupId());
        values.add(e.spark());
        return values;
    }

    /**
     * 64 bits of SHA-256 of the viewer id; a viewer the host app did not name counts as a viewer of
     * their own, keyed by the impression id.
     */
    static long viewerKey(PaidEvent e, MessageDigest sha256) {
        String key =
                e.viewerId() != null && !e.viewerId().isBlank()
                        ? "viewer:" + e.viewerId()
                        : "impression:" + e.impressionId();
        byte[] hash = sha256.digest(key.getBytes(StandardCharsets.UTF_8));
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (hash[i] & 0xff);
        }
        return value;
    }

    /** One digest for a whole batch: {@link MessageDigest#digest(byte[])} resets it after use. */
    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
