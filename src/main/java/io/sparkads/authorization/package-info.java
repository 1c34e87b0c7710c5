/**
 * How a post becomes usable as an ad: the creator turns on ad authorization and issues a code, an
 * advertiser applies it and the post joins the ad account's creative library. Revoking announces
 * {@link io.sparkads.authorization.SparkAuthorizationRevoked} so every ad using the post stops.
 */
@ApplicationModule(allowedDependencies = {"common", "content"})
package io.sparkads.authorization;

import org.springframework.modulith.ApplicationModule;
