package io.sparkads.reporting.web;

/** What a report's rows are: the whole ad account, or each campaign, ad group or ad. */
enum ReportLevel implements ReportChoice {
    ACCOUNT("Account", "Ad account", "AUCTION_ADVERTISER", "advertiser_id", null),
    CAMPAIGN("Campaigns", "Campaign", "AUCTION_CAMPAIGN", "campaign_id", "campaign_ids"),
    ADGROUP("Ad groups", "Ad group", "AUCTION_ADGROUP", "adgroup_id", "adgroup_ids"),
    AD("Ads", "Ad", "AUCTION_AD", "ad_id", "ad_ids");

    private final String label;
    private final String rowLabel;
    private final String dataLevel;
    private final String idDimension;
    private final String filterField;

    ReportLevel(
            String label,
            String rowLabel,
            String dataLevel,
            String idDimension,
            String filterField) {
        this.label = label;
        this.rowLabel = rowLabel;
        this.dataLevel = dataLevel;
        this.idDimension = idDimension;
        this.filterField = filterField;
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

    String dataLevel() {
        return dataLevel;
    }

    String idDimension() {
        return idDimension;
    }

    /** TikTok's filter field for ids of this level; none for the whole account. */
    String filterField() {
        return filterField;
    }
}
