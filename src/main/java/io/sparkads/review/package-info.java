/**
 * Ad review: every ad submitted for review first passes automatic checks (authorization, the post
 * is public, policy terms, the landing URL), each with a reason; then a reviewer approves it, or
 * rejects it with a reason the advertiser sees. A setting approves ads that pass every check.
 */
@ApplicationModule(
        allowedDependencies = {"common", "campaigns", "accounts", "authorization", "content"})
package io.sparkads.review;

import org.springframework.modulith.ApplicationModule;
