package io.sparkads.tracking;

import io.sparkads.common.AcceptsAnyText;
import io.sparkads.common.Ids;
import io.sparkads.common.Quotes;
import io.sparkads.common.Refusal;
import io.sparkads.delivery.Impressions;
import io.sparkads.delivery.ServedImpression;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a batch of events and checks each; the valid ones are counted by {@link EventFold}
 * (appended to the event log, skipping any already there, and folded into paid rollups and the
 * posts' counters in one transaction), either in the request (the direct path, the default) or by a
 * Kafka consumer after the broker acknowledged them (with {@code sparkads.kafka.bootstrap-servers}
 * set). When this returns, every accepted event is durable: in PostgreSQL or in the broker.
 */
@Service
public class EventIntake {
    public static final int MAX_BATCH = 1000;

    /** How long after an impression its events are still attributed to the ad. */
    public static final Duration ATTRIBUTION_WINDOW = Duration.ofDays(7);

    /** Device clocks run ahead; beyond this an event is from the future. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(EventIntake.class);

    private final Clock clock;
    private final Impressions impressions;
    private final KnownPosts posts;
    private final EventFold fold;
    private final TransactionTemplate transactions;
    private final ObjectProvider<EventQueue> queue;

    /** The broker's queue or none, looked up on first use (a bean look-up costs each request). */
    private volatile Optional<EventQueue> resolvedQueue;

    EventIntake(
            Clock clock,
            Impressions impressions,
            KnownPosts posts,
            EventFold fold,
            PlatformTransactionManager transactionManager,
            ObjectProvider<EventQueue> queue) {
        this.clock = clock;
        this.impressions = impressions;
        this.posts = posts;
        this.fold = fold;
        this.transactions = new TransactionTemplate(transactionManager);
        this.queue = queue;
    }

    /** The event log's {@code value numeric(20, 6)} holds less than this. */
    static final BigDecimal VALUE_LIMIT = BigDecimal.TEN.pow(14);

    /** Checked one by one in {@link #check}, so that one bad event never sinks its batch. */
    @AcceptsAnyText
    public record IncomingEvent(
            String eventId,
            String type,
            String occurredAt,
            String viewerId,
            String impressionId,
            String itemId,
            BigDecimal value,
            EventViewer viewer) {
        public IncomingEvent(
                String eventId,
                String type,
                String occurredAt,
                String viewerId,
                String impressionId,
                String itemId,
                BigDecimal value) {
            this(eventId, type, occurredAt, viewerId, impressionId, itemId, value, null);
        }
    }

    public record Rejection(int index, String reason) {}

    public record Outcome(int accepted, int duplicates, List<Rejection> rejected) {}

    /**
     * Checks the batch and counts the valid events: in this request's transaction (the direct
     * path), or, with a broker configured, by handing them to the {@link EventQueue} and returning
     * once the broker holds them (the Kafka path; consumers count them with the same fold).
     */
    public Outcome accept(List<IncomingEvent> events) {
        if (events == null || events.isEmpty()) {
            throw Refusal.invalid("events must hold at least one event");
        }
        if (events.size() > MAX_BATCH) {
            throw Refusal.invalid(
                    "events may hold at most "
                            + MAX_BATCH
                            + " events per request; split the batch");
        }
        Instant now = clock.instant();
        List<Rejection> rejected = new ArrayList<>();
        Map<String, CheckedEvent> valid = new LinkedHashMap<>();
        int duplicates = 0;
        Checker checker = new Checker(events);
        for (int i = 0; i < events.size(); i++) {
            try {
                CheckedEvent checked = checker.check(events.get(i), now);
                if (valid.putIfAbsent(checked.eventId(), checked) != null) {
                    duplicates++;
                }
            } catch (Refusal refusal) {
                rejected.add(new Rejection(i, refusal.getMessage()));
            }
        }
        EventQueue queue = queue();
        if (queue == null) {
            int appended = transactions.execute(status -> fold.count(valid.values()));
            return new Outcome(appended, duplicates + valid.size() - appended, rejected);
        }
        // A client's retry of a batch already counted is answered as duplicates, and not queued.
        Set<String> counted = fold.alreadyLogged(valid.keySet());
        List<ReceivedEvent> fresh =
                valid.values().stream()
                        .filter(e -> !counted.contains(e.eventId()))
                        .map(e -> new ReceivedEvent(e.sent(), now))
                        .toList();
        if (!fresh.isEmpty()) {
            queue.publish(fresh);
        }
        return new Outcome(fresh.size(), duplicates + counted.size(), rejected);
    }

    private EventQueue queue() {
        Optional<EventQueue> resolved = resolvedQueue;
        if (resolved == null) {
            resolved = Optional.ofNullable(queue.getIfAvailable());
            resolvedQueue = resolved;
        }
        return resolved.orElse(null);
    }

    /**
     * The Kafka path's second half, run by a consumer: repeats the checks against the time each
     * event was received and counts the events in one transaction with the same fold as the direct
     * path. An event counted before (a redelivery after a crash between the database commit and the
     * offset commit) is skipped by the event-id check. An event that no longer passes (its post
     * deleted meanwhile) is logged and dropped.
     *
     * @return how many events were newly counted
     */
    public int count(List<ReceivedEvent> received) {
        Checker checker = new Checker(received.stream().map(ReceivedEvent::event).toList());
        Map<String, CheckedEvent> valid = new LinkedHashMap<>();
        for (ReceivedEvent r : received) {
            try {
                CheckedEvent checked = checker.check(r.event(), r.receivedAt());
                valid.putIfAbsent(checked.eventId(), checked);
            } catch (Refusal refusal) {
                log.warn(
                        "Dropped queued event {}: {}",
                        r.event() == null ? null : r.event().eventId(),
                        refusal.getMessage());
            }
        }
        return valid.isEmpty() ? 0 : transactions.execute(status -> fold.count(valid.values()));
    }

    /** Checks a batch's events, looking its posts up once and each impression id once. */
    private final class Checker {
        private final Set<Long> knownPosts;
        private final Map<String, Optional<ServedImpression>> verified = new HashMap<>();

        Checker(List<IncomingEvent> events) {
            this.knownPosts = knownPosts(events);
        }

        CheckedEvent check(IncomingEvent event, Instant now) {
            return EventIntake.this.check(event, now, knownPosts, verified);
        }
    }

    /** The posts organic events of the batch name that exist, looked up in one query at most. */
    private Set<Long> knownPosts(List<IncomingEvent> events) {
        Set<Long> named = new HashSet<>();
        for (IncomingEvent event : events) {
            if (event != null && event.impressionId() == null) {
                Long id = Ids.parse(event.itemId());
                if (id != null) {
                    named.add(id);
                }
            }
        }
        return posts.among(named);
    }

    private CheckedEvent check(
            IncomingEvent event,
            Instant now,
            Set<Long> knownPosts,
            Map<String, Optional<ServedImpression>> verified) {
        if (event == null) {
            throw Refusal.invalid("event must be an object");
        }
        if (event.eventId() == null
                || event.eventId().isBlank()
                || event.eventId().length() > 128) {
            throw Refusal.invalid("event_id is required, at most 128 characters");
        }
        if (holdsNul(event.eventId()) || holdsNul(event.viewerId())) {
            throw Refusal.invalid(
                    (holdsNul(event.eventId()) ? "event_id" : "viewer_id")
                            + " must not contain the NUL character (\\u0000)");
        }
        if (event.value() != null
                && (event.value().abs().compareTo(VALUE_LIMIT) >= 0
                        || event.value().scale() > 100)) {
            throw Refusal.invalid(
                    "value must be less than 10^14 (100000000000000), with at most 6 decimals kept");
        }
        EventType type;
        try {
            type = EventType.valueOf(event.type() == null ? "" : event.type());
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("type " + Quotes.of(event.type()) + " is not an event type");
        }
        if (event.occurredAt() == null) {
            throw Refusal.invalid("occurred_at is required, e.g. 2026-11-26T10:00:00Z");
        }
        Instant occurredAt;
        try {
            occurredAt = UtcTimes.parse(event.occurredAt());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(
                    "occurred_at must be a UTC time like 2026-11-26T10:00:00Z; was "
                            + Quotes.of(event.occurredAt()));
        }
        if (occurredAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw Refusal.invalid("occurred_at lies in the future");
        }
        if (event.impressionId() != null) {
            ServedImpression impression =
                    verified.computeIfAbsent(event.impressionId(), impressions::verify)
                            .orElseThrow(
                                    () ->
                                            Refusal.invalid(
                                                    "impression_id is not one this platform issued"));
            if (occurredAt.isBefore(impression.servedAt().minus(CLOCK_SKEW))) {
                throw Refusal.invalid("occurred_at is before the impression was served");
            }
            if (occurredAt.isAfter(impression.servedAt().plus(ATTRIBUTION_WINDOW))) {
                throw Refusal.invalid(
                        "the impression is older than the "
                                + ATTRIBUTION_WINDOW.toDays()
                                + "-day attribution window");
            }
            BigDecimal cost =
                    BillingCharge.named(impression.billingEvent())
                            .map(charge -> charge.costOf(type, impression.chargedPrice()))
                            .orElse(BigDecimal.ZERO);
            return new CheckedEvent(
                    event.eventId(),
                    type,
                    occurredAt,
                    event.viewerId(),
                    event.impressionId(),
                    impression,
                    impression.itemId(),
                    event.value(),
                    cost,
                    null,
                    now,
                    event);
        }
        Long itemId = Ids.parse(event.itemId());
        if (itemId == null) {
            throw Refusal.invalid(
                    "an event needs an impression_id (paid) or a numeric item_id (organic)");
        }
        if (!knownPosts.contains(itemId)) {
            throw Refusal.invalid("no post with item_id " + itemId);
        }
        EventViewer viewer = EventViewer.checked(event.viewer());
        return new CheckedEvent(
                event.eventId(),
                type,
                occurredAt,
                event.viewerId(),
                null,
                null,
                itemId,
                event.value(),
                BigDecimal.ZERO,
                viewer,
                now,
                event);
    }

    private static boolean holdsNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }
}
