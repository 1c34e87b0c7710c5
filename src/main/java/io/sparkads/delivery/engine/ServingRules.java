package io.sparkads.delivery.engine;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The rules of an ad group that depend on what was already served or on the viewer's clock:
 * frequency caps (at most N impressions per viewer in D days), day parting (the half-hours of the
 * week it may run, in the ad account's time zone) and TopView reservations (a fixed number of
 * impressions a day, once per viewer a day). Counts are kept in memory, per server, from the moment
 * an ad is served.
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
    }

    private final Map<Long, Rule> rulesByAdgroup = new ConcurrentHashMap<>();
    private final Map<Long, BitSet> halfHoursByAdgroup = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> servedToViewer = new ConcurrentHashMap<>();
    private final Map<Long, DailyCount> servedToday = new ConcurrentHashMap<>();

    private record DailyCount(LocalDate day, AtomicInteger count) {}

    /**
     * Sets the ad group's rule. Every ad of the group brings the same rule on each index load, so
     * an unchanged rule is kept as it is rather than its day parting parsed again.
     */
    public void setRule(long adgroupId, Rule rule) {
        if (rule != null && rule.equals(rulesByAdgroup.get(adgroupId))) {
            return;
        }
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
                && countToday(adgroupId, now, rule.zone()) >= rule.dailyLimit()) {
            return false;
        }
        if (rule.frequency() != null) {
            Deque<Instant> served = servedToViewer.get(key(adgroupId, viewer.viewerId()));
            if (served != null) {
                synchronized (served) {
                    prune(served, now, rule);
                    return served.size() < rule.frequency();
                }
            }
        }
        return true;
    }

    /**
     * Counts an ad as served to the viewer, if its rules still allow it: requests running at once
     * may all have seen the last free place, and only one of them gets it.
     */
    public boolean serve(AdCandidate ad, Viewer viewer, Instant now) {
        long adgroupId = ad.lineage().adgroupId();
        Rule rule = rulesByAdgroup.get(adgroupId);
        if (rule == null) {
            return true;
        }
        AtomicInteger today = null;
        if (rule.dailyLimit() != null) {
            LocalDate day = now.atZone(rule.zone()).toLocalDate();
            today =
                    servedToday
                            .compute(
                                    adgroupId,
                                    (id, count) ->
                                            count == null || !count.day().equals(day)
                                                    ? new DailyCount(day, new AtomicInteger())
                                                    : count)
                            .count();
            if (today.incrementAndGet() > rule.dailyLimit()) {
                today.decrementAndGet();
                return false;
            }
        }
        if (rule.frequency() != null) {
            Deque<Instant> served =
                    servedToViewer.computeIfAbsent(
                            key(adgroupId, viewer.viewerId()), k -> new ArrayDeque<>());
            synchronized (served) {
                prune(served, now, rule);
                if (served.size() >= rule.frequency()) {
                    if (today != null) {
                        today.decrementAndGet();
                    }
                    return false;
                }
                served.addLast(now);
            }
        }
        return true;
    }

    /** Forgets counts that no rule looks at any more. */
    public void forgetOld(Instant now) {
        servedToViewer
                .entrySet()
                .removeIf(
                        entry -> {
                            Rule rule =
                                    rulesByAdgroup.get(
                                            Long.parseLong(
                                                    entry.getKey()
                                                            .substring(
                                                                    0,
                                                                    entry.getKey().indexOf('|'))));
                            synchronized (entry.getValue()) {
                                if (rule == null || rule.frequency() == null) {
                                    return true;
                                }
                                prune(entry.getValue(), now, rule);
                                return entry.getValue().isEmpty();
                            }
                        });
    }

    private int countToday(long adgroupId, Instant now, ZoneId zone) {
        DailyCount count = servedToday.get(adgroupId);
        return count == null || !count.day().equals(now.atZone(zone).toLocalDate())
                ? 0
                : count.count().get();
    }

    private static void prune(Deque<Instant> served, Instant now, Rule rule) {
        Instant oldest = now.minus(Duration.ofDays(rule.frequencyDays()));
        while (!served.isEmpty() && !served.peekFirst().isAfter(oldest)) {
            served.removeFirst();
        }
    }

    /** 0 for Monday 00:00–00:30 in the zone, up to 335 for Sunday 23:30–24:00. */
    static int halfHourOfWeek(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        int day = local.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
        return day * 48 + local.getHour() * 2 + (local.getMinute() >= 30 ? 1 : 0);
    }

    private static String key(long adgroupId, String viewerId) {
        return adgroupId + "|" + viewerId;
    }
}
