// The reference host app's conversion pixel, for an advertiser's landing page. The feed opens the
// landing page with ?sa_imp=<impression id>; this script keeps that id for the visit (this site's
// sessionStorage) and, on a conversion, tells the host app, which reports a CONVERSION event to the
// platform with its own token. Include it from the host app:
//   <script src="https://<host app>/js/sparkads-pixel.js" defer></script>
// then mark the buttons that convert with data-sparkads-conversion (optionally
// data-sparkads-value="19.90"), or call window.sparkadsPixel.conversion(19.90) yourself.
// The outcome is set on <html data-sparkads-conversion="counted|not-counted"> and sent as the
// "sparkads:conversion" event on document, with {counted, message} in its detail.
(function () {
  "use strict";

  var KEY = "sparkads.pixel.impression";
  var script = document.currentScript;
  var endpoint = new URL("/feed/conversions", script ? script.src : window.location.href).href;

  function impressionId() {
    var fromUrl = new URLSearchParams(window.location.search).get("sa_imp");
    try {
      if (fromUrl) { window.sessionStorage.setItem(KEY, fromUrl); }
      return fromUrl || window.sessionStorage.getItem(KEY);
    } catch (e) {
      return fromUrl;
    }
  }

  function eventId() {
    if (window.crypto && typeof window.crypto.randomUUID === "function") { return window.crypto.randomUUID(); }
    return String(Date.now()) + "-" + String(Math.random()).slice(2);
  }

  function tell(counted, message) {
    document.documentElement.setAttribute("data-sparkads-conversion", counted ? "counted" : "not-counted");
    document.dispatchEvent(new CustomEvent("sparkads:conversion", { detail: { counted: counted, message: message } }));
  }

  /** Reports one conversion of the impression that brought the visitor here; retried twice. */
  function conversion(value) {
    var impression = impressionId();
    if (!impression) {
      tell(false, "Not from a Spark Ads impression (no sa_imp): nothing to report.");
      return Promise.resolve(false);
    }
    var body = { impression_id: impression, event_id: eventId() };
    if (value !== undefined && value !== null && value !== "") { body.value = Number(value); }
    // text/plain keeps it a simple cross-origin request (no preflight); the same event_id on a
    // retry counts once.
    var send = function (attempt) {
      return fetch(endpoint, {
        method: "POST", mode: "cors", credentials: "omit", keepalive: true,
        headers: { "Content-Type": "text/plain" }, body: JSON.stringify(body)
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (answer) {
          if (response.status >= 500 && attempt < 2) { return retry(attempt); }
          tell(!!answer.counted, answer.message || ("HTTP " + response.status));
          return !!answer.counted;
        });
      }, function () {
        if (attempt < 2) { return retry(attempt); }
        tell(false, "The host app could not be reached.");
        return false;
      });
    };
    var retry = function (attempt) {
      return new Promise(function (resolve) { window.setTimeout(resolve, 1000 * (attempt + 1)); })
        .then(function () { return send(attempt + 1); });
    };
    return send(0);
  }

  impressionId();
  window.sparkadsPixel = { conversion: conversion };
  document.addEventListener("click", function (event) {
    var target = event.target.closest && event.target.closest("[data-sparkads-conversion]");
    if (target) { conversion(target.getAttribute("data-sparkads-value")); }
  });
})();
