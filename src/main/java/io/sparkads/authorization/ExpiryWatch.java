package io.sparkads.authorization;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Expires codes once a second, so the ads using them change status and the advertiser sees why.
 * Delivery does not wait for this: the decision engine already stops at the authorization's end.
 */
@Component
class ExpiryWatch {
    private final AuthorizationCodes codes;

    ExpiryWatch(AuthorizationCodes codes) {
        this.codes = codes;
    }

    @Scheduled(fixedDelayString = "${sparkads.authorization.expiry-check-interval:1s}")
    void expireDueCodes() {
        codes.expireDueCodes();
    }
}
