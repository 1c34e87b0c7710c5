/**
 * The host app's accounts (the identities behind Spark Ads) and their organic posts with organic
 * counters and, apart, the paid counters their Spark ads credit to them. Deleting a post or making
 * it private is announced with an event, so every ad using it stops.
 */
@ApplicationModule(allowedDependencies = "common")
package io.sparkads.content;

import org.springframework.modulith.ApplicationModule;
