/**
 * The lean listener: a Netty HTTP server on its own port beside the Spring application that serves
 * the platform API's two hot endpoints, {@code POST /platform/v1/ad_requests} and {@code POST
 * /platform/v1/events}, without the servlet stack, through the same beans as the MVC controllers
 * (delivery's {@code PlatformAdRequests}, tracking's {@code PlatformEvents}, accounts' {@code
 * AccessTokens}) and with the same problem details.
 */
@ApplicationModule(allowedDependencies = {"common", "delivery", "tracking", "accounts"})
package io.sparkads.edge;

import org.springframework.modulith.ApplicationModule;
