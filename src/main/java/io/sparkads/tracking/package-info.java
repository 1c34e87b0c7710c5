/**
 * Event intake: organic and paid events in batches, de-duplicated, appended to the durable event
 * log and folded into paid rollups or organic counters in the same transaction.
 */
@ApplicationModule(allowedDependencies = {"common", "delivery", "reporting", "content"})
package io.sparkads.tracking;

import org.springframework.modulith.ApplicationModule;
