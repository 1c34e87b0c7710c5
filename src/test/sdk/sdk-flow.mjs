// Drives Spark Ads' Business API with TikTok's official Node SDK (tiktok-business-api-sdk-official),
// changing nothing but the SDK's base URL: campaign create/get, ad group create/get, Spark ad
// create/get/status update, campaign status update, and an integrated report.
//
// Input (environment):
//   SPARKADS_BASE_URL          server root, e.g. http://localhost:8080 (the SDK adds /open_api/v1.3/...)
//   SPARKADS_ACCESS_TOKEN      a Business API access token bound to the advertiser
//   SPARKADS_ADVERTISER_ID     the ad account
//   SPARKADS_IDENTITY_ID       the creator identity (AUTH_CODE) that owns the post
//   SPARKADS_TIKTOK_ITEM_ID    a post already authorized to the ad account (tt_video/authorize)
//   SPARKADS_LIVE_AD_ID        optional: an approved, delivering ad of the advertiser; the flow disables
//                              it together with its own ad, and reads the report its events made
//   SPARKADS_REPORT_START_DATE, SPARKADS_REPORT_END_DATE   optional, YYYY-MM-DD (default: today, UTC)
//
// Output: one JSON summary on stdout; every SDK call it made, and on failure the failing request and
// response, on stderr. Exits 1 on any error; the SDK itself throws on a non-zero envelope code.
// It works around nothing: an incompatibility of the server makes it fail.
import * as sdk from "tiktok-business-api-sdk-official";

function env(name, fallback) {
    const value = process.env[name];
    if (value === undefined || value === "") {
        if (fallback !== undefined) return fallback;
        throw new Error(`environment variable ${name} is required`);
    }
    return value;
}

const baseUrl = env("SPARKADS_BASE_URL");
const token = env("SPARKADS_ACCESS_TOKEN");
const advertiserId = env("SPARKADS_ADVERTISER_ID");
const identityId = env("SPARKADS_IDENTITY_ID");
const itemId = env("SPARKADS_TIKTOK_ITEM_ID");
const liveAdId = env("SPARKADS_LIVE_AD_ID", "");
const today = new Date().toISOString().slice(0, 10);
const startDate = env("SPARKADS_REPORT_START_DATE", today);
const endDate = env("SPARKADS_REPORT_END_DATE", today);

// The only change to the SDK: where it sends its requests.
const client = new sdk.ApiClient();
client.basePath = baseUrl.replace(/\/+$/, "");
client.timeout = 30000;

const campaignApi = new sdk.CampaignCreationApi(client);
const adgroupApi = new sdk.AdgroupApi(client);
const adApi = new sdk.AdApi(client);
const reportingApi = new sdk.ReportingApi(client);

/** Calls one SDK method (callback style) and resolves with the envelope's data; logs the exchange. */
function call(step, invoke) {
    return new Promise((resolve, reject) => {
        let request;
        const trace = (response) => ({
            step,
            method: request && request.method,
            url: request && request.url,
            request_headers: request && request.header,
            request_body: request && request._data !== undefined ? request._data : null,
            status: response ? response.status : null,
            response_content_type: response && response.headers ? response.headers["content-type"] : null,
            response_body: response ? response.text : null,
        });
        try {
            request = invoke((error, data, response) => {
                const exchange = trace(response || (error && error.response));
                if (error) {
                    const failure = new Error(`${step} failed: ${error.message}`);
                    failure.exchange = exchange;
                    reject(failure);
                    return;
                }
                console.error(`[sdk-flow] ${step}: ${exchange.method} ${exchange.url} -> ${exchange.status} ${exchange.response_body}`);
                resolve(data.data);
            });
        } catch (error) {
            const failure = new Error(`${step} failed before sending: ${error.message}`);
            failure.exchange = trace(null);
            reject(failure);
        }
    });
}

function required(value, what, step) {
    if (value === undefined || value === null || value === "") {
        throw new Error(`${step}: the response has no ${what}`);
    }
    return value;
}

function only(list, idField, id) {
    return (list || []).find((item) => String(item[idField]) === String(id)) || null;
}

/** TikTok's location id of the United States (a GeoNames id, as tool/region/ lists it). */
const UNITED_STATES = "6252001";
const stamp = Date.now();
const scheduleStart = new Date().toISOString().slice(0, 19).replace("T", " ");
const summary = { advertiser_id: advertiserId };

async function main() {
    // Campaign: create, then read back with a filter on its id.
    const campaignCreated = await call("campaign/create", (cb) =>
        campaignApi.campaignCreate(token, {
            body: sdk.CampaignCreateBody.constructFromObject({
                advertiser_id: advertiserId,
                campaign_name: `SDK campaign ${stamp}`,
                objective_type: "REACH",
                budget_mode: "BUDGET_MODE_DAY",
                budget: 100,
            }),
        }, cb));
    const campaignId = String(required(campaignCreated && campaignCreated.campaign_id, "campaign_id", "campaign/create"));
    const campaignGot = await call("campaign/get", (cb) =>
        campaignApi.campaignGet(advertiserId, token, {
            filtering: sdk.FilteringCampaignGet.constructFromObject({ campaign_ids: [campaignId] }),
            page: 1,
            page_size: 10,
        }, cb));
    summary.campaign = {
        campaign_id: campaignId,
        create: campaignCreated,
        get: only(campaignGot.list, "campaign_id", campaignId),
        get_count: (campaignGot.list || []).length,
        get_page_info: campaignGot.page_info || null,
    };

    // Ad group: In-Feed, the United States, CPM bidding, from now. location_ids are TikTok's
    // location ids (from tool/region/), not country codes: 6252001 is the United States.
    const adgroupCreated = await call("adgroup/create", (cb) =>
        adgroupApi.adgroupCreate(token, {
            body: sdk.AdgroupCreateBody.constructFromObject({
                advertiser_id: advertiserId,
                campaign_id: campaignId,
                adgroup_name: `SDK ad group ${stamp}`,
                placement_type: "PLACEMENT_TYPE_NORMAL",
                placements: ["PLACEMENT_TIKTOK"],
                location_ids: [UNITED_STATES],
                age_groups: ["AGE_18_24", "AGE_25_34"],
                gender: "GENDER_UNLIMITED",
                budget_mode: "BUDGET_MODE_DAY",
                budget: 50,
                schedule_type: "SCHEDULE_FROM_NOW",
                schedule_start_time: scheduleStart,
                optimization_goal: "REACH",
                billing_event: "CPM",
                bid_type: "BID_TYPE_CUSTOM",
                bid_price: 10,
                pacing: "PACING_MODE_SMOOTH",
            }),
        }, cb));
    const adgroupId = String(required(adgroupCreated && adgroupCreated.adgroup_id, "adgroup_id", "adgroup/create"));
    const adgroupGot = await call("adgroup/get", (cb) =>
        adgroupApi.adgroupGet(advertiserId, token, {
            filtering: sdk.FilteringAdgroupGet.constructFromObject({ campaign_ids: [campaignId], adgroup_ids: [adgroupId] }),
            page: 1,
            page_size: 10,
        }, cb));
    summary.adgroup = {
        adgroup_id: adgroupId,
        create: adgroupCreated,
        get: only(adgroupGot.list, "adgroup_id", adgroupId),
        get_count: (adgroupGot.list || []).length,
    };

    // Spark ad: the authorized post under its creator's identity.
    const adCreated = await call("ad/create", (cb) =>
        adApi.adCreate(token, {
            body: sdk.AdCreateBody.constructFromObject({
                advertiser_id: advertiserId,
                adgroup_id: adgroupId,
                creatives: [
                    {
                        ad_name: `SDK Spark ad ${stamp}`,
                        ad_format: "SINGLE_VIDEO",
                        identity_type: "AUTH_CODE",
                        identity_id: identityId,
                        tiktok_item_id: itemId,
                        call_to_action: "LEARN_MORE",
                        landing_page_url: "https://shop.example.com/sdk",
                    },
                ],
            }),
        }, cb));
    const adIds = required(adCreated && adCreated.ad_ids, "ad_ids", "ad/create");
    const adId = String(required(adIds[0], "ad_ids[0]", "ad/create"));
    const disabledIds = liveAdId ? [adId, liveAdId] : [adId];
    const getAd = (step, ids) =>
        call(step, (cb) =>
            adApi.adGet(advertiserId, token, {
                filtering: sdk.FilteringAdGet.constructFromObject({ ad_ids: ids }),
                fields: ["ad_id", "adgroup_id", "campaign_id", "identity_type", "identity_id", "tiktok_item_id",
                    "operation_status", "secondary_status"],
                page: 1,
                page_size: 10,
            }, cb));
    const adGot = await getAd("ad/get", [adId]);
    const adStatusUpdated = await call("ad/status/update", (cb) =>
        adApi.adStatusUpdate(token, {
            body: sdk.AdStatusUpdateBody.constructFromObject({
                advertiser_id: advertiserId,
                ad_ids: disabledIds,
                operation_status: "DISABLE",
            }),
        }, cb));
    const adGotAfter = await getAd("ad/get after status update", disabledIds);
    summary.ad = {
        ad_id: adId,
        create: adCreated,
        get: only(adGot.list, "ad_id", adId),
        get_count: (adGot.list || []).length,
        status_update: adStatusUpdated,
        get_after_status_update: only(adGotAfter.list, "ad_id", adId),
        get_after_status_update_count: (adGotAfter.list || []).length,
    };
    if (liveAdId) {
        summary.live_ad = { ad_id: liveAdId, get_after_status_update: only(adGotAfter.list, "ad_id", liveAdId) };
    }

    // Campaign status update, and the campaign as read afterwards.
    const campaignStatusUpdated = await call("campaign/status/update", (cb) =>
        campaignApi.campaignStatusUpdate(token, {
            body: sdk.CampaignStatusUpdateBody.constructFromObject({
                advertiser_id: advertiserId,
                campaign_ids: [campaignId],
                operation_status: "DISABLE",
            }),
        }, cb));
    const campaignGotAfter = await call("campaign/get after status update", (cb) =>
        campaignApi.campaignGet(advertiserId, token, {
            filtering: sdk.FilteringCampaignGet.constructFromObject({ campaign_ids: [campaignId] }),
        }, cb));
    summary.campaign.status_update = campaignStatusUpdated;
    summary.campaign.get_after_status_update = only(campaignGotAfter.list, "campaign_id", campaignId);

    // Report: paid metrics per ad and day.
    const report = await call("report/integrated/get", (cb) =>
        reportingApi.reportIntegratedGet("BASIC", token, {
            advertiser_id: advertiserId,
            service_type: "AUCTION",
            data_level: "AUCTION_AD",
            dimensions: ["ad_id", "stat_time_day"],
            metrics: ["impressions", "clicks", "spend"],
            start_date: startDate,
            end_date: endDate,
            page: 1,
            page_size: 100,
        }, cb));
    summary.report = {
        start_date: startDate,
        end_date: endDate,
        list: report.list,
        page_info: report.page_info || null,
    };
}

main().then(
    () => {
        process.stdout.write(JSON.stringify(summary) + "\n");
        process.exitCode = 0;
    },
    (error) => {
        console.error(`[sdk-flow] FAILED: ${error.message}`);
        if (error.exchange) {
            console.error(`[sdk-flow] exchange: ${JSON.stringify(error.exchange, null, 2)}`);
        } else if (error.stack) {
            console.error(error.stack);
        }
        console.error(`[sdk-flow] summary so far: ${JSON.stringify(summary)}`);
        process.exitCode = 1;
    },
);
