package io.sparkads.delivery.engine;

import static io.sparkads.delivery.engine.EngineFixtures.SECRET;
import static io.sparkads.delivery.engine.EngineFixtures.givenAd;
import static io.sparkads.delivery.engine.EngineFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.delivery.engine.EngineFixtures.TestClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class AdDecisionEngineConcurrencyTest {

    private static final int ADS_PER_GENERATION = 20;
    private static final int READERS = 3;
    private static final int READS_PER_READER = 20_000;

    private final AdDecisionEngine engine =
            new AdDecisionEngine(new ImpressionIds(SECRET), new TestClock());
    private final ExecutorService threads = Executors.newFixedThreadPool(READERS + 2);

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    /** Generation g: 20 equal ads of campaign g, with ids g * 1000 + i and distinct items. */
    private static List<AdCandidate> generation(long g) {
        List<AdCandidate> ads = new ArrayList<>();
        for (int i = 0; i < ADS_PER_GENERATION; i++) {
            long adId = g * 1000 + i;
            ads.add(givenAd(a -> a.id(adId).item(adId).campaign(g)));
        }
        return ads;
    }

    @Test
    void readersAlwaysSeeOneWholeSetOfAdsWhileAWriterReplacesThem() throws Exception {
        // given
        engine.replaceAll(generation(1));
        AtomicBoolean readersDone = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        Queue<Long> generationsSeen = new ConcurrentLinkedQueue<>();

        // when: one writer replaces the whole set, generation after generation...
        Future<Long> writer =
                threads.submit(
                        () -> {
                            start.await();
                            long g = 1;
                            while (!readersDone.get()) {
                                engine.replaceAll(generation(++g));
                            }
                            return g;
                        });
        // ...while readers ask for ten ads at a time
        List<Future<?>> readers = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            readers.add(
                    threads.submit(
                            () -> {
                                start.await();
                                long lastGeneration = 0;
                                for (int i = 0; i < READS_PER_READER; i++) {
                                    List<Decision> decisions =
                                            engine.decide(request(q -> q.slots(10)));
                                    Set<Long> campaigns =
                                            decisions.stream()
                                                    .map(d -> d.ad().lineage().campaignId())
                                                    .collect(Collectors.toSet());
                                    if (decisions.size() != 10 || campaigns.size() != 1) {
                                        failures.add(decisions.size() + " ads of " + campaigns);
                                        continue;
                                    }
                                    long generation = campaigns.iterator().next();
                                    if (generation < lastGeneration) {
                                        failures.add(generation + " after " + lastGeneration);
                                    }
                                    lastGeneration = generation;
                                    generationsSeen.add(generation);
                                }
                                return null;
                            }));
        }
        start.countDown();
        for (Future<?> reader : readers) {
            reader.get();
        }
        readersDone.set(true);
        long lastWritten = writer.get();

        // then
        assertThat(failures).isEmpty();
        assertThat(lastWritten).isGreaterThan(2);
        assertThat(generationsSeen.stream().distinct().count()).isGreaterThan(1);
        assertThat(engine.size()).isEqualTo(ADS_PER_GENERATION);
        assertThat(engine.find(lastWritten * 1000)).isPresent();
    }

    @Test
    void concurrentUpsertsAndRemovesAreNeitherLostNorMixedUp() throws Exception {
        // given: ads 1..2000 are there to be removed
        List<AdCandidate> toRemove = new ArrayList<>();
        for (long id = 1; id <= 2000; id++) {
            long adId = id;
            toRemove.add(givenAd(a -> a.id(adId)));
        }
        engine.replaceAll(toRemove);
        CountDownLatch start = new CountDownLatch(1);

        // when: one thread removes them while another adds 2000 new ones
        Future<?> remover =
                threads.submit(
                        () -> {
                            start.await();
                            for (AdCandidate ad : toRemove) {
                                engine.remove(ad.lineage().adId());
                            }
                            return null;
                        });
        Future<?> adder =
                threads.submit(
                        () -> {
                            start.await();
                            for (long id = 10_001; id <= 12_000; id++) {
                                long adId = id;
                                engine.upsert(givenAd(a -> a.id(adId)));
                            }
                            return null;
                        });
        start.countDown();
        remover.get();
        adder.get();

        // then
        assertThat(engine.size()).isEqualTo(2000);
        assertThat(engine.find(1)).isEmpty();
        assertThat(engine.find(10_001)).isPresent();
        assertThat(engine.find(12_000)).isPresent();
        assertThat(engine.decide(request(r -> r.slots(10)))).hasSize(10);
    }
}
