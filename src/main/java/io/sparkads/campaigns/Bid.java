package io.sparkads.campaigns;

import io.sparkads.common.Refusal;
import java.math.BigDecimal;

/**
 * What an ad group pays and what delivery optimizes for: a billing event, a positive price of at
 * most 4 decimals, and a goal that the billing event can serve. For {@link Billing#OCPM} the price
 * is the target cost per conversion (TikTok's {@code conversion_bid_price}).
 */
public record Bid(Billing billingEvent, BigDecimal price, OptimizationGoal goal) {
    public Bid {
        if (billingEvent == null) {
            throw Refusal.invalid("billing_event is required");
        }
        checkPrice(price, billingEvent);
        if (goal == null) {
            goal = billingEvent.goals().get(0);
        }
        if (!billingEvent.goals().contains(goal)) {
            throw unfit(goal.name(), billingEvent);
        }
    }

    /**
     * The bid a request describes; the goal defaults to the billing event's first. An unknown goal
     * is refused like one that does not fit.
     */
    public static Bid of(Billing billingEvent, BigDecimal price, String goal) {
        if (billingEvent == null) {
            throw Refusal.invalid("billing_event is required");
        }
        checkPrice(price, billingEvent);
        return new Bid(billingEvent, price, goal == null ? null : goal(goal, billingEvent));
    }

    private static OptimizationGoal goal(String goal, Billing billingEvent) {
        return OptimizationGoal.named(goal)
                .filter(billingEvent.goals()::contains)
                .orElseThrow(() -> unfit(goal, billingEvent));
    }

    private static void checkPrice(BigDecimal price, Billing billingEvent) {
        String field =
                billingEvent == Billing.OCPM
                        ? "conversion_bid_price (the target cost per conversion)"
                        : "bid_price";
        if (price == null || price.signum() <= 0) {
            throw Refusal.invalid(field + " is required and must be greater than 0");
        }
        if (price.scale() > 4 || price.precision() - price.scale() > 12) {
            throw Refusal.invalid(field + " must have at most 4 decimals");
        }
    }

    private static Refusal unfit(String goal, Billing billingEvent) {
        return Refusal.invalid(
                "optimization_goal "
                        + goal
                        + " does not fit billing_event "
                        + billingEvent
                        + "; use one of "
                        + String.join(
                                ", ", billingEvent.goals().stream().map(Enum::name).toList()));
    }

    public Bid withPrice(BigDecimal newPrice) {
        return new Bid(billingEvent, newPrice, goal);
    }
}
