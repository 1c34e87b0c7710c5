package io.sparkads.campaigns;

import io.sparkads.common.Ids;
import io.sparkads.common.PageRequest;
import io.sparkads.common.Refusal;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Ad groups: where, to whom, when and at what price a campaign's ads run. */
@Service
public class AdGroups {
    static final RowMapper<AdGroup> ROW =
            (rs, n) ->
                    new AdGroup(
                            rs.getLong("id"),
                            rs.getLong("advertiser_id"),
                            rs.getLong("campaign_id"),
                            rs.getString("adgroup_name"),
                            AdPlacement.valueOf(rs.getString("placement")),
                            strings(rs.getArray("location_ids")),
                            strings(rs.getArray("age_groups")),
                            rs.getString("gender"),
                            strings(rs.getArray("languages")),
                            strings(rs.getArray("interest_category_ids")),
                            strings(rs.getArray("operating_systems")),
                            BudgetMode.valueOf(rs.getString("budget_mode")),
                            rs.getBigDecimal("budget"),
                            ScheduleType.valueOf(rs.getString("schedule_type")),
                            rs.getTimestamp("schedule_start_time").toInstant(),
                            rs.getTimestamp("schedule_end_time") == null
                                    ? null
                                    : rs.getTimestamp("schedule_end_time").toInstant(),
                            Billing.valueOf(rs.getString("billing_event")),
                            rs.getBigDecimal("bid_price"),
                            OptimizationGoal.valueOf(rs.getString("optimization_goal")),
                            OperationStatus.valueOf(rs.getString("operation_status")),
                            rs.getTimestamp("create_time").toInstant(),
                            rs.getTimestamp("modify_time").toInstant(),
                            (Integer) rs.getObject("frequency"),
                            (Integer) rs.getObject("frequency_schedule"),
                            rs.getString("dayparting"),
                            (Integer) rs.getObject("topview_daily_impressions"),
                            PacingMode.valueOf(rs.getString("pacing")));

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Campaigns campaigns;
    private final StatusChanges statusChanges;

    AdGroups(JdbcClient jdbc, Clock clock, Campaigns campaigns, StatusChanges statusChanges) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.campaigns = campaigns;
        this.statusChanges = statusChanges;
    }

    @Transactional
    public AdGroup create(long advertiserId, long campaignId, AdGroupSettings settings) {
        Campaign campaign = campaigns.get(advertiserId, campaignId);
        return save(Ids.next(), campaign, settings);
    }

    /**
     * Changes an ad group: {@code changes} are read off its current settings, made together and
     * checked as a whole, like a new ad group. Its ads re-enter the decision engine with them.
     */
    @Transactional
    public AdGroup change(
            long advertiserId,
            long adgroupId,
            Function<AdGroupSettings, List<AdGroupChange>> changes) {
        AdGroup g = get(advertiserId, adgroupId);
        AdGroupSettings was = g.settings();
        AdGroupSettings changed = was.change(changes.apply(was));
        AdGroup saved = save(adgroupId, campaigns.get(advertiserId, g.campaignId()), changed);
        statusChanges.adsChanged(StatusChanges.Level.AD_GROUPS, List.of(adgroupId));
        return saved;
    }

    private AdGroup save(long id, Campaign campaign, AdGroupSettings s) {
        Billing billing = s.bid().billingEvent();
        List<Billing> billings = campaign.objectiveType().billings();
        if (!billings.contains(billing)) {
            throw Refusal.invalid(
                    "billing_event "
                            + billing
                            + " does not serve the campaign's objective "
                            + campaign.objectiveType()
                            + "; use "
                            + String.join(" or ", billings.stream().map(Enum::name).toList()));
        }
        OptimizationGoal goal = s.bid().goal();
        if (goal.onProfile() && campaign.objectiveType() != Objective.ENGAGEMENT) {
            throw Refusal.invalid(
                    "optimization_goal "
                            + goal
                            + " grows the identity's profile and serves only an ENGAGEMENT campaign;"
                            + " the campaign's objective is "
                            + campaign.objectiveType());
        }
        Instant now = clock.instant();
        Targeting t = s.targeting();
        FrequencyCap cap = s.frequencyCap();
        jdbc.sql(
                        """
                        insert into adgroups (id, advertiser_id, campaign_id, adgroup_name, placement, location_ids, age_groups,
                            gender, languages, interest_category_ids, operating_systems, budget_mode, budget, schedule_type,
                            schedule_start_time, schedule_end_time, billing_event, bid_price, optimization_goal,
                            operation_status, create_time, modify_time, frequency, frequency_schedule, dayparting,
                            topview_daily_impressions, pacing)
                        values (?, ?, ?, ?, ?, ?::text[], ?::text[], ?, ?::text[], ?::text[], ?::text[], ?, ?, ?, ?, ?, ?, ?, ?, 'ENABLE', ?, ?, ?, ?, ?, ?, ?)
                        on conflict (id) do update set adgroup_name = excluded.adgroup_name, placement = excluded.placement,
                            location_ids = excluded.location_ids, age_groups = excluded.age_groups, gender = excluded.gender,
                            languages = excluded.languages, interest_category_ids = excluded.interest_category_ids,
                            operating_systems = excluded.operating_systems, budget_mode = excluded.budget_mode,
                            budget = excluded.budget, schedule_type = excluded.schedule_type,
                            schedule_start_time = excluded.schedule_start_time, schedule_end_time = excluded.schedule_end_time,
                            billing_event = excluded.billing_event, bid_price = excluded.bid_price,
                            optimization_goal = excluded.optimization_goal, modify_time = excluded.modify_time,
                            frequency = excluded.frequency, frequency_schedule = excluded.frequency_schedule,
                            dayparting = excluded.dayparting, topview_daily_impressions = excluded.topview_daily_impressions,
                            pacing = excluded.pacing
                        """)
                .params(
                        id,
                        campaign.advertiserId(),
                        campaign.id(),
                        s.name(),
                        s.placement().name(),
                        array(t.locationIds()),
                        array(t.ageGroups()),
                        t.gender(),
                        array(t.languages()),
                        array(t.interestCategoryIds()),
                        array(t.operatingSystems()),
                        s.budget().mode().name(),
                        s.budget().amount(),
                        s.schedule().type().name(),
                        Timestamp.from(s.schedule().start()),
                        s.schedule().end() == null ? null : Timestamp.from(s.schedule().end()),
                        billing.name(),
                        s.bid().price(),
                        s.bid().goal().name(),
                        Timestamp.from(now),
                        Timestamp.from(now),
                        cap == null ? null : cap.frequency(),
                        cap == null ? null : cap.days(),
                        s.dayparting(),
                        s.topviewDailyImpressions(),
                        s.pacing().name())
                .update();
        return get(campaign.advertiserId(), id);
    }

    /** The advertiser's ad group; another advertiser's is as unknown as a missing one. */
    public AdGroup get(long advertiserId, long adgroupId) {
        return StatusChanges.Level.AD_GROUPS.get(jdbc, advertiserId, adgroupId, ROW);
    }

    /** The advertiser's ad groups that are not deleted: all, or in these campaigns, or these. */
    public List<AdGroup> list(
            long advertiserId,
            Collection<Long> campaignIds,
            Collection<Long> ids,
            PageRequest page) {
        return filtered(advertiserId, campaignIds, ids)
                .page("select * from adgroups", "", page, ROW);
    }

    /** The columns a campaign's ad groups sort by, with the SQL that orders them. */
    public enum Sort {
        NAME("lower(adgroup_name)"),
        SCHEDULE("schedule_start_time"),
        BUDGET("budget"),
        BID("bid_price"),
        STATUS("operation_status"),
        CREATED("create_time");

        private final String column;

        Sort(String column) {
            this.column = column;
        }
    }

    /** The ad groups of these campaigns, sorted by one column, a page at a time. */
    public List<AdGroup> list(
            long advertiserId,
            Collection<Long> campaignIds,
            Sort sort,
            boolean ascending,
            PageRequest page) {
        return filtered(advertiserId, campaignIds, List.of())
                .sorted("select * from adgroups", "", sort.column, ascending, page, ROW);
    }

    public long count(long advertiserId, Collection<Long> campaignIds, Collection<Long> ids) {
        return filtered(advertiserId, campaignIds, ids).count();
    }

    private FilteredRows filtered(
            long advertiserId, Collection<Long> campaignIds, Collection<Long> ids) {
        return new FilteredRows(
                jdbc,
                "adgroups",
                """
                 where advertiser_id = :advertiser and operation_status <> 'DELETE'
                  and (:allCampaigns or campaign_id in (:campaigns)) and (:all or id in (:ids))
                """,
                Map.of(
                        "advertiser",
                        advertiserId,
                        "allCampaigns",
                        campaignIds.isEmpty(),
                        "campaigns",
                        campaignIds.isEmpty() ? List.of(0L) : campaignIds,
                        "all",
                        ids.isEmpty(),
                        "ids",
                        ids.isEmpty() ? List.of(0L) : ids));
    }

    @Transactional
    public void updateStatus(
            long advertiserId, Collection<Long> adgroupIds, OperationStatus status) {
        statusChanges.change(advertiserId, StatusChanges.Level.AD_GROUPS, adgroupIds, status);
    }

    /** PostgreSQL's driver binds a {@code String[]} as {@code text[]}. */
    static String[] array(List<String> values) {
        return values.toArray(String[]::new);
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
