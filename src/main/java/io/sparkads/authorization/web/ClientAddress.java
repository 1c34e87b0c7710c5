package io.sparkads.authorization.web;

import jakarta.servlet.http.HttpServletRequest;

/** The client's network address, for the audit trail and the code-attempt limits. */
final class ClientAddress {
    private ClientAddress() {}

    static String of(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
