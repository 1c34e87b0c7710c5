/**
 * The ad decision engine and its wiring. The engine ({@code engine} package) is plain Java, kept in
 * memory and fed by campaign and authorization events; this package serves ad requests with it and
 * verifies the signed impression ids that paid events carry.
 */
@ApplicationModule(allowedDependencies = {"common", "campaigns", "authorization", "reporting"})
package io.sparkads.delivery;

import org.springframework.modulith.ApplicationModule;
