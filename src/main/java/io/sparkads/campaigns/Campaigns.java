package io.sparkads.campaigns;

import io.sparkads.common.Ids;
import io.sparkads.common.PageRequest;
import io.sparkads.common.Refusal;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Campaigns: an objective and a budget above ad groups. */
@Service
public class Campaigns {
    static final RowMapper<Campaign> ROW =
            (rs, n) ->
                    new Campaign(
                            rs.getLong("id"),
                            rs.getLong("advertiser_id"),
                            rs.getString("campaign_name"),
                            Objective.valueOf(rs.getString("objective_type")),
                            BudgetMode.valueOf(rs.getString("budget_mode")),
                            rs.getBigDecimal("budget"),
                            OperationStatus.valueOf(rs.getString("operation_status")),
                            rs.getTimestamp("create_time").toInstant(),
                            rs.getTimestamp("modify_time").toInstant());

    private final JdbcClient jdbc;
    private final Clock clock;
    private final StatusChanges statusChanges;

    Campaigns(JdbcClient jdbc, Clock clock, StatusChanges statusChanges) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.statusChanges = statusChanges;
    }

    /** A campaign to create: a name, an objective and a budget. */
    public record NewCampaign(String campaignName, Objective objectiveType, Budget budget) {
        public NewCampaign {
            Check.name("campaign_name", campaignName);
            campaignName = campaignName.strip();
            if (objectiveType == null || budget == null) {
                throw Refusal.invalid("a campaign needs an objective_type and a budget");
            }
        }

        /** The campaign a request describes, checked in the order the fields are read. */
        public static NewCampaign of(
                String campaignName, String objectiveType, String budgetMode, BigDecimal budget) {
            Check.name("campaign_name", campaignName);
            Objective objective = Objective.of(objectiveType);
            return new NewCampaign(campaignName, objective, Budget.of(budgetMode, budget, null));
        }
    }

    @Transactional
    public Campaign create(long advertiserId, NewCampaign draft) {
        Instant now = clock.instant();
        long id = Ids.next();
        jdbc.sql(
                        """
                        insert into campaigns (id, advertiser_id, campaign_name, objective_type, budget_mode, budget,
                                               operation_status, create_time, modify_time)
                        values (?, ?, ?, ?, ?, ?, 'ENABLE', ?, ?)
                        """)
                .params(
                        id,
                        advertiserId,
                        draft.campaignName(),
                        draft.objectiveType().name(),
                        draft.budget().mode().name(),
                        draft.budget().amount(),
                        Timestamp.from(now),
                        Timestamp.from(now))
                .update();
        return get(advertiserId, id);
    }

    /** Renames the campaign. */
    @Transactional
    public Campaign rename(long advertiserId, long campaignId, String campaignName) {
        return change(advertiserId, campaignId, campaignName, null);
    }

    /**
     * Renames the campaign and/or changes its budget ({@code null}: keep); the budget mode stays as
     * created, as on TikTok, so a campaign without a limit takes no amount.
     */
    @Transactional
    public Campaign change(
            long advertiserId, long campaignId, String campaignName, BigDecimal budget) {
        Campaign campaign = get(advertiserId, campaignId);
        String name = campaignName == null ? campaign.campaignName() : campaignName;
        Check.name("campaign_name", name);
        if (budget != null && !campaign.budgetMode().limited()) {
            throw Refusal.invalid(
                    "budget cannot be set on a campaign with budget_mode BUDGET_MODE_INFINITE");
        }
        Budget newBudget =
                new Budget(campaign.budgetMode(), budget == null ? campaign.budget() : budget);
        jdbc.sql("update campaigns set campaign_name = ?, budget = ?, modify_time = ? where id = ?")
                .params(
                        name.strip(),
                        newBudget.amount(),
                        Timestamp.from(clock.instant()),
                        campaignId)
                .update();
        return get(advertiserId, campaignId);
    }

    /** The advertiser's campaign; another advertiser's campaign is as unknown as a missing one. */
    public Campaign get(long advertiserId, long campaignId) {
        return StatusChanges.Level.CAMPAIGNS.get(jdbc, advertiserId, campaignId, ROW);
    }

    /**
     * What campaign/get may filter on: ids, objective, a name fragment, and the operation status
     * ({@code null}: every campaign that is not deleted).
     */
    public record CampaignFilter(
            Collection<Long> ids,
            String objectiveType,
            String nameContains,
            OperationStatus status) {}

    private static final String FILTER =
            """
             where advertiser_id = :advertiser
               and (case when cast(:status as text) is null then operation_status <> 'DELETE' else operation_status = :status end)
               and (:all or id in (:ids))
               and (cast(:objective as text) is null or objective_type = :objective)
               and (cast(:name as text) is null or campaign_name ilike :name)
            """;

    public List<Campaign> list(long advertiserId, CampaignFilter filter, PageRequest page) {
        return filtered(advertiserId, filter).page("select * from campaigns", "", page, ROW);
    }

    /** The columns the campaigns list sorts by, with the SQL that orders them. */
    public enum Sort {
        NAME("lower(campaign_name)"),
        STATUS("operation_status"),
        BUDGET("budget"),
        CREATED("create_time");

        private final String column;

        Sort(String column) {
            this.column = column;
        }
    }

    /** The campaigns, sorted by one column ({@code ascending} or not), a page at a time. */
    public List<Campaign> list(
            long advertiserId,
            CampaignFilter filter,
            Sort sort,
            boolean ascending,
            PageRequest page) {
        return filtered(advertiserId, filter)
                .sorted("select * from campaigns", "", sort.column, ascending, page, ROW);
    }

    public long count(long advertiserId, CampaignFilter filter) {
        return filtered(advertiserId, filter).count();
    }

    private FilteredRows filtered(long advertiserId, CampaignFilter filter) {
        return new FilteredRows(jdbc, "campaigns", FILTER, filterParams(advertiserId, filter));
    }

    private static Map<String, Object> filterParams(long advertiserId, CampaignFilter filter) {
        Map<String, Object> params = new HashMap<>();
        params.put("advertiser", advertiserId);
        params.put("status", filter.status() == null ? null : filter.status().name());
        params.put("all", filter.ids().isEmpty());
        params.put("ids", filter.ids().isEmpty() ? List.of(0L) : filter.ids());
        params.put("objective", filter.objectiveType());
        params.put(
                "name",
                filter.nameContains() == null
                        ? null
                        : "%"
                                + filter.nameContains().replace("%", "\\%").replace("_", "\\_")
                                + "%");
        return params;
    }

    /** The advertiser's campaigns that are not deleted, all or those with these ids. */
    public List<Campaign> list(long advertiserId, Collection<Long> ids, PageRequest page) {
        return list(advertiserId, new CampaignFilter(ids, null, null, null), page);
    }

    public long count(long advertiserId, Collection<Long> ids) {
        return count(advertiserId, new CampaignFilter(ids, null, null, null));
    }

    @Transactional
    public void updateStatus(
            long advertiserId, Collection<Long> campaignIds, OperationStatus status) {
        statusChanges.change(advertiserId, StatusChanges.Level.CAMPAIGNS, campaignIds, status);
    }
}
