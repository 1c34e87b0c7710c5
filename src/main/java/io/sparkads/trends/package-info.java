/**
 * Trend discovery: what is trending in organic content, read from the posts' organic counters, and
 * which posts are Spark-ready (established organic views and likes).
 */
@ApplicationModule(allowedDependencies = {"common", "content"})
package io.sparkads.trends;

import org.springframework.modulith.ApplicationModule;
