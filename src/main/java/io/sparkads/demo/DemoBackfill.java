package io.sparkads.demo;

import io.sparkads.delivery.AdServing;
import io.sparkads.tracking.EventIntake;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Gives a fresh demo its history: the last days of viewers, hour by hour, so the charts are not
 * empty on the first start.
 *
 * <p>Why it serves through {@link AdServing} at past instants instead of calling the platform API:
 * the event intake only attributes a paid event to an impression id this platform signed, and only
 * from the moment that impression was served until its attribution window closes; the API serves at
 * the present, so its impression ids cannot carry events from last week. Serving through the same
 * decision path with an explicit past instant gives real signed ids stamped with the past time, and
 * the events then go through {@link EventIntake#accept} exactly as the platform API hands them
 * over: checked, de-duplicated, logged and rolled up, with nothing written around them.
 */
@Component
class DemoBackfill {
    private static final Logger log = LoggerFactory.getLogger(DemoBackfill.class);

    /** Events per call to the intake, below its limit of {@value EventIntake#MAX_BATCH}. */
    static final int BATCH = 900;

    private final AdServing serving;
    private final EventIntake intake;
    private final Clock clock;

    DemoBackfill(AdServing serving, EventIntake intake, Clock clock) {
        this.serving = serving;
        this.intake = intake;
        this.clock = clock;
    }

    /** What a backfill did. */
    record Outcome(long visits, long impressions, long accepted, long rejected) {}

    /**
     * Plays {@code visitsPerHour} viewers an hour (shaped by the feed's daily rhythm) from {@code
     * history} ago until now. Stops early, between batches, when {@code keepGoing} says so.
     */
    Outcome run(
            DemoFeed feed,
            ViewerBehaviour behaviour,
            Duration history,
            int visitsPerHour,
            BooleanSupplier keepGoing) {
        Instant now = clock.instant();
        Instant hour = now.minus(history).truncatedTo(ChronoUnit.HOURS);
        List<EventIntake.IncomingEvent> batch = new ArrayList<>(BATCH + 100);
        long visits = 0, impressions = 0, accepted = 0, rejected = 0;
        long requests = 0;
        while (hour.isBefore(now) && keepGoing.getAsBoolean()) {
            int count =
                    (int)
                            Math.round(
                                    visitsPerHour
                                            * feed.activity(hour)
                                            * (0.85 + 0.3 * behaviour.nextDouble()));
            for (int i = 0; i < count; i++) {
                Instant at = hour.plusMillis(behaviour.nextInt(3_600_000));
                if (!at.isBefore(now)) {
                    continue;
                }
                visits++;
                AdServing.ViewerAttributes viewer = behaviour.nextViewer();
                List<AdServing.ServedAd> served =
                        serving.serveInFeed(
                                "demo-backfill-" + (requests++), behaviour.slots(), viewer, at);
                List<ViewerBehaviour.PlannedEvent> planned = new ArrayList<>();
                for (AdServing.ServedAd ad : served) {
                    impressions++;
                    planned.addAll(
                            behaviour.adEvents(
                                    viewer,
                                    ad.impressionId(),
                                    ad.spark(),
                                    feed.durationMs(ad.itemId()),
                                    at));
                }
                planned.addAll(organicVisit(feed, behaviour, viewer, at));
                for (ViewerBehaviour.PlannedEvent event : planned) {
                    // What would happen after now is left out: it has not happened yet.
                    if (event.occurredAt().isBefore(now)) {
                        batch.add(incoming(event));
                    }
                }
                if (batch.size() >= BATCH) {
                    EventIntake.Outcome outcome = intake.accept(batch);
                    accepted += outcome.accepted();
                    rejected += outcome.rejected().size();
                    logRejections(outcome);
                    batch.clear();
                    if (!keepGoing.getAsBoolean()) {
                        break;
                    }
                }
            }
            hour = hour.plus(1, ChronoUnit.HOURS);
        }
        if (!batch.isEmpty() && keepGoing.getAsBoolean()) {
            EventIntake.Outcome outcome = intake.accept(batch);
            accepted += outcome.accepted();
            rejected += outcome.rejected().size();
            logRejections(outcome);
        }
        return new Outcome(visits, impressions, accepted, rejected);
    }

    /** A viewer scrolling past one to three of the creator's posts. */
    static List<ViewerBehaviour.PlannedEvent> organicVisit(
            DemoFeed feed,
            ViewerBehaviour behaviour,
            AdServing.ViewerAttributes viewer,
            Instant at) {
        List<ViewerBehaviour.PlannedEvent> events = new ArrayList<>();
        int seen = 1 + behaviour.nextInt(3);
        for (int i = 0; i < seen; i++) {
            long itemId = feed.posts().get(behaviour.nextInt(feed.posts().size())).itemId();
            events.addAll(behaviour.organicEvents(viewer, itemId, at.plusSeconds(20L * i)));
        }
        return events;
    }

    static EventIntake.IncomingEvent incoming(ViewerBehaviour.PlannedEvent event) {
        return new EventIntake.IncomingEvent(
                event.eventId(),
                event.type().name(),
                event.occurredAt().toString(),
                event.viewerId(),
                event.impressionId(),
                event.itemId() == null ? null : String.valueOf(event.itemId()),
                null);
    }

    private static void logRejections(EventIntake.Outcome outcome) {
        if (!outcome.rejected().isEmpty()) {
            log.warn(
                    "The intake refused {} demo events, e.g. {}",
                    outcome.rejected().size(),
                    outcome.rejected().get(0).reason());
        }
    }
}
