package io.sparkads.delivery.engine;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rules of an ad group that depend on what was already served or on the viewer's clock:
 * frequency caps (at most N impressions per viewer in D days), day parting (the half-hours of the
 * week it may run, in the ad account's time zone) and TopView reservations (a fixed number of
 * impressions a day, once per viewer a day, days in the ad account's time zone).
 *
 * <p>The filter step ({@link #allows}) is cheap: day parting, and a local memory of what the {@link
 * ServingCounts} last answered, which can only say "no" while that answer is certain (a full day, a
 * viewer at the cap until the oldest place leaves the window). The {@link #serve} step asks the
 * counts, which are the truth, and only for ad groups with a cap or a reservation.
 */
public final class ServingRules implements ServingFilter {

    /** The rules of one ad group; {@code null} fields do not apply. */
    public record Rule(
            Integer frequency,
            Integer frequencyDays,
            String dayparting,
            Integer dailyLimit,
            ZoneId zone) {
        public Rule {
            if ((frequency == null) != (frequencyDays == null)) {
                throw new IllegalArgumentException("frequency and frequencyDays go together");
            }
            if (dayparting != null && !dayparting.matches("[01]{336}")) {
                throw new IllegalArgumentException("dayparting must be 336 characters of 0 and 1");
            }
            if (zone == null) {
                throw new IllegalArgumentException("zone must not be null");
            }
        }

        boolean isEmpty() {
            return frequency == null && dayparting == null && dailyLimit == null;
        }

        boolean counts() {
            return frequency != null || dailyLimit != null;
        }
    }

    private final ServingCounts counts;
    private final Map<Long, Rule> rulesByAdgroup = new ConcurrentHashMap<>();
    private final Map<Long, BitSet> halfHoursByAdgroup = new ConcurrentHashMap<>();

    /** The day (in the ad account's zone) the counts said an ad group's reservation is used up. */
    private final Map<Long, LocalDate> fullOn = new ConcurrentHashMap<>();

    /** Per ad group, viewers the counts said cannot have a place before the instant. */
    private final Map<Long, Map<String, Instant>> blockedUntil = new ConcurrentHashMap<>();

    /** Rules counting in this process's memory, as the engine's tests and benchmarks use. */
    public ServingRules() {
        this(new InMemoryServingCounts());
    }

    public ServingRules(ServingCounts counts) {
        this.counts = counts;
    }

    /**
     * Sets the ad group's rule. Every ad of the group brings the same rule on each index load, so
     * an unchanged rule is kept as it is rather than its day parting parsed again. A changed rule
     * forgets what the counts said under the old one.
     */
    public void setRule(long adgroupId, Rule rule) {
        if (rule != null && rule.equals(rulesByAdgroup.get(adgroupId))) {
            return;
        }
        fullOn.remove(adgroupId);
        blockedUntil.remove(adgroupId);
        if (rule == null || rule.isEmpty()) {
            rulesByAdgroup.remove(adgroupId);
            halfHoursByAdgroup.remove(adgroupId);
            return;
        }
        rulesByAdgroup.put(adgroupId, rule);
        if (rule.dayparting() != null) {
            BitSet bits = new BitSet(336);
            for (int i = 0; i < 336; i++) {
                bits.set(i, rule.dayparting().charAt(i) == '1');
            }
            halfHoursByAdgroup.put(adgroupId, bits);
        } else {
            halfHoursByAdgroup.remove(adgroupId);
        }
    }

    @Override
    public boolean allows(AdCandidate ad, Viewer viewer, Instant now) {
        long adgroupId = ad.lineage().adgroupId();
        Rule rule = rulesByAdgroup.get(adgroupId);
        if (rule == null) {
            return true;
        }
        if (rule.dayparting() != null
                && !halfHoursByAdgroup.get(adgroupId).get(halfHourOfWeek(now, rule.zone()))) {
            return false;
        }
        if (rule.dailyLimit() != null
                && now.atZone(rule.zone()).toLocalDate().equals(fullOn.get(adgroupId))) {
            return false;
        }
        Map<String, Instant> blocked = blockedUntil.get(adgroupId);
        if (blocked != null) {
            Instant until = blocked.get(viewerKey(viewer));
            return until == null || !now.isBefore(until);
        }
        return true;
    }

    /**
     * Takes a place for the viewer, if the ad group's rules still allow it: requests running at
     * once, on this server or another, may all have seen the last free place, and only one of them
     * gets it.
     */
    public boolean serve(AdCandidate ad, Viewer viewer, Instant now) {
        long adgroupId = ad.lineage().adgroupId();
        Rule rule = rulesByAdgroup.get(adgroupId);
        if (rule == null || !rule.counts()) {
            return true;
        }
        LocalDate day = rule.dailyLimit() == null ? null : now.atZone(rule.zone()).toLocalDate();
        String viewerId = viewerKey(viewer);
        ServingCounts.Taken taken =
                counts.take(
                        adgroupId,
                        viewerId,
                        new ServingCounts.Limits(
                                rule.frequency(),
                                rule.frequencyDays() == null
                                        ? null
                                        : Duration.ofDays(rule.frequencyDays()),
                                rule.dailyLimit(),
                                day),
                        now);
        if (taken.dayFull()) {
            fullOn.put(adgroupId, day);
        }
        Instant until = taken.frequencyFreeAt();
        if (taken.seenToday()) {
            Instant tomorrow = day.plusDays(1).atStartOfDay(rule.zone()).toInstant();
            until = until == null || tomorrow.isAfter(until) ? tomorrow : until;
        }
        if (until != null && now.isBefore(until)) {
            blockedUntil
                    .computeIfAbsent(adgroupId, id -> new ConcurrentHashMap<>())
                    .merge(viewerId, until, (a, b) -> a.isAfter(b) ? a : b);
        }
        return taken.taken();
    }

    /** Forgets what the counts said that can no longer stop a request at {@code now}. */
    public void forgetOld(Instant now) {
        LocalDate past = now.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1);
        fullOn.values().removeIf(day -> day.isBefore(past));
        blockedUntil
                .values()
                .removeIf(
                        viewers -> {
                            viewers.values().removeIf(until -> !now.isBefore(until));
                            return viewers.isEmpty();
                        });
    }

    /** 0 for Monday 00:00–00:30 in the zone, up to 335 for Sunday 23:30–24:00. */
    static int halfHourOfWeek(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        int day = local.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
        return day * 48 + local.getHour() * 2 + (local.getMinute() >= 30 ? 1 : 0);
    }

    /** Viewers the host app does not name share one count, as they did in memory. */
    private static String viewerKey(Viewer viewer) {
        return viewer.viewerId() == null ? "" : viewer.viewerId();
    }
}
