package io.sparkads.reporting.web;

import java.util.Locale;

/**
 * What a report's rows are: the whole ad account, or each campaign, ad group or ad. TikTok names
 * the level once ({@code ADGROUP}); its data level, id dimension and filter field follow from that
 * name by TikTok's rule.
 */
enum ReportLevel implements ReportChoice {
    ACCOUNT("Account", "Ad account", "ADVERTISER"),
    CAMPAIGN("Campaigns", "Campaign", "CAMPAIGN"),
    ADGROUP("Ad groups", "Ad group", "ADGROUP"),
    AD("Ads", "Ad", "AD");

    private final String label;
    private final String rowLabel;
    private final String tikTokName;

    ReportLevel(String label, String rowLabel, String tikTokName) {
        this.label = label;
        this.rowLabel = rowLabel;
        this.tikTokName = tikTokName;
    }

    static ReportLevel of(String key) {
        return ReportChoice.of(values(), key, CAMPAIGN, "Show the report by");
    }

    @Override
    public String label() {
        return label;
    }

    /** The heading of a row's name column. */
    String rowLabel() {
        return rowLabel;
    }

    /** The report API's {@code data_level}, such as {@code AUCTION_ADGROUP}. */
    String dataLevel() {
        return "AUCTION_" + tikTokName;
    }

    /** The report API's dimension of a row's id, such as {@code adgroup_id}. */
    String idDimension() {
        return tikTokName.toLowerCase(Locale.ROOT) + "_id";
    }

    /** TikTok's filter field for ids of this level; none for the whole account. */
    String filterField() {
        return this == ACCOUNT ? null : idDimension() + "s";
    }
}
