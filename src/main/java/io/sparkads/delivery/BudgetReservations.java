package io.sparkads.delivery;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sparkads.campaigns.Budget;
import io.sparkads.campaigns.BudgetMode;
import io.sparkads.campaigns.SpendLedger;
import io.sparkads.delivery.engine.BudgetKey;
import io.sparkads.delivery.engine.BudgetPeriod;
import io.sparkads.delivery.engine.Decision;
import io.sparkads.delivery.engine.LeaseBook;
import io.sparkads.delivery.engine.Pacing;
import jakarta.annotation.PreDestroy;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reserves the charged price of every served ad from its ad group's and campaign's budgets, through
 * budget leases this server takes from the shared budget table (see {@link LeaseBook} and
 * docs/architecture.md, "Budgets: leases and reservations"). An ad whose budget has nothing left to
 * lease is not served.
 */
@Component
class BudgetReservations implements ServingBudgets {
    /** The budgets of one ad: its ad group's and its campaign's, in the ad account's time zone. */
    record AdBudgets(
            long adgroupId,
            Budget adgroup,
            long campaignId,
            Budget campaign,
            ZoneId zone,
            Pacing pacing) {
        boolean limited() {
            return adgroup.mode().limited() || campaign.mode().limited();
        }
    }

    private final Map<Long, AdBudgets> byAd = new ConcurrentHashMap<>();
    private final Map<Long, ZoneId> zoneByAdgroup = new ConcurrentHashMap<>();
    private final Map<Long, ZoneId> zoneByCampaign = new ConcurrentHashMap<>();
    private final BudgetLeaseTable table;
    private final LeaseBook book;
    private final Clock clock;
    private final boolean enabled;
    private final ExecutorService prefetcher;

    BudgetReservations(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            ObjectProvider<SpendLedger> recorded,
            ObjectProvider<MeterRegistry> meters,
            Clock clock,
            @Value("${sparkads.delivery.budget-leases.enabled:true}") boolean enabled,
            @Value("${sparkads.delivery.budget-leases.slice-events:20}") int sliceEvents,
            @Value("${sparkads.delivery.budget-leases.ttl:30s}") Duration ttl) {
        this.clock = clock;
        this.enabled = enabled;
        LeaseBook.Settings defaults = LeaseBook.Settings.DEFAULT;
        LeaseBook.Settings settings =
                new LeaseBook.Settings(
                        sliceEvents,
                        ttl,
                        ttl.dividedBy(3),
                        defaults.idle(),
                        defaults.refusalCache());
        this.table =
                new BudgetLeaseTable(
                        jdbc,
                        new TransactionTemplate(transactions),
                        this::zoneOf,
                        recorded.getIfAvailable(),
                        serverName(),
                        ttl);
        this.prefetcher =
                Executors.newFixedThreadPool(
                        2,
                        work -> {
                            Thread thread = new Thread(work, "budget-lease-prefetch");
                            thread.setDaemon(true);
                            return thread;
                        });
        this.book = new LeaseBook(table, settings, prefetcher);
        meters.ifAvailable(this::register);
    }

    /** Remembers the ad's budgets, as the index loads it. */
    void setBudgets(long adId, AdBudgets budgets) {
        if (!budgets.limited()) {
            byAd.remove(adId);
            return;
        }
        byAd.put(adId, budgets);
        zoneByAdgroup.put(budgets.adgroupId(), budgets.zone());
        zoneByCampaign.put(budgets.campaignId(), budgets.zone());
    }

    @Override
    public Reservation reserve(Decision decision, Instant at) {
        AdBudgets budgets = enabled ? byAd.get(decision.ad().lineage().adId()) : null;
        if (budgets == null) {
            return NOTHING_RESERVED;
        }
        long micros = decision.reservedMicros();
        Instant now = clock.instant();
        LeaseBook.Spend adgroup = null;
        if (budgets.adgroup().mode().limited()) {
            adgroup =
                    spend(
                            "ADGROUP",
                            budgets.adgroupId(),
                            budgets.adgroup(),
                            budgets,
                            micros,
                            at,
                            now);
            if (adgroup == null) {
                return null;
            }
        }
        LeaseBook.Spend campaign = null;
        if (budgets.campaign().mode().limited()) {
            campaign =
                    spend(
                            "CAMPAIGN",
                            budgets.campaignId(),
                            budgets.campaign(),
                            budgets,
                            micros,
                            at,
                            now);
            if (campaign == null) {
                if (adgroup != null) {
                    book.unspend(adgroup);
                }
                return null;
            }
        }
        LeaseBook.Spend adgroupSpend = adgroup;
        LeaseBook.Spend campaignSpend = campaign;
        return () -> unspend(adgroupSpend, campaignSpend);
    }

    /** Gives back the spends of one serving; {@code null} for a budget without a limit. */
    private void unspend(LeaseBook.Spend adgroup, LeaseBook.Spend campaign) {
        if (adgroup != null) {
            book.unspend(adgroup);
        }
        if (campaign != null) {
            book.unspend(campaign);
        }
    }

    private LeaseBook.Spend spend(
            String level,
            long ownerId,
            Budget budget,
            AdBudgets budgets,
            long micros,
            Instant at,
            Instant now) {
        BudgetPeriod period =
                budget.mode() == BudgetMode.BUDGET_MODE_DAY
                        ? BudgetPeriod.dayOf(at, budgets.zone())
                        : BudgetPeriod.TOTAL;
        long budgetMicros = micros(budget.amount());
        // pacing is the ad group's: it paces the ad group's own daily budget, not the campaign's
        Pacing pacing = level.equals("ADGROUP") ? budgets.pacing() : Pacing.PACING_MODE_FAST;
        long limit = pacing.allowedMicros(budgetMicros, period, at, micros);
        return book.spend(new BudgetKey(level, ownerId, period.key()), micros, limit, now);
    }

    @Scheduled(
            initialDelayString = "${sparkads.delivery.budget-leases.sweep:1s}",
            fixedDelayString = "${sparkads.delivery.budget-leases.sweep:1s}")
    void sweep() {
        Instant now = clock.instant();
        book.settleIdle(now);
        table.reclaimAllExpired(now);
    }

    @PreDestroy
    void returnAll() {
        book.settleAll();
        prefetcher.shutdown();
        try {
            prefetcher.awaitTermination(5, TimeUnit.SECONDS); // the spent leases settling
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ZoneId zoneOf(BudgetKey key) {
        Map<Long, ZoneId> zones = key.level().equals("CAMPAIGN") ? zoneByCampaign : zoneByAdgroup;
        return zones.getOrDefault(key.ownerId(), ZoneId.of("UTC"));
    }

    private void register(MeterRegistry registry) {
        FunctionCounter.builder("sparkads.budget.leases.taken", book, b -> b.counts().taken())
                .description("Budget leases taken from the shared budget table")
                .register(registry);
        FunctionCounter.builder("sparkads.budget.leases.returned", book, b -> b.counts().returned())
                .description("Budget leases settled, their unused part given back")
                .register(registry);
        FunctionCounter.builder("sparkads.budget.leases.refused", book, b -> b.counts().refused())
                .description("Budget leases refused: the budget had nothing left")
                .register(registry);
        Gauge.builder("sparkads.budget.leases.reserved", book, b -> b.outstandingMicros() / 1e6)
                .description("Budget reserved by this server's leases and not yet spent")
                .baseUnit("currency")
                .register(registry);
    }

    private static long micros(BigDecimal amount) {
        BigDecimal micros = amount.movePointRight(6);
        return micros.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 4)) > 0
                ? Long.MAX_VALUE / 4
                : micros.longValueExact();
    }

    private static String serverName() {
        return ManagementFactory.getRuntimeMXBean().getName()
                + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
