package io.sparkads.campaigns;

import io.sparkads.common.Refusal;
import java.math.BigDecimal;

/**
 * What an ad group pays and what delivery optimizes for: a billing event, a positive price of at
 * most 4 decimals, and a goal that the billing event can serve.
 */
public record Bid(Billing billingEvent, BigDecimal price, OptimizationGoal goal) {
    public Bid {
        if (billingEvent == null) {
            throw Refusal.invalid("billing_event is required");
        }
        checkPrice(price);
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
        checkPrice(price);
        return new Bid(billingEvent, price, goal == null ? null : goal(goal, billingEvent));
    }

    private static OptimizationGoal goal(String goal, Billing billingEvent) {
        for (OptimizationGoal fit : billingEvent.goals()) {
            if (fit.name().equals(goal)) {
                return fit;
            }
        }
        throw unfit(goal, billingEvent);
    }

    private static void checkPrice(BigDecimal price) {
        if (price == null || price.signum() <= 0) {
            throw Refusal.invalid("bid_price is required and must be greater than 0");
        }
        if (price.scale() > 4 || price.precision() - price.scale() > 12) {
            throw Refusal.invalid("bid_price must have at most 4 decimals");
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
