package io.sparkads.tracking;

import io.sparkads.common.AcceptsAnyText;
import io.sparkads.common.Ids;
import io.sparkads.common.Quotes;
import io.sparkads.common.Refusal;
import io.sparkads.content.PostEngagement;
import io.sparkads.content.Posts;
import io.sparkads.delivery.Impressions;
import io.sparkads.delivery.ServedImpression;
import io.sparkads.reporting.PaidEvent;
import io.sparkads.reporting.ReportRollups;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a batch of events: checks each, appends the valid ones to the event log in one statement
 * that skips any already there, and folds exactly the newly appended ones into paid rollups and the
 * posts' organic and paid counters, all in one transaction. When this returns, every accepted event
 * is durable.
 */
@Service
public class EventIntake {
    public static final int MAX_BATCH = 1000;

    /** How long after an impression its events are still attributed to the ad. */
    public static final Duration ATTRIBUTION_WINDOW = Duration.ofDays(7);

    /** Device clocks run ahead; beyond this an event is from the future. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Impressions impressions;
    private final Posts posts;
    private final ReportRollups rollups;
    private final ApplicationEventPublisher publisher;

    EventIntake(
            JdbcClient jdbc,
            Clock clock,
            Impressions impressions,
            Posts posts,
            ReportRollups rollups,
            ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.impressions = impressions;
        this.posts = posts;
        this.rollups = rollups;
        this.publisher = publisher;
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

    private record Checked(
            String eventId,
            EventType type,
            Instant occurredAt,
            String viewerId,
            String impressionId,
            ServedImpression impression,
            Long itemId,
            BigDecimal value,
            BigDecimal cost,
            EventViewer viewer) {}

    @Transactional
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
        Set<Long> knownPosts = knownPosts(events);
        // An impression's events usually arrive together: its id is verified once per batch.
        Map<String, Optional<ServedImpression>> verified = new HashMap<>();
        List<Rejection> rejected = new ArrayList<>();
        Map<String, Checked> valid = new LinkedHashMap<>();
        int duplicates = 0;
        for (int i = 0; i < events.size(); i++) {
            IncomingEvent event = events.get(i);
            try {
                Checked checked = check(event, now, knownPosts, verified);
                if (valid.putIfAbsent(checked.eventId(), checked) != null) {
                    duplicates++;
                }
            } catch (Refusal refusal) {
                rejected.add(new Rejection(i, refusal.getMessage()));
            }
        }
        Set<String> appended = append(valid.values(), now);
        duplicates += valid.size() - appended.size();
        fold(valid.values().stream().filter(e -> appended.contains(e.eventId())).toList());
        return new Outcome(appended.size(), duplicates, rejected);
    }

    /** The posts organic events of the batch name that exist, looked up in one query. */
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
        Set<Long> known = new HashSet<>();
        posts.findAll(named).forEach(post -> known.add(post.itemId()));
        return known;
    }

    private Checked check(
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
            occurredAt = Instant.parse(event.occurredAt());
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
            return new Checked(
                    event.eventId(),
                    type,
                    occurredAt,
                    event.viewerId(),
                    event.impressionId(),
                    impression,
                    impression.itemId(),
                    event.value(),
                    cost,
                    null);
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
        return new Checked(
                event.eventId(),
                type,
                occurredAt,
                event.viewerId(),
                null,
                null,
                itemId,
                event.value(),
                BigDecimal.ZERO,
                viewer);
    }

    private static boolean holdsNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    /** Appends the events; returns the ids actually written, leaving out any already in the log. */
    private Set<String> append(Collection<Checked> events, Instant now) {
        if (events.isEmpty()) {
            return Set.of();
        }
        int n = events.size();
        String[] ids = new String[n],
                types = new String[n],
                occurred = new String[n],
                viewers = new String[n],
                impressionIds = new String[n],
                adIds = new String[n],
                advertiserIds = new String[n],
                itemIds = new String[n],
                values = new String[n],
                costs = new String[n];
        int i = 0;
        for (Checked e : events) {
            ids[i] = e.eventId();
            types[i] = e.type().name();
            occurred[i] = e.occurredAt().toString();
            viewers[i] = e.viewerId();
            impressionIds[i] = e.impressionId();
            adIds[i] =
                    e.impression() == null ? null : String.valueOf(e.impression().lineage().adId());
            advertiserIds[i] =
                    e.impression() == null
                            ? null
                            : String.valueOf(e.impression().lineage().advertiserId());
            itemIds[i] = e.itemId() == null ? null : String.valueOf(e.itemId());
            values[i] = e.value() == null ? null : e.value().toPlainString();
            costs[i] = e.cost().toPlainString();
            i++;
        }
        return new HashSet<>(
                jdbc.sql(
                                """
                                insert into event_log (event_id, type, occurred_at, received_at, viewer_id, paid, impression_id,
                                                       ad_id, advertiser_id, item_id, value, cost)
                                select e.id, e.type, e.occurred::timestamptz, :now, e.viewer, e.impression is not null, e.impression,
                                       e.ad::bigint, e.advertiser::bigint, e.item::bigint, e.value::numeric, e.cost::numeric
                                from unnest(:ids::text[], :types::text[], :occurred::text[], :viewers::text[], :impressions::text[],
                                            :ads::text[], :advertisers::text[], :items::text[], :values::text[], :costs::text[])
                                     as e(id, type, occurred, viewer, impression, ad, advertiser, item, value, cost)
                                on conflict do nothing
                                returning event_id
                                """)
                        .param("now", Timestamp.from(now))
                        .param("ids", ids)
                        .param("types", types)
                        .param("occurred", occurred)
                        .param("viewers", viewers)
                        .param("impressions", impressionIds)
                        .param("ads", adIds)
                        .param("advertisers", advertiserIds)
                        .param("items", itemIds)
                        .param("values", values)
                        .param("costs", costs)
                        .query(String.class)
                        .list());
    }

    private void fold(List<Checked> appended) {
        List<PaidEvent> paid = new ArrayList<>();
        PostEngagement engagement = new PostEngagement();
        List<OrganicEventsAccepted.OrganicEvent> organic = new ArrayList<>();
        for (Checked e : appended) {
            if (e.impression() != null) {
                paid.add(paidEvent(e));
                // A Spark ad's engagement is credited to its post, as paid; other ads have none.
                Long itemId = e.impression().itemId();
                if (itemId != null) {
                    e.type().postCounter().ifPresent(c -> engagement.paid(itemId, c));
                }
            } else {
                e.type()
                        .postCounter()
                        .ifPresent(c -> engagement.organic(e.itemId(), c, e.occurredAt()));
                organic.add(
                        new OrganicEventsAccepted.OrganicEvent(
                                e.eventId(), e.type(), e.itemId(), e.occurredAt(), e.viewer()));
            }
        }
        rollups.fold(paid);
        posts.add(engagement);
        if (!organic.isEmpty()) {
            // Trend Discovery counts them in this transaction (a synchronous listener).
            publisher.publishEvent(new OrganicEventsAccepted(organic));
        }
    }

    private static PaidEvent paidEvent(Checked e) {
        ServedImpression s = e.impression();
        return new PaidEvent(
                s.lineage(),
                s.itemId(),
                s.spark(),
                e.type().paidMetric(),
                e.occurredAt(),
                e.cost(),
                e.viewerId(),
                e.impressionId(),
                new PaidEvent.Audience(s.placement(), s.ageGroup(), s.gender(), s.region()));
    }
}
