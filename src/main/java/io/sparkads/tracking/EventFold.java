package io.sparkads.tracking;

import io.sparkads.content.PostEngagement;
import io.sparkads.content.Posts;
import io.sparkads.delivery.ServedImpression;
import io.sparkads.reporting.PaidEvent;
import io.sparkads.reporting.ReportRollups;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one way checked events are counted, whichever way they came in (the request's transaction on
 * the direct path, a Kafka consumer's on the Kafka path): append them to the event log in one
 * statement that skips any event id already there, and fold exactly the newly appended ones into
 * paid rollups and the posts' paid counters, and queue the organic ones (a listener in this
 * transaction: Trend Discovery's queue, which also feeds the posts' organic counters about a second
 * later). The caller holds the transaction, so the event-id check and the counters or queue rows
 * commit together: an event delivered twice counts once.
 */
@Component
class EventFold {
    private final JdbcClient jdbc;
    private final Posts posts;
    private final ReportRollups rollups;
    private final ApplicationEventPublisher publisher;

    EventFold(
            JdbcClient jdbc,
            Posts posts,
            ReportRollups rollups,
            ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.posts = posts;
        this.rollups = rollups;
        this.publisher = publisher;
    }

    /** Appends and folds; returns how many were new (the rest were already counted). */
    int count(Collection<CheckedEvent> events) {
        Set<String> appended = append(events);
        fold(events.stream().filter(e -> appended.contains(e.eventId())).toList());
        return appended.size();
    }

    /** The ids of these events that the log already holds (counted before). */
    Set<String> alreadyLogged(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(
                jdbc.sql("select event_id from event_log where event_id = any(:ids)")
                        .param("ids", eventIds.toArray(String[]::new))
                        .query(String.class)
                        .list());
    }

    /** Appends the events; returns the ids actually written, leaving out any already in the log. */
    Set<String> append(Collection<CheckedEvent> events) {
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
                costs = new String[n],
                received = new String[n];
        int i = 0;
        for (CheckedEvent e : events) {
            ids[i] = e.eventId();
            types[i] = e.type().name();
            occurred[i] = UtcTimes.format(e.occurredAt());
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
            received[i] = UtcTimes.format(e.receivedAt());
            i++;
        }
        return new HashSet<>(
                jdbc.sql(
                                """
                                insert into event_log (event_id, type, occurred_at, received_at, viewer_id, paid, impression_id,
                                                       ad_id, advertiser_id, item_id, value, cost)
                                select e.id, e.type, e.occurred::timestamptz, e.received::timestamptz, e.viewer, e.impression is not null, e.impression,
                                       e.ad::bigint, e.advertiser::bigint, e.item::bigint, e.value::numeric, e.cost::numeric
                                from unnest(:ids::text[], :types::text[], :occurred::text[], :viewers::text[], :impressions::text[],
                                            :ads::text[], :advertisers::text[], :items::text[], :values::text[], :costs::text[],
                                            :received::text[])
                                     as e(id, type, occurred, viewer, impression, ad, advertiser, item, value, cost, received)
                                on conflict do nothing
                                returning event_id
                                """)
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
                        .param("received", received)
                        .query(String.class)
                        .list());
    }

    void fold(List<CheckedEvent> appended) {
        List<PaidEvent> paid = new ArrayList<>();
        PostEngagement engagement = new PostEngagement();
        List<OrganicEventsAccepted.OrganicEvent> organic = new ArrayList<>();
        for (CheckedEvent e : appended) {
            if (e.impression() != null) {
                paid.add(paidEvent(e));
                // A Spark ad's engagement is credited to its post, as paid; other ads have none.
                Long itemId = e.impression().itemId();
                if (itemId != null) {
                    e.type().postCounter().ifPresent(c -> engagement.paid(itemId, c));
                }
            } else {
                // Counted on the post and in trends from the queue, not here: no post row lock.
                organic.add(
                        new OrganicEventsAccepted.OrganicEvent(
                                e.eventId(), e.type(), e.itemId(), e.occurredAt(), e.viewer()));
            }
        }
        if (!paid.isEmpty()) {
            rollups.fold(paid);
        }
        if (!organic.isEmpty()) {
            // Queued in this transaction (a synchronous listener): one insert, no shared rows.
            publisher.publishEvent(new OrganicEventsAccepted(organic));
        }
        if (!engagement.isEmpty()) {
            // Last: the posts' rows are the ones concurrent paid batches wait for; hold them
            // briefly.
            posts.add(engagement);
        }
    }

    private static PaidEvent paidEvent(CheckedEvent e) {
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
