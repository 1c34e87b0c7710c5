/**
 * A demo that is alive: on the demo workspace, a running campaign with a Spark ad and a non-Spark
 * ad, two weeks of history, and viewers played through the platform API. Everything goes through
 * the same public services and APIs as real advertisers, reviewers and host apps use.
 */
@ApplicationModule(
        allowedDependencies = {
            "common",
            "accounts",
            "content",
            "authorization",
            "campaigns",
            "review",
            "delivery",
            "tracking"
        })
package io.sparkads.demo;

import org.springframework.modulith.ApplicationModule;
