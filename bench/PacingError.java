import io.sparkads.delivery.engine.BudgetKey;
import io.sparkads.delivery.engine.BudgetPeriod;
import io.sparkads.delivery.engine.LeaseBook;
import io.sparkads.delivery.engine.LeaseSource;
import io.sparkads.delivery.engine.Pacing;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * Simulated days of smooth pacing with a controllable clock: a daily budget served through budget
 * leases (slices of 20 servings, the default) by requests arriving every {@code interval} seconds,
 * each reserving one billing event; prints the largest relative difference between spend and the
 * elapsed share of the day once a tenth of the day has passed, and the share of the budget spent,
 * for a 24-, a 23- and a 25-hour day.
 *
 * <p>{@code java -cp target/classes bench/PacingError.java [budget] [price] [interval-seconds]}
 */
public class PacingError {
    public static void main(String[] args) {
        long budget = (long) (Double.parseDouble(args.length > 0 ? args[0] : "20.00") * 1e6);
        long price = (long) (Double.parseDouble(args.length > 1 ? args[1] : "0.01") * 1e6);
        int interval = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        ZoneId zone = ZoneId.of("Europe/Berlin");
        for (String date : new String[] {"2026-06-01", "2026-03-29", "2026-10-25"}) {
            BudgetPeriod day =
                    BudgetPeriod.dayOf(LocalDate.parse(date).atTime(12, 0).atZone(zone).toInstant(), zone);
            LeaseBook book = new LeaseBook(new Table(), LeaseBook.Settings.DEFAULT);
            BudgetKey key = new BudgetKey("ADGROUP", 1, day.key());
            long spent = 0;
            double worst = 0;
            for (Instant t = day.start(); t.isBefore(day.end()); t = t.plusSeconds(interval)) {
                long limit = Pacing.PACING_MODE_SMOOTH.allowedMicros(budget, day, t, price);
                if (book.spend(key, price, limit, t) != null) {
                    spent += price;
                }
                double share =
                        (double) Duration.between(day.start(), t).toMillis() / day.length().toMillis();
                if (share >= 0.1) {
                    worst = Math.max(worst, Math.abs(spent / (budget * share) - 1));
                }
                book.settleIdle(t);
            }
            System.out.printf(
                    "%s (%d h): worst pacing error %.2f%%, spent %.2f%% of the budget%n",
                    date, day.length().toHours(), worst * 100, 100.0 * spent / budget);
        }
    }

    /** The shared budget table, in memory. */
    static final class Table implements LeaseSource {
        final Map<BudgetKey, Long> reserved = new HashMap<>();
        long ids;

        public Lease take(BudgetKey key, long wanted, long min, long limit, Instant now) {
            long r = reserved.getOrDefault(key, 0L);
            long grant = Math.min(wanted, limit - r);
            if (grant < min) {
                return null;
            }
            reserved.put(key, r + grant);
            return new Lease(++ids, grant, now.plus(LeaseBook.Settings.DEFAULT.ttl()));
        }

        public void settle(BudgetKey key, Lease lease, long used) {
            reserved.merge(key, -(lease.amountMicros() - used), Long::sum);
        }
    }
}
