package io.sparkads.campaigns;

/** How a budget counts spend, TikTok's {@code budget_mode}: no limit, per day or in total. */
public enum BudgetMode {
    BUDGET_MODE_INFINITE,
    BUDGET_MODE_DAY,
    BUDGET_MODE_TOTAL;

    /** The mode a request names; {@code fallback} when it names none ({@code null}: required). */
    public static BudgetMode of(String value, BudgetMode fallback) {
        return Check.oneOf("budget_mode", value, BudgetMode.class, fallback);
    }

    /** Whether spend stops at an amount. */
    public boolean limited() {
        return this != BUDGET_MODE_INFINITE;
    }
}
