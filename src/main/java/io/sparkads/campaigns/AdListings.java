package io.sparkads.campaigns;

import io.sparkads.common.PageRequest;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The Ads Manager's list of ads: narrowed to a campaign and to names holding some text, sorted by
 * one of its columns, each ad with the names of its campaign and ad group, so a row can link to
 * both.
 */
@Service
public class AdListings {
    private final JdbcClient jdbc;
    private final AdRowMapper rowMapper;

    AdListings(JdbcClient jdbc, AdRowMapper rowMapper) {
        this.jdbc = jdbc;
        this.rowMapper = rowMapper;
    }

    /** The columns the list sorts by, with the SQL that orders them. */
    public enum Sort {
        NAME("lower(a.ad_name)"),
        CAMPAIGN("lower(c.campaign_name)"),
        ADGROUP("lower(g.adgroup_name)"),
        CREATED("a.create_time");

        private final String column;

        Sort(String column) {
            this.column = column;
        }

        String column() {
            return column;
        }
    }

    /**
     * Which ads: all of the ad account's, or only one campaign's ({@code campaignId}) or one ad
     * group's ({@code adgroupId}), or those whose name holds {@code nameContains} (any case).
     */
    public record Query(
            Long campaignId, Long adgroupId, String nameContains, Sort sort, boolean ascending) {
        public Query {
            nameContains = nameContains == null ? "" : nameContains.strip();
            sort = sort == null ? Sort.CREATED : sort;
        }

        /** One ad group's ads, sorted. */
        public static Query ofAdGroup(long adgroupId, Sort sort, boolean ascending) {
            return new Query(null, adgroupId, null, sort, ascending);
        }
    }

    /** An ad with the names of its campaign and ad group. */
    public record Listed(Ad ad, String campaignName, String adgroupName) {}

    private static final String SELECT =
            AdRowMapper.SELECT.replace(
                    "select a.*,", "select a.*, c.campaign_name, g.adgroup_name,");

    private static final String WHERE =
            """
             where a.advertiser_id = :advertiser and a.operation_status <> 'DELETE'
               and (:allCampaigns or a.campaign_id = :campaign)
               and (:allAdgroups or a.adgroup_id = :adgroup)
               and (:name = '' or strpos(lower(a.ad_name), lower(:name)) > 0)
            """;

    public List<Listed> list(long advertiserId, Query query, PageRequest page) {
        return bound(
                        SELECT
                                + WHERE
                                + FilteredRows.orderBy(
                                        query.sort().column(), query.ascending(), "a.id")
                                + " limit :limit offset :offset",
                        advertiserId,
                        query)
                .param("limit", page.pageSize())
                .param("offset", page.offset())
                .query(
                        (rs, n) ->
                                new Listed(
                                        rowMapper.mapRow(rs, n),
                                        rs.getString("campaign_name"),
                                        rs.getString("adgroup_name")))
                .list();
    }

    public long count(long advertiserId, Query query) {
        return bound(
                        "select count(*) from ads a join campaigns c on c.id = a.campaign_id"
                                + " join adgroups g on g.id = a.adgroup_id"
                                + WHERE,
                        advertiserId,
                        query)
                .query(Long.class)
                .single();
    }

    private JdbcClient.StatementSpec bound(String sql, long advertiserId, Query query) {
        return jdbc.sql(sql)
                .param("advertiser", advertiserId)
                .param("allCampaigns", query.campaignId() == null)
                .param("campaign", query.campaignId() == null ? 0L : query.campaignId())
                .param("allAdgroups", query.adgroupId() == null)
                .param("adgroup", query.adgroupId() == null ? 0L : query.adgroupId())
                .param("name", query.nameContains());
    }
}
