/**
 * Hourly rollups of paid metrics and the report API that reads them (never raw events), with
 * daily rows in the advertiser's time zone.
 */
@ApplicationModule(allowedDependencies = {"common", "accounts"})
package io.sparkads.reporting;

import org.springframework.modulith.ApplicationModule;
