/**
 * What every module shares: the Business API envelope and error codes, problem details, ids and the
 * clock. Small on purpose, and open to all.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package io.sparkads.common;

import org.springframework.modulith.ApplicationModule;
