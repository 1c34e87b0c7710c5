package io.sparkads.authorization.web;

import io.sparkads.authorization.Actor;
import io.sparkads.common.SignedInPerson;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;

/**
 * Who acts through a web page, for the audit trail: the ad account or creator account, the
 * signed-in person acting for it, and the client's address.
 */
final class WebActors {
    private WebActors() {}

    static Actor advertiser(long advertiserId, HttpServletRequest request) {
        SignedInPerson person = person(request);
        String address = ClientAddress.of(request);
        return person == null
                ? Actor.advertiser(advertiserId, address)
                : Actor.advertiser(advertiserId, person.userId(), person.displayName(), address);
    }

    static Actor creator(long creatorAccountId, HttpServletRequest request) {
        SignedInPerson person = person(request);
        String address = ClientAddress.of(request);
        return person == null
                ? Actor.creator(creatorAccountId, address)
                : Actor.creator(creatorAccountId, person.userId(), person.displayName(), address);
    }

    /** The signed-in person of the request, or null (an API call has none). */
    private static SignedInPerson person(HttpServletRequest request) {
        return request.getUserPrincipal() instanceof Authentication signedIn
                        && signedIn.getPrincipal() instanceof SignedInPerson person
                ? person
                : null;
    }
}
