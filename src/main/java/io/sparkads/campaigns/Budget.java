package io.sparkads.campaigns;

import io.sparkads.common.Refusal;
import java.math.BigDecimal;

/**
 * A campaign's or an ad group's budget: no limit, or a positive amount of at most 2 decimals per
 * day or in total. Without a limit there is no amount.
 */
public record Budget(BudgetMode mode, BigDecimal amount) {
    public static final Budget UNLIMITED = new Budget(BudgetMode.BUDGET_MODE_INFINITE, null);

    public Budget {
        if (mode == null) {
            throw Refusal.invalid("budget_mode is required");
        }
        if (!mode.limited()) {
            amount = null;
        } else {
            if (amount == null || amount.signum() <= 0) {
                throw Refusal.invalid("budget must be greater than 0 when budget_mode is " + mode);
            }
            if (amount.scale() > 2 || amount.precision() - amount.scale() > 14) {
                throw Refusal.invalid("budget must have at most 2 decimals and 14 integer digits");
            }
        }
    }

    /** The budget a request describes; {@code fallback} mode when it names none. */
    public static Budget of(String mode, BigDecimal amount, BudgetMode fallback) {
        return new Budget(BudgetMode.of(mode, fallback), amount);
    }

    /** The same mode with another amount; a budget without limit keeps none. */
    public Budget withAmount(BigDecimal newAmount) {
        return new Budget(mode, newAmount);
    }
}
