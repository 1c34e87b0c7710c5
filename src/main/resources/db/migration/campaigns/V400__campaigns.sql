create table campaigns (
    id                bigint primary key,
    advertiser_id     bigint        not null,
    campaign_name     text          not null check (length(campaign_name) between 1 and 512),
    objective_type    text          not null,
    budget_mode       text          not null check (budget_mode in ('BUDGET_MODE_INFINITE', 'BUDGET_MODE_DAY', 'BUDGET_MODE_TOTAL')),
    budget            numeric(16, 2),
    operation_status  text          not null check (operation_status in ('ENABLE', 'DISABLE', 'DELETE')),
    create_time       timestamptz   not null,
    modify_time       timestamptz   not null,
    check (budget_mode = 'BUDGET_MODE_INFINITE' or budget > 0)
);
create index campaigns_by_advertiser on campaigns (advertiser_id, create_time desc);

create table adgroups (
    id                     bigint primary key,
    advertiser_id          bigint        not null,
    campaign_id            bigint        not null references campaigns (id),
    adgroup_name           text          not null check (length(adgroup_name) between 1 and 512),
    placement              text          not null check (placement in ('IN_FEED', 'TOPVIEW')),
    location_ids           text[]        not null default '{}',
    age_groups             text[]        not null default '{}',
    gender                 text          not null default 'GENDER_UNLIMITED',
    languages              text[]        not null default '{}',
    interest_category_ids  text[]        not null default '{}',
    operating_systems      text[]        not null default '{}',
    budget_mode            text          not null,
    budget                 numeric(16, 2),
    schedule_type          text          not null,
    schedule_start_time    timestamptz   not null,
    schedule_end_time      timestamptz,
    billing_event          text          not null check (billing_event in ('CPM', 'CPC', 'CPV')),
    bid_price              numeric(16, 4) not null check (bid_price > 0),
    optimization_goal      text          not null,
    operation_status       text          not null check (operation_status in ('ENABLE', 'DISABLE', 'DELETE')),
    create_time            timestamptz   not null,
    modify_time            timestamptz   not null,
    check (schedule_end_time is null or schedule_end_time > schedule_start_time)
);
create index adgroups_by_campaign on adgroups (campaign_id);

create table ads (
    id                    bigint primary key,
    advertiser_id         bigint      not null,
    campaign_id           bigint      not null references campaigns (id),
    adgroup_id            bigint      not null references adgroups (id),
    ad_name               text        not null check (length(ad_name) between 1 and 512),
    identity_type         text        not null,
    identity_id           text        not null,
    tiktok_item_id        bigint,
    is_spark              boolean     not null,
    ad_text               text,
    call_to_action        text,
    landing_page_url      text,
    operation_status      text        not null check (operation_status in ('ENABLE', 'DISABLE', 'DELETE')),
    review_status         text        not null check (review_status in ('PENDING', 'APPROVED', 'REJECTED')),
    reject_reason         text,
    authorization_status  text        not null default 'OK' check (authorization_status in ('OK', 'REVOKED', 'LOST')),
    authorization_reason  text,
    create_time           timestamptz not null,
    modify_time           timestamptz not null,
    check (not is_spark or tiktok_item_id is not null)
);
create index ads_by_adgroup on ads (adgroup_id);
create index ads_by_item on ads (tiktok_item_id) where tiktok_item_id is not null;
create index ads_by_advertiser on ads (advertiser_id, create_time desc);
