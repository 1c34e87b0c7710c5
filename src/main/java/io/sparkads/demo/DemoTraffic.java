package io.sparkads.demo;

import io.sparkads.accounts.AccessTokens;
import io.sparkads.accounts.Advertisers;
import io.sparkads.accounts.User;
import io.sparkads.accounts.Users;
import io.sparkads.content.Post;
import io.sparkads.content.Posts;
import io.sparkads.delivery.AdServing.ViewerAttributes;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Keeps the demo workspace alive: on a start with the demo workspace and no campaign of the demo
 * advertiser yet, it makes the running demo campaign ({@link DemoCampaign}) and plays the last days
 * of viewers ({@link DemoBackfill}); then it plays a host app's viewers through the platform API on
 * the server's own port, at most one visit per {@code sparkads.demo.traffic-interval} (fewer at
 * night): an ad request, the events for what was shown as they fall due, and organic views of the
 * creator's posts. One background thread, stopped before the web server on shutdown.
 */
@Component
@ConditionalOnExpression("${sparkads.demo.enabled:true} and ${sparkads.demo.traffic:true}")
class DemoTraffic implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(DemoTraffic.class);

    /** Why the ad group's schedule reaches back a day further than the backfill. */
    private static final Duration SCHEDULE_MARGIN = Duration.ofDays(1);

    private final Users users;
    private final Posts posts;
    private final Advertisers advertisers;
    private final AccessTokens tokens;
    private final DemoCampaign campaign;
    private final DemoBackfill backfill;
    private final Clock clock;
    private final Environment environment;
    private final Duration interval;
    private final int backfillDays;
    private final int backfillVisitsPerHour;
    private final long seed;
    private final String platformToken;

    private volatile boolean running;
    private ScheduledExecutorService executor;

    // Touched only by the traffic thread.
    private LoopbackPlatform platform;
    private DemoFeed feed;
    private ViewerBehaviour live;
    private final PriorityQueue<ViewerBehaviour.PlannedEvent> due =
            new PriorityQueue<>(Comparator.comparing(ViewerBehaviour.PlannedEvent::occurredAt));
    private long visits;
    private long failures;

    DemoTraffic(
            Users users,
            Posts posts,
            Advertisers advertisers,
            AccessTokens tokens,
            DemoCampaign campaign,
            DemoBackfill backfill,
            Clock clock,
            Environment environment,
            @Value("${sparkads.demo.traffic-interval:500ms}") Duration interval,
            @Value("${sparkads.demo.backfill-days:14}") int backfillDays,
            @Value("${sparkads.demo.backfill-visits-per-hour:120}") int backfillVisitsPerHour,
            @Value("${sparkads.demo.traffic-seed:20231001}") long seed,
            @Value("${sparkads.platform-token:}") String platformToken) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("sparkads.demo.traffic-interval must be positive");
        }
        this.users = users;
        this.posts = posts;
        this.advertisers = advertisers;
        this.tokens = tokens;
        this.campaign = campaign;
        this.backfill = backfill;
        this.clock = clock;
        this.environment = environment;
        this.interval = interval;
        this.backfillDays = backfillDays;
        this.backfillVisitsPerHour = backfillVisitsPerHour;
        this.seed = seed;
        this.platformToken = platformToken;
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void begin() {
        Integer port = environment.getProperty("local.server.port", Integer.class);
        if (!running || port == null || executor != null) {
            return;
        }
        executor =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread thread = new Thread(r, "demo-traffic");
                            thread.setDaemon(true);
                            return thread;
                        });
        executor.execute(() -> prepare(port));
        executor.scheduleWithFixedDelay(
                this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Finds the demo workspace, makes its campaign and history on the first start. */
    private void prepare(int port) {
        try {
            Optional<User> advertiser = users.findByUsername("advertiser");
            Optional<User> creator = users.findByUsername("creator");
            if (advertiser.isEmpty()
                    || advertiser.get().advertiserId() == null
                    || creator.isEmpty()
                    || creator.get().creatorAccountId() == null) {
                log.info("No demo workspace in this database: demo traffic stays off");
                return;
            }
            long advertiserId = advertiser.get().advertiserId();
            long creatorAccountId = creator.get().creatorAccountId();
            List<Post> shown =
                    posts.ofAccount(creatorAccountId).stream()
                            .filter(p -> p.isSparkAvailable() && !p.adsOnly())
                            .sorted(Comparator.comparingLong(Post::itemId))
                            .toList();
            if (shown.isEmpty()) {
                log.info("The demo creator has no public posts: demo traffic stays off");
                return;
            }
            DemoFeed demoFeed = new DemoFeed(shown, advertisers.timezone(advertiserId));
            if (!campaign.hasCampaigns(advertiserId)) {
                makeCampaignAndHistory(advertiserId, creatorAccountId, demoFeed);
            }
            String token =
                    platformToken.isBlank()
                            ? tokens.issue(AccessTokens.Kind.PLATFORM)
                            : platformToken;
            platform = new LoopbackPlatform(port, token);
            // Event ids are unique per run: the same seed replays the same viewers.
            live =
                    new ViewerBehaviour(
                            seed + 1, "demo-" + Long.toString(clock.millis(), 36), 5_000);
            feed = demoFeed;
            log.info(
                    "Demo traffic plays up to a viewer every {} through the platform API",
                    interval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("The demo traffic could not start: {}", e.getMessage(), e);
        }
    }

    /** The demo campaign and its history; live traffic starts even when this fails. */
    private void makeCampaignAndHistory(long advertiserId, long creatorAccountId, DemoFeed demoFeed)
            throws InterruptedException {
        try {
            Duration history = Duration.ofDays(backfillDays);
            DemoCampaign.LiveAds ads =
                    campaign.create(
                            advertiserId,
                            creatorAccountId,
                            demoFeed.posts().get(0),
                            history.plus(SCHEDULE_MARGIN),
                            () -> running);
            log.info(
                    "Demo campaign {} of ad account {} runs a Spark ad ({}) and a non-Spark ad ({}); playing {} days of history",
                    ads.campaignId(),
                    advertiserId,
                    ads.sparkAdId(),
                    ads.nonSparkAdId(),
                    backfillDays);
            long started = System.nanoTime();
            DemoBackfill.Outcome outcome =
                    backfill.run(
                            demoFeed,
                            new ViewerBehaviour(seed, "demo-history", 5_000),
                            history,
                            backfillVisitsPerHour,
                            () -> running);
            log.info(
                    "Demo history: {} visits, {} impressions, {} events accepted, {} refused, in {} s",
                    outcome.visits(),
                    outcome.impressions(),
                    outcome.accepted(),
                    outcome.rejected(),
                    (System.nanoTime() - started) / 1_000_000_000);
        } catch (RuntimeException e) {
            log.warn("The demo campaign or its history could not be made: {}", e.getMessage(), e);
        }
    }

    /** One viewer's visit, and the events that have fallen due. */
    private void tick() {
        if (!running || platform == null) {
            return;
        }
        try {
            Instant now = clock.instant();
            // Fewer viewers at night: the busiest evening hour has one every interval.
            if (live.nextDouble() * DemoFeed.PEAK_ACTIVITY > feed.activity(now)) {
                sendDue();
                return;
            }
            ViewerAttributes viewer = live.nextViewer();
            for (LoopbackPlatform.Served ad :
                    platform.requestAds("demo-" + visits++, live.slots(), viewer)) {
                due.addAll(
                        live.adEvents(
                                viewer,
                                ad.impressionId(),
                                ad.spark(),
                                feed.durationMs(ad.itemId()),
                                now));
            }
            due.addAll(DemoBackfill.organicVisit(feed, live, viewer, now));
            sendDue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // A busy or stopping server: skip this visit; say so now and then, not every second.
            if (failures++ % 60 == 0) {
                log.warn("Demo traffic: {}", e.getMessage());
            }
        }
    }

    /** Sends the events that have happened by now, as one batch. */
    private void sendDue() throws IOException, InterruptedException {
        Instant until = clock.instant();
        List<ViewerBehaviour.PlannedEvent> batch = new ArrayList<>();
        while (!due.isEmpty()
                && !due.peek().occurredAt().isAfter(until)
                && batch.size() < DemoBackfill.BATCH) {
            batch.add(due.poll());
        }
        if (!batch.isEmpty()) {
            platform.sendEvents(batch);
        }
    }

    @Override
    public synchronized void start() {
        running = true;
    }

    /** Stops before the web server does, so no visit is cut off half-way. */
    @Override
    public synchronized void stop() {
        running = false;
        if (executor != null) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
