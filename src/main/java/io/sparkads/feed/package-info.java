/**
 * The reference host app: a viewer's feed ({@code /feed}) and profile pages ({@code /feed/@handle})
 * built only on the public platform API, as an integrator would build them. The server holds the
 * app's platform token, issued through the same service as {@code POST /admin/v1/platform_tokens};
 * the pages' scripts call the platform API with it, nothing else.
 */
@ApplicationModule(allowedDependencies = {"common", "accounts", "campaigns"})
package io.sparkads.feed;

import org.springframework.modulith.ApplicationModule;
