package io.sparkads.campaigns;

import io.sparkads.common.Ids;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Writes the checked ads of one request in one statement, each waiting in review. */
@Component
class NewAdRows {
    private final JdbcClient jdbc;

    NewAdRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One checked ad to write: the draft as given, and what its checks made of it. */
    record Row(Ads.NewAd draft, CreativeChecks.CheckedCreative creative, String pageCategory) {}

    /** Writes the ads and answers their new ids, in the rows' order. */
    List<Long> insert(long advertiserId, AdGroup adGroup, List<Row> rows, Instant now) {
        int n = rows.size();
        Long[] ids = new Long[n];
        String[] names = new String[n];
        String[] identityTypes = new String[n];
        String[] identityIds = new String[n];
        Long[] items = new Long[n];
        Long[] videos = new Long[n];
        Boolean[] spark = new Boolean[n];
        String[] texts = new String[n];
        String[] callsToAction = new String[n];
        String[] landingPages = new String[n];
        String[] pageCategories = new String[n];
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            ids[i] = Ids.next();
            names[i] = row.draft().adName().strip();
            identityTypes[i] = row.draft().identityType();
            identityIds[i] = row.draft().identityId();
            items[i] = row.draft().tiktokItemId();
            videos[i] = row.draft().videoId();
            spark[i] = row.creative().spark();
            texts[i] = row.creative().text();
            callsToAction[i] = row.creative().callToAction();
            landingPages[i] = row.draft().landingPageUrl();
            pageCategories[i] = row.pageCategory();
        }
        Timestamp at = Timestamp.from(now);
        jdbc.sql(
                        """
                        insert into ads (id, advertiser_id, campaign_id, adgroup_id, ad_name, identity_type, identity_id,
                            tiktok_item_id, video_id, is_spark, ad_text, call_to_action, landing_page_url, operation_status,
                            review_status, create_time, modify_time, tiktok_page_category)
                        select n.id, :advertiser, :campaign, :adgroup, n.name, n.identity_type, n.identity_id, n.item,
                            n.video, n.spark, n.text, n.cta, n.url, 'ENABLE', 'PENDING', :now, :now, n.category
                        from unnest(:ids::bigint[], :names::text[], :identityTypes::text[], :identityIds::text[],
                                    :items::bigint[], :videos::bigint[], :spark::boolean[], :texts::text[],
                                    :ctas::text[], :urls::text[], :categories::text[])
                             as n(id, name, identity_type, identity_id, item, video, spark, text, cta, url, category)
                        """)
                .param("advertiser", advertiserId)
                .param("campaign", adGroup.campaignId())
                .param("adgroup", adGroup.id())
                .param("now", at)
                .param("ids", ids)
                .param("names", names)
                .param("identityTypes", identityTypes)
                .param("identityIds", identityIds)
                .param("items", items)
                .param("videos", videos)
                .param("spark", spark)
                .param("texts", texts)
                .param("ctas", callsToAction)
                .param("urls", landingPages)
                .param("categories", pageCategories)
                .update();
        return List.of(ids);
    }
}
