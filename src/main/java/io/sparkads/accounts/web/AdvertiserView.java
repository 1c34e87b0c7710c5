package io.sparkads.accounts.web;

import io.sparkads.accounts.Advertiser;

/**
 * An ad account as the APIs show it: the admin API answers with it, and the Business API's {@code
 * advertiser/info} inlines it.
 */
record AdvertiserView(String advertiserId, String name, String currency, String timezone) {
    static AdvertiserView of(Advertiser a) {
        return new AdvertiserView(
                String.valueOf(a.id()), a.name(), a.currency(), a.timezone().getId());
    }
}
