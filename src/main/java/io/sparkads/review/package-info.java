/**
 * Ad review: every ad submitted for review waits in a queue until a reviewer approves it, or
 * rejects it with a reason the advertiser sees.
 */
@ApplicationModule(allowedDependencies = {"common", "campaigns", "accounts"})
package io.sparkads.review;

import org.springframework.modulith.ApplicationModule;
