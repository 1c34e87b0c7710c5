/**
 * Campaigns, ad groups and ads with TikTok's field names: objectives, budgets, placement,
 * targeting, schedule and bidding; Spark ads whose creative is an authorized post. Every new ad
 * enters review; status follows TikTok's {@code secondary_status} names.
 */
@ApplicationModule(allowedDependencies = {"common", "content", "authorization", "accounts"})
package io.sparkads.campaigns;

import org.springframework.modulith.ApplicationModule;
