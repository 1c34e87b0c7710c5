/**
 * Trend discovery: boards of hashtags, sounds, creators and posts ranked by organic activity inside
 * a window, from daily aggregates folded about once a second from tracking's organic events (queued
 * in the intake transaction) and kept at once for content's new posts; and which posts are
 * Spark-ready (established organic views and likes).
 */
@ApplicationModule(allowedDependencies = {"common", "content", "tracking"})
package io.sparkads.trends;

import org.springframework.modulith.ApplicationModule;
