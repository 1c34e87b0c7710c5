package io.sparkads.reporting;

import java.util.Set;

/** Paid events added spend to these ads: budgets may be used up now. */
public record RollupsChanged(Set<Long> adIds) {}
