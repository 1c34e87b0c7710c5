package io.sparkads.delivery;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sparkads.delivery.engine.Placement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the metrics add to one ad request: {@link DeliveryMetrics#decided} (the request counter, the
 * latency histogram and the served counter) on the Prometheus registry the server uses. Run beside
 * {@code AdDecisionEngineBenchmark.decideInFeed} for the ratio (docs/benchmarks.md). Not a test
 * (surefire skips *Benchmark).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@State(Scope.Benchmark)
public class DeliveryMetricsBenchmark {
    private DeliveryMetrics metrics;
    private long nanos;

    @Setup
    public void register() {
        metrics = new DeliveryMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    @Benchmark
    public void recordOneDecision() {
        // latencies spread over the histogram's buckets, 50 µs to 5 ms
        nanos = nanos >= 5_000_000 ? 50_000 : nanos + 7_919;
        metrics.decided(Placement.IN_FEED, nanos, 1);
    }
}
