package io.sparkads.delivery.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serving counts in this process's memory: lost with it, and separate per server. For the engine's
 * unit tests and benchmarks; a server counts in its database.
 */
public final class InMemoryServingCounts implements ServingCounts {

    /** One ad group's places; every take of the group holds its lock. */
    private static final class Group {
        final Map<String, List<Instant>> servedToViewer = new HashMap<>();
        final Map<LocalDate, Day> days = new HashMap<>();
        Duration window = Duration.ZERO;
    }

    private static final class Day {
        int served;
        final Set<String> viewers = new HashSet<>();
    }

    private final Map<Long, Group> groups = new ConcurrentHashMap<>();

    @Override
    public Taken take(long adgroupId, String viewerId, Limits limits, Instant now) {
        Group group = groups.computeIfAbsent(adgroupId, id -> new Group());
        synchronized (group) {
            Day day = null;
            if (limits.dailyLimit() != null) {
                day = group.days.computeIfAbsent(limits.day(), d -> new Day());
                boolean full = day.served >= limits.dailyLimit();
                boolean seen = day.viewers.contains(viewerId);
                if (full || seen) {
                    return new Taken(false, full, seen, null);
                }
            }
            List<Instant> served = null;
            if (limits.frequency() != null) {
                group.window = limits.frequencyWindow();
                Instant oldest = now.minus(limits.frequencyWindow());
                served = group.servedToViewer.computeIfAbsent(viewerId, v -> new ArrayList<>());
                served.removeIf(t -> !t.isAfter(oldest));
                Instant freeAt =
                        ServingCounts.frequencyFreeAt(
                                served, limits.frequency(), limits.frequencyWindow());
                if (freeAt != null) {
                    return new Taken(
                            false, day != null && day.served >= limits.dailyLimit(), false, freeAt);
                }
                int at = served.size();
                while (at > 0 && served.get(at - 1).isAfter(now)) {
                    at--;
                }
                served.add(at, now);
            }
            if (day != null) {
                day.served++;
                day.viewers.add(viewerId);
            }
            return new Taken(
                    true,
                    day != null && day.served >= limits.dailyLimit(),
                    day != null,
                    served == null
                            ? null
                            : ServingCounts.frequencyFreeAt(
                                    served, limits.frequency(), limits.frequencyWindow()));
        }
    }

    @Override
    public void forgetOld(Instant now) {
        LocalDate past = now.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(2);
        for (Group group : groups.values()) {
            synchronized (group) {
                group.days.keySet().removeIf(day -> day.isBefore(past));
                Instant oldest = now.minus(group.window);
                group.servedToViewer
                        .values()
                        .removeIf(
                                served -> {
                                    served.removeIf(t -> !t.isAfter(oldest));
                                    return served.isEmpty();
                                });
            }
        }
    }
}
