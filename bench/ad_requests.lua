-- wrk script: POST /platform/v1/ad_requests, a new viewer id each request.
-- PLATFORM_TOKEN (environment) is the platform bearer token; SLOTS the slots asked (default 1);
-- PLACEMENT IN_FEED (default) or TOPVIEW (with no TopView ads live: the path without a decision).
local token = os.getenv("PLATFORM_TOKEN") or "plat"
local slots = os.getenv("SLOTS") or "1"
local placement = os.getenv("PLACEMENT") or "IN_FEED"
local n = 0

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16))
  wrk.method = "POST"
  wrk.path = "/platform/v1/ad_requests"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. token
end

function request()
  n = n + 1
  local body = string.format(
    '{"request_id":"r%d","placement":"%s","slots":%s,"viewer":{"viewer_id":"v%d","region":"US"}}',
    n, placement, slots, math.random(1, 100000000))
  return wrk.format(nil, nil, nil, body)
end

function done(summary, latency, requests)
  io.write(string.format("RESULT %.0f %.2f %d %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
