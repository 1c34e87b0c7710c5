package io.sparkads.common;

import java.util.Set;

/**
 * Who calls the Business API: the advertisers its access token is bound to. Controllers take it as
 * a parameter and ask it for the advertiser a request names, so that a token never reaches another
 * advertiser's data.
 */
public record BusinessCaller(long tokenId, Set<Long> advertiserIds) {

    public BusinessCaller {
        advertiserIds = Set.copyOf(advertiserIds);
    }

    /** The advertiser named by a request, checked against the token; TikTok's auth error if not. */
    public long advertiser(String rawAdvertiserId) {
        if (rawAdvertiserId == null || rawAdvertiserId.isBlank()) {
            throw BusinessApiException.parameter("advertiser_id is required");
        }
        Long id = Ids.parse(rawAdvertiserId);
        if (id == null) {
            throw BusinessApiException.parameter(
                    "advertiser_id must be a numeric id, was '" + rawAdvertiserId + "'");
        }
        if (!advertiserIds.contains(id)) {
            throw BusinessApiException.auth(
                    "The access token has no permission for advertiser_id " + id);
        }
        return id;
    }
}
