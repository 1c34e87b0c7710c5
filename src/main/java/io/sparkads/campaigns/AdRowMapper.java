package io.sparkads.campaigns;

import io.sparkads.accounts.Advertisers;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Reads an ad with the state of its ad group and campaign, and works out TikTok's {@code
 * secondary_status} from them, its budgets and the time now.
 */
@Component
class AdRowMapper implements RowMapper<Ad> {
    /** An ad row joined to what its secondary status depends on; callers add the where clause. */
    static final String SELECT =
            """
            select a.*, g.operation_status as adgroup_status, g.schedule_start_time, g.schedule_end_time,
                   c.operation_status as campaign_status, c.budget_mode as campaign_budget_mode,
                   c.budget as campaign_budget, g.budget_mode as adgroup_budget_mode, g.budget as adgroup_budget
            from ads a join adgroups g on g.id = a.adgroup_id join campaigns c on c.id = a.campaign_id
            """;

    private final Clock clock;
    private final Budgets budgets;
    private final Advertisers advertisers;

    AdRowMapper(Clock clock, Budgets budgets, Advertisers advertisers) {
        this.clock = clock;
        this.budgets = budgets;
        this.advertisers = advertisers;
    }

    @Override
    public Ad mapRow(ResultSet rs, int rowNum) throws SQLException {
        OperationStatus operation = OperationStatus.valueOf(rs.getString("operation_status"));
        Ad.ReviewStatus review = Ad.ReviewStatus.valueOf(rs.getString("review_status"));
        Ad.AuthorizationStatus authorization =
                Ad.AuthorizationStatus.valueOf(rs.getString("authorization_status"));
        Timestamp end = rs.getTimestamp("schedule_end_time");
        Budgets.State budget =
                budgets.state(
                        rs.getLong("campaign_id"),
                        rs.getString("campaign_budget_mode"),
                        rs.getBigDecimal("campaign_budget"),
                        rs.getLong("adgroup_id"),
                        rs.getString("adgroup_budget_mode"),
                        rs.getBigDecimal("adgroup_budget"),
                        advertisers.timezone(rs.getLong("advertiser_id")));
        String secondary =
                SecondaryStatus.of(
                        operation,
                        review,
                        authorization,
                        OperationStatus.valueOf(rs.getString("adgroup_status")),
                        OperationStatus.valueOf(rs.getString("campaign_status")),
                        rs.getTimestamp("schedule_start_time").toInstant(),
                        end == null ? null : end.toInstant(),
                        clock.instant(),
                        budget == Budgets.State.CAMPAIGN_EXCEEDED,
                        budget == Budgets.State.ADGROUP_EXCEEDED);
        return new Ad(
                rs.getLong("id"),
                rs.getLong("advertiser_id"),
                rs.getLong("campaign_id"),
                rs.getLong("adgroup_id"),
                rs.getString("ad_name"),
                rs.getString("identity_type"),
                rs.getString("identity_id"),
                (Long) rs.getObject("tiktok_item_id"),
                rs.getBoolean("is_spark"),
                rs.getString("ad_text"),
                rs.getString("call_to_action"),
                rs.getString("landing_page_url"),
                operation,
                review,
                rs.getString("reject_reason"),
                authorization,
                rs.getString("authorization_reason"),
                secondary,
                rs.getTimestamp("create_time").toInstant(),
                rs.getTimestamp("modify_time").toInstant(),
                (Long) rs.getObject("video_id"),
                rs.getString("tiktok_page_category"));
    }
}
