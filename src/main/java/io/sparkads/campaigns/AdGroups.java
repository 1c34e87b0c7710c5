package io.sparkads.campaigns;

import io.sparkads.common.Ids;
import io.sparkads.common.PageRequest;
import io.sparkads.common.Refusal;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Ad groups: where, to whom, when and at what price a campaign's ads run. */
@Service
public class AdGroups {
    public static final Set<String> PLACEMENTS = Set.of("IN_FEED", "TOPVIEW");
    public static final Set<String> AGE_GROUPS =
            Set.of("AGE_13_17", "AGE_18_24", "AGE_25_34", "AGE_35_44", "AGE_45_54", "AGE_55_100");
    public static final Set<String> GENDERS =
            Set.of("GENDER_UNLIMITED", "GENDER_MALE", "GENDER_FEMALE");
    public static final Set<String> OPERATING_SYSTEMS = Set.of("ANDROID", "IOS");
    public static final Set<String> SCHEDULE_TYPES =
            Set.of("SCHEDULE_START_END", "SCHEDULE_FROM_NOW");
    public static final Set<String> BILLING_EVENTS = Set.of("CPM", "CPC", "CPV");

    /** Which optimization goals each billing event can serve. */
    /** Which optimization goals each billing event can serve; the first is the default. */
    public static final Map<String, List<String>> GOALS_BY_BILLING =
            Map.of(
                    "CPM", List.of("REACH", "SHOW"),
                    "CPC", List.of("CLICK", "TRAFFIC_LANDING_PAGE_VIEW"),
                    "CPV", List.of("VIDEO_VIEW", "ENGAGED_VIEW"));

    /** Which billing events serve each campaign objective, the usual one first. */
    public static final Map<String, List<String>> BILLING_BY_OBJECTIVE =
            Map.of(
                    "REACH", List.of("CPM"),
                    "VIDEO_VIEWS", List.of("CPV", "CPM"),
                    "ENGAGEMENT", List.of("CPM", "CPV"),
                    "TRAFFIC", List.of("CPC", "CPM"),
                    "CONVERSIONS", List.of("CPC", "CPM"),
                    "WEB_CONVERSIONS", List.of("CPC", "CPM"),
                    "LEAD_GENERATION", List.of("CPC", "CPM"),
                    "APP_PROMOTION", List.of("CPC", "CPM"));

    static final RowMapper<AdGroup> ROW =
            (rs, n) ->
                    new AdGroup(
                            rs.getLong("id"),
                            rs.getLong("advertiser_id"),
                            rs.getLong("campaign_id"),
                            rs.getString("adgroup_name"),
                            rs.getString("placement"),
                            strings(rs.getArray("location_ids")),
                            strings(rs.getArray("age_groups")),
                            rs.getString("gender"),
                            strings(rs.getArray("languages")),
                            strings(rs.getArray("interest_category_ids")),
                            strings(rs.getArray("operating_systems")),
                            rs.getString("budget_mode"),
                            rs.getBigDecimal("budget"),
                            rs.getString("schedule_type"),
                            rs.getTimestamp("schedule_start_time").toInstant(),
                            rs.getTimestamp("schedule_end_time") == null
                                    ? null
                                    : rs.getTimestamp("schedule_end_time").toInstant(),
                            rs.getString("billing_event"),
                            rs.getBigDecimal("bid_price"),
                            rs.getString("optimization_goal"),
                            OperationStatus.valueOf(rs.getString("operation_status")),
                            rs.getTimestamp("create_time").toInstant(),
                            rs.getTimestamp("modify_time").toInstant(),
                            (Integer) rs.getObject("frequency"),
                            (Integer) rs.getObject("frequency_schedule"),
                            rs.getString("dayparting"),
                            (Integer) rs.getObject("topview_daily_impressions"));

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Campaigns campaigns;
    private final ApplicationEventPublisher events;
    private final AdDeletions deletions;

    AdGroups(
            JdbcClient jdbc,
            Clock clock,
            Campaigns campaigns,
            ApplicationEventPublisher events,
            AdDeletions deletions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.campaigns = campaigns;
        this.events = events;
        this.deletions = deletions;
    }

    public record NewAdGroup(
            long campaignId,
            String adgroupName,
            String placement,
            List<String> locationIds,
            List<String> ageGroups,
            String gender,
            List<String> languages,
            List<String> interestCategoryIds,
            List<String> operatingSystems,
            String budgetMode,
            BigDecimal budget,
            String scheduleType,
            Instant scheduleStartTime,
            Instant scheduleEndTime,
            String billingEvent,
            BigDecimal bidPrice,
            String optimizationGoal,
            Integer frequency,
            Integer frequencySchedule,
            String dayparting,
            Integer topviewDailyImpressions) {

        public NewAdGroup(
                long campaignId,
                String adgroupName,
                String placement,
                List<String> locationIds,
                List<String> ageGroups,
                String gender,
                List<String> languages,
                List<String> interestCategoryIds,
                List<String> operatingSystems,
                String budgetMode,
                BigDecimal budget,
                String scheduleType,
                Instant scheduleStartTime,
                Instant scheduleEndTime,
                String billingEvent,
                BigDecimal bidPrice,
                String optimizationGoal) {
            this(
                    campaignId,
                    adgroupName,
                    placement,
                    locationIds,
                    ageGroups,
                    gender,
                    languages,
                    interestCategoryIds,
                    operatingSystems,
                    budgetMode,
                    budget,
                    scheduleType,
                    scheduleStartTime,
                    scheduleEndTime,
                    billingEvent,
                    bidPrice,
                    optimizationGoal,
                    null,
                    null,
                    null,
                    null);
        }
    }

    @Transactional
    public AdGroup create(long advertiserId, NewAdGroup draft) {
        campaigns.get(advertiserId, draft.campaignId());
        return save(Ids.next(), advertiserId, draft);
    }

    /**
     * Changes an ad group: fields left {@code null} in the patch keep their value, and the result
     * is checked as a whole, like a new ad group. Its ads re-enter the decision engine with the
     * change.
     */
    @Transactional
    public AdGroup update(long advertiserId, long adgroupId, NewAdGroup patch) {
        AdGroup g = get(advertiserId, adgroupId);
        NewAdGroup merged =
                new NewAdGroup(
                        g.campaignId(),
                        or(patch.adgroupName(), g.adgroupName()),
                        or(patch.placement(), g.placement()),
                        or(patch.locationIds(), g.locationIds()),
                        or(patch.ageGroups(), g.ageGroups()),
                        or(patch.gender(), g.gender()),
                        or(patch.languages(), g.languages()),
                        or(patch.interestCategoryIds(), g.interestCategoryIds()),
                        or(patch.operatingSystems(), g.operatingSystems()),
                        or(patch.budgetMode(), g.budgetMode()),
                        or(patch.budget(), g.budget()),
                        or(patch.scheduleType(), g.scheduleType()),
                        or(patch.scheduleStartTime(), g.scheduleStartTime()),
                        patch.scheduleEndTime() != null
                                ? patch.scheduleEndTime()
                                : g.scheduleEndTime(),
                        or(patch.billingEvent(), g.billingEvent()),
                        or(patch.bidPrice(), g.bidPrice()),
                        patch.billingEvent() != null && patch.optimizationGoal() == null
                                ? null
                                : or(patch.optimizationGoal(), g.optimizationGoal()),
                        or(patch.frequency(), g.frequency()),
                        or(patch.frequencySchedule(), g.frequencySchedule()),
                        or(patch.dayparting(), g.dayparting()),
                        or(patch.topviewDailyImpressions(), g.topviewDailyImpressions()));
        AdGroup saved = save(adgroupId, advertiserId, merged);
        Set<Long> ads =
                new HashSet<>(
                        jdbc.sql("select id from ads where adgroup_id = ?")
                                .param(adgroupId)
                                .query(Long.class)
                                .list());
        if (!ads.isEmpty()) {
            events.publishEvent(new AdsChanged(ads));
        }
        return saved;
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private AdGroup save(long id, long advertiserId, NewAdGroup draft) {
        Check.name("adgroup_name", draft.adgroupName());
        String placement = draft.placement() == null ? "IN_FEED" : draft.placement();
        Check.oneOf("ad_placement", placement, PLACEMENTS);
        List<String> locations = orEmpty(draft.locationIds());
        locations.forEach(Locations::country);
        Check.allOf("age_groups", draft.ageGroups(), AGE_GROUPS);
        String gender = draft.gender() == null ? "GENDER_UNLIMITED" : draft.gender();
        Check.oneOf("gender", gender, GENDERS);
        for (String language : orEmpty(draft.languages())) {
            if (language == null || !language.matches("[a-z]{2}")) {
                throw Refusal.invalid(
                        "languages must hold two-letter language codes such as en; got '"
                                + language
                                + "'");
            }
        }
        Check.allOf("operating_systems", draft.operatingSystems(), OPERATING_SYSTEMS);
        String budgetMode =
                draft.budgetMode() == null ? "BUDGET_MODE_INFINITE" : draft.budgetMode();
        Check.budget(budgetMode, draft.budget());
        String scheduleType =
                draft.scheduleType() == null ? "SCHEDULE_FROM_NOW" : draft.scheduleType();
        Check.oneOf("schedule_type", scheduleType, SCHEDULE_TYPES);
        Instant now = clock.instant();
        Instant start = draft.scheduleStartTime() == null ? now : draft.scheduleStartTime();
        Instant end = draft.scheduleEndTime();
        if (scheduleType.equals("SCHEDULE_START_END")) {
            if (draft.scheduleStartTime() == null || end == null) {
                throw Refusal.invalid(
                        "schedule_start_time and schedule_end_time are required when schedule_type is SCHEDULE_START_END");
            }
            if (!end.isAfter(start)) {
                throw Refusal.invalid("schedule_end_time must be after schedule_start_time");
            }
        } else {
            end = null;
        }
        Check.oneOf("billing_event", draft.billingEvent(), BILLING_EVENTS);
        String objective = campaigns.get(advertiserId, draft.campaignId()).objectiveType();
        List<String> billings =
                BILLING_BY_OBJECTIVE.getOrDefault(objective, List.copyOf(BILLING_EVENTS));
        if (!billings.contains(draft.billingEvent())) {
            throw Refusal.invalid(
                    "billing_event "
                            + draft.billingEvent()
                            + " does not serve the campaign's objective "
                            + objective
                            + "; use "
                            + String.join(" or ", billings));
        }
        if (draft.bidPrice() == null || draft.bidPrice().signum() <= 0) {
            throw Refusal.invalid("bid_price is required and must be greater than 0");
        }
        if (draft.bidPrice().scale() > 4
                || draft.bidPrice().precision() - draft.bidPrice().scale() > 12) {
            throw Refusal.invalid("bid_price must have at most 4 decimals");
        }
        List<String> goals = GOALS_BY_BILLING.get(draft.billingEvent());
        String goal = draft.optimizationGoal() == null ? goals.get(0) : draft.optimizationGoal();
        if (!goals.contains(goal)) {
            throw Refusal.invalid(
                    "optimization_goal "
                            + goal
                            + " does not fit billing_event "
                            + draft.billingEvent()
                            + "; use one of "
                            + String.join(", ", goals));
        }
        Integer frequency = draft.frequency();
        Integer frequencySchedule = draft.frequencySchedule();
        if (placement.equals("TOPVIEW")) {
            // TopView is shown once per viewer per day, at app open, at a fixed CPM.
            if (!draft.billingEvent().equals("CPM")) {
                throw Refusal.invalid(
                        "a TopView ad group is a reservation at a fixed CPM: billing_event must be CPM");
            }
            if (draft.topviewDailyImpressions() == null || draft.topviewDailyImpressions() < 1) {
                throw Refusal.invalid(
                        "topview_daily_impressions is required for a TopView ad group: how many impressions a day to reserve");
            }
            frequency = 1;
            frequencySchedule = 1;
        } else if (draft.topviewDailyImpressions() != null) {
            throw Refusal.invalid("topview_daily_impressions applies to TopView ad groups only");
        }
        if ((frequency == null) != (frequencySchedule == null)) {
            throw Refusal.invalid(
                    "frequency and frequency_schedule go together: at most frequency impressions per viewer every frequency_schedule days");
        }
        if (frequency != null && (frequency < 1 || frequency > 1000)) {
            throw Refusal.invalid("frequency must be between 1 and 1000");
        }
        if (frequencySchedule != null && (frequencySchedule < 1 || frequencySchedule > 30)) {
            throw Refusal.invalid("frequency_schedule must be between 1 and 30 days");
        }
        if (draft.dayparting() != null && !draft.dayparting().matches("[01]{336}")) {
            throw Refusal.invalid(
                    "dayparting must be 336 characters of 0 and 1: the 48 half-hours of each day, Monday first");
        }
        if (draft.dayparting() != null && !draft.dayparting().contains("1")) {
            throw Refusal.invalid("dayparting must allow at least one half-hour");
        }
        jdbc.sql(
                        """
                        insert into adgroups (id, advertiser_id, campaign_id, adgroup_name, placement, location_ids, age_groups,
                            gender, languages, interest_category_ids, operating_systems, budget_mode, budget, schedule_type,
                            schedule_start_time, schedule_end_time, billing_event, bid_price, optimization_goal,
                            operation_status, create_time, modify_time, frequency, frequency_schedule, dayparting,
                            topview_daily_impressions)
                        values (?, ?, ?, ?, ?, ?::text[], ?::text[], ?, ?::text[], ?::text[], ?::text[], ?, ?, ?, ?, ?, ?, ?, ?, 'ENABLE', ?, ?, ?, ?, ?, ?)
                        on conflict (id) do update set adgroup_name = excluded.adgroup_name, placement = excluded.placement,
                            location_ids = excluded.location_ids, age_groups = excluded.age_groups, gender = excluded.gender,
                            languages = excluded.languages, interest_category_ids = excluded.interest_category_ids,
                            operating_systems = excluded.operating_systems, budget_mode = excluded.budget_mode,
                            budget = excluded.budget, schedule_type = excluded.schedule_type,
                            schedule_start_time = excluded.schedule_start_time, schedule_end_time = excluded.schedule_end_time,
                            billing_event = excluded.billing_event, bid_price = excluded.bid_price,
                            optimization_goal = excluded.optimization_goal, modify_time = excluded.modify_time,
                            frequency = excluded.frequency, frequency_schedule = excluded.frequency_schedule,
                            dayparting = excluded.dayparting, topview_daily_impressions = excluded.topview_daily_impressions
                        """)
                .params(
                        id,
                        advertiserId,
                        draft.campaignId(),
                        draft.adgroupName().strip(),
                        placement,
                        array(locations),
                        array(orEmpty(draft.ageGroups())),
                        gender,
                        array(orEmpty(draft.languages())),
                        array(orEmpty(draft.interestCategoryIds())),
                        array(orEmpty(draft.operatingSystems())),
                        budgetMode,
                        budgetMode.equals("BUDGET_MODE_INFINITE") ? null : draft.budget(),
                        scheduleType,
                        Timestamp.from(start),
                        end == null ? null : Timestamp.from(end),
                        draft.billingEvent(),
                        draft.bidPrice(),
                        goal,
                        Timestamp.from(now),
                        Timestamp.from(now),
                        frequency,
                        frequencySchedule,
                        draft.dayparting(),
                        draft.topviewDailyImpressions())
                .update();
        return get(advertiserId, id);
    }

    public AdGroup get(long advertiserId, long adgroupId) {
        return jdbc.sql(
                        "select * from adgroups where id = ? and advertiser_id = ? and operation_status <> 'DELETE'")
                .params(adgroupId, advertiserId)
                .query(ROW)
                .optional()
                .orElseThrow(
                        () ->
                                Refusal.notFound(
                                        "No ad group "
                                                + adgroupId
                                                + " in advertiser "
                                                + advertiserId));
    }

    public List<AdGroup> list(
            long advertiserId,
            Collection<Long> campaignIds,
            Collection<Long> ids,
            PageRequest page) {
        return jdbc.sql(
                        """
                        select * from adgroups where advertiser_id = :advertiser and operation_status <> 'DELETE'
                          and (:allCampaigns or campaign_id in (:campaigns)) and (:all or id in (:ids))
                        order by create_time desc, id desc limit :limit offset :offset
                        """)
                .param("advertiser", advertiserId)
                .param("allCampaigns", campaignIds.isEmpty())
                .param("campaigns", campaignIds.isEmpty() ? List.of(0L) : campaignIds)
                .param("all", ids.isEmpty())
                .param("ids", ids.isEmpty() ? List.of(0L) : ids)
                .param("limit", page.pageSize())
                .param("offset", page.offset())
                .query(ROW)
                .list();
    }

    public long count(long advertiserId, Collection<Long> campaignIds, Collection<Long> ids) {
        return jdbc.sql(
                        """
                        select count(*) from adgroups where advertiser_id = :advertiser and operation_status <> 'DELETE'
                          and (:allCampaigns or campaign_id in (:campaigns)) and (:all or id in (:ids))
                        """)
                .param("advertiser", advertiserId)
                .param("allCampaigns", campaignIds.isEmpty())
                .param("campaigns", campaignIds.isEmpty() ? List.of(0L) : campaignIds)
                .param("all", ids.isEmpty())
                .param("ids", ids.isEmpty() ? List.of(0L) : ids)
                .query(Long.class)
                .single();
    }

    @Transactional
    public void updateStatus(
            long advertiserId, Collection<Long> adgroupIds, OperationStatus status) {
        Check.notEmpty("adgroup_ids", adgroupIds);
        for (long id : adgroupIds) {
            get(advertiserId, id);
        }
        jdbc.sql(
                        "update adgroups set operation_status = :status, modify_time = :now where id in (:ids)")
                .param("status", status.name())
                .param("now", Timestamp.from(clock.instant()))
                .param("ids", adgroupIds)
                .update();
        if (status == OperationStatus.DELETE) {
            // Deleting a ad group deletes its ads and frees their places in the Spark Ads quota.
            deletions.delete(advertiserId, AdDeletions.Scope.AD_GROUPS, adgroupIds);
        }
        Set<Long> ads =
                new HashSet<>(
                        jdbc.sql("select id from ads where adgroup_id in (:ids)")
                                .param("ids", adgroupIds)
                                .query(Long.class)
                                .list());
        if (!ads.isEmpty()) {
            events.publishEvent(new AdsChanged(ads));
        }
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }

    /** PostgreSQL's driver binds a {@code String[]} as {@code text[]}. */
    static String[] array(List<String> values) {
        return values.toArray(String[]::new);
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
