package io.sparkads.reporting.web;

import io.sparkads.campaigns.AdGroups;
import io.sparkads.campaigns.Ads;
import io.sparkads.campaigns.Campaigns;
import io.sparkads.common.PageRequest;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The names of the campaigns, ad groups and ads a report's rows are about, and their pages. */
@Component
class ReportNames {
    private static final PageRequest ALL = new PageRequest(1, PageRequest.MAX_PAGE_SIZE);

    private final Campaigns campaigns;
    private final AdGroups adGroups;
    private final Ads ads;

    ReportNames(Campaigns campaigns, AdGroups adGroups, Ads ads) {
        this.campaigns = campaigns;
        this.adGroups = adGroups;
        this.ads = ads;
    }

    /** Names by id; an id missing from the answer belongs to something deleted. */
    Map<Long, String> of(long advertiserId, ReportLevel level, Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        List<Long> wanted = List.copyOf(ids);
        for (int from = 0; from < wanted.size(); from += PageRequest.MAX_PAGE_SIZE) {
            List<Long> chunk =
                    wanted.subList(from, Math.min(wanted.size(), from + PageRequest.MAX_PAGE_SIZE));
            switch (level) {
                case CAMPAIGN ->
                        campaigns
                                .list(advertiserId, chunk, ALL)
                                .forEach(c -> names.put(c.id(), c.campaignName()));
                case ADGROUP ->
                        adGroups.list(advertiserId, List.of(), chunk, ALL)
                                .forEach(g -> names.put(g.id(), g.adgroupName()));
                case AD ->
                        ads.list(
                                        advertiserId,
                                        new Ads.AdListFilter(List.of(), List.of(), chunk),
                                        ALL)
                                .forEach(a -> names.put(a.id(), a.adName()));
                case ACCOUNT -> {}
            }
        }
        return names;
    }

    /** What a row says when its campaign, ad group or ad is gone. */
    static String deleted(ReportLevel level) {
        return "Deleted " + level.rowLabel().toLowerCase();
    }

    static String href(ReportLevel level, long id) {
        return switch (level) {
            case CAMPAIGN -> "/ads/campaigns/" + id;
            case ADGROUP -> "/ads/adgroups/" + id;
            case AD -> "/ads/ads/" + id;
            case ACCOUNT -> null;
        };
    }

    /** Choices for the Reporting page's filters: the account's campaigns, ad groups and ads. */
    record Choice(long id, String name) {}

    List<Choice> campaigns(long advertiserId) {
        return campaigns.list(advertiserId, List.of(), ALL).stream()
                .map(c -> new Choice(c.id(), c.campaignName()))
                .toList();
    }

    List<Choice> adGroups(long advertiserId, List<Long> campaignIds) {
        return adGroups.list(advertiserId, campaignIds, List.of(), ALL).stream()
                .map(g -> new Choice(g.id(), g.adgroupName()))
                .toList();
    }

    List<Choice> ads(long advertiserId, List<Long> campaignIds, List<Long> adgroupIds) {
        return ads
                .list(advertiserId, new Ads.AdListFilter(campaignIds, adgroupIds, List.of()), ALL)
                .stream()
                .map(a -> new Choice(a.id(), a.adName()))
                .toList();
    }
}
