package io.sparkads.accounts.web;

import io.sparkads.accounts.Advertiser;
import io.sparkads.accounts.Advertisers;
import org.springframework.stereotype.Component;

/**
 * Ad account names for pages, as {@code ${@advertiserNames.of(id)}}. Pages of modules that may not
 * depend on the accounts module (the Creator Center shows which advertisers use a post, asked for
 * an extension or are linked) name ad accounts through this, as the layout does the signed-in user
 * through {@link PageTopBar}.
 */
@Component("advertiserNames")
class PageAdvertiserNames {
    private final Advertisers advertisers;

    PageAdvertiserNames(Advertisers advertisers) {
        this.advertisers = advertisers;
    }

    public String of(Long advertiserId) {
        if (advertiserId == null) {
            return "—";
        }
        return advertisers
                .find(advertiserId)
                .map(Advertiser::name)
                .orElse("Ad account " + advertiserId);
    }
}
