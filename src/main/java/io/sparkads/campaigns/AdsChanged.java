package io.sparkads.campaigns;

import java.util.Set;

/**
 * Something that decides whether these ads may deliver changed; the decision engine re-reads them.
 */
public record AdsChanged(Set<Long> adIds) {}
