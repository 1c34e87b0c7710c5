/**
 * People and ad accounts: users and their roles, sign-in, ad accounts (advertisers) with their time
 * zone and currency, and the access tokens of the Business, platform and admin APIs.
 */
@ApplicationModule(allowedDependencies = "common")
package io.sparkads.accounts;

import org.springframework.modulith.ApplicationModule;
