/**
 * Hourly rollups of paid metrics and the report API that reads them (never raw events), with daily
 * rows in the advertiser's time zone, and the usage ledger that shows creators who uses their posts
 * and what it earned.
 */
@ApplicationModule(
        allowedDependencies = {
            "common",
            "accounts",
            "campaigns",
            "authorization",
            "content",
            "review"
        })
package io.sparkads.reporting;

import org.springframework.modulith.ApplicationModule;
