package io.sparkads.feed;

import io.sparkads.accounts.AccessTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The platform token of the "Reference feed" host app. Set one with {@code
 * sparkads.feed.platform-token} (environment {@code SPARKADS_FEED_PLATFORM_TOKEN}); otherwise the
 * server issues one the first time a feed page is opened, as an operator would with {@code POST
 * /admin/v1/platform_tokens}, and keeps it for as long as it runs (tokens are stored hashed, so it
 * cannot be read back after a restart; a new one is issued then).
 */
@Component
public class ReferenceFeedToken {
    private final AccessTokens tokens;
    private final String configured;
    private volatile String issued;

    ReferenceFeedToken(
            AccessTokens tokens, @Value("${sparkads.feed.platform-token:}") String configured) {
        this.tokens = tokens;
        this.configured = configured;
    }

    /** The token the feed's pages send as {@code Authorization: Bearer}. */
    public String value() {
        if (!configured.isBlank()) {
            return configured;
        }
        String token = issued;
        if (token == null) {
            synchronized (this) {
                if (issued == null) {
                    issued = tokens.issue(AccessTokens.Kind.PLATFORM);
                }
                token = issued;
            }
        }
        return token;
    }
}
