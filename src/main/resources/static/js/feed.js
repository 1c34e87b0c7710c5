// The reference host app (/feed and /feed/@handle): a viewer's feed and profile pages built only on
// the public platform API (feed, posts, accounts, profiles, ad_requests, events), as an integrator
// builds them. The page gives the API's address and the app's platform token in data attributes.
// Plain JavaScript, no build step; nothing is written into the page as HTML, only as text.
(function () {
  "use strict";

  var VIEWER_KEY = "sparkads.feed.viewer";
  var PENDING_KEY = "sparkads.feed.pending-events";
  var TOPVIEW_KEY = "sparkads.feed.topview-asked";
  var AD_KEY = "sparkads.feed.ad.";

  // ---- the platform API -------------------------------------------------------------------------

  function Platform(root) {
    this.base = root.getAttribute("data-api");
    this.token = root.getAttribute("data-token");
  }

  Platform.prototype.call = function (method, path, body, keepalive) {
    var init = {
      method: method,
      headers: { "Authorization": "Bearer " + this.token, "Accept": "application/json" },
      keepalive: !!keepalive
    };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    return fetch(this.base + path, init).then(function (response) {
      return response.text().then(function (text) {
        var json = null;
        try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
        if (!response.ok) {
          var error = new Error((json && (json.detail || json.title)) || ("HTTP " + response.status));
          error.status = response.status;
          throw error;
        }
        return json;
      });
    });
  };

  function uuid() {
    if (window.crypto && typeof window.crypto.randomUUID === "function") {
      return window.crypto.randomUUID();
    }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }

  // ---- the viewer, kept on this device ----------------------------------------------------------

  function loadViewer() {
    var viewer = null;
    try { viewer = JSON.parse(window.localStorage.getItem(VIEWER_KEY) || "null"); } catch (e) { viewer = null; }
    if (!viewer || !viewer.viewer_id) {
      viewer = { viewer_id: uuid(), region: "US", age_group: "", gender: "", language: "", os: "" };
      saveViewer(viewer);
    }
    return viewer;
  }

  function saveViewer(viewer) {
    try { window.localStorage.setItem(VIEWER_KEY, JSON.stringify(viewer)); } catch (e) { /* private mode */ }
  }

  /** The viewer as ad_requests takes it: unknown attributes are left out. */
  function viewerForRequest(viewer) {
    var out = { viewer_id: viewer.viewer_id };
    ["region", "age_group", "gender", "language", "os"].forEach(function (key) {
      if (viewer[key]) { out[key] = viewer[key]; }
    });
    return out;
  }

  // ---- events: batched, retried with backoff, never counted twice -------------------------------

  function EventQueue(platform, onSent) {
    this.platform = platform;
    this.onSent = onSent;
    this.pending = [];
    this.inFlight = null;
    this.failures = 0;
    this.retryAt = 0;
    this.sent = 0;
    try { this.pending = JSON.parse(window.sessionStorage.getItem(PENDING_KEY) || "[]"); } catch (e) { this.pending = []; }
    var queue = this;
    window.setInterval(function () { queue.flush(false); }, 1000);
    // Leaving the page: whatever is left goes with keepalive, so the browser sends it after unload.
    window.addEventListener("pagehide", function () { queue.flush(true); });
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") { queue.flush(true); }
    });
  }

  EventQueue.MAX_BATCH = 25;

  EventQueue.prototype.add = function (type, about, value) {
    var event = {
      event_id: uuid(),
      type: type,
      occurred_at: new Date().toISOString(),
      viewer_id: about.viewerId
    };
    if (about.impressionId) {
      event.impression_id = about.impressionId;
    } else if (about.itemId) {
      event.item_id = about.itemId;
    }
    if (value !== undefined && value !== null) { event.value = value; }
    this.pending.push(event);
    this.keep();
    if (this.pending.length >= EventQueue.MAX_BATCH) { this.flush(false); }
  };

  EventQueue.prototype.keep = function () {
    try { window.sessionStorage.setItem(PENDING_KEY, JSON.stringify(this.pending)); } catch (e) { /* full */ }
  };

  /** Sends what is waiting; resolves when this batch is answered (or at once if nothing to send). */
  EventQueue.prototype.flush = function (leaving) {
    var queue = this;
    if (this.pending.length === 0 || (this.inFlight && !leaving)) {
      return this.inFlight || Promise.resolve();
    }
    if (!leaving && Date.now() < this.retryAt) {
      return Promise.resolve();
    }
    var batch = this.pending.slice(0, EventQueue.MAX_BATCH);
    var request = this.platform.call("POST", "/events", { events: batch }, leaving)
      .then(function (answer) {
        queue.drop(batch);
        queue.failures = 0;
        queue.retryAt = 0;
        queue.sent += answer ? (answer.accepted || 0) + (answer.duplicates || 0) : batch.length;
        if (answer && answer.rejected && answer.rejected.length) {
          answer.rejected.forEach(function (r) {
            window.console.warn("event refused:", batch[r.index] && batch[r.index].type, r.reason);
          });
        }
        queue.onSent(queue.sent, batch, answer);
      }, function (error) {
        if (error.status && error.status >= 400 && error.status < 500 && error.status !== 429 && error.status !== 408) {
          // A batch the platform refuses as a whole will never pass: drop it and say why.
          window.console.warn("events refused:", error.message);
          queue.drop(batch);
          return;
        }
        // Network trouble or an overloaded server: the same events, with the same ids, later.
        queue.failures += 1;
        var delay = Math.min(30000, 1000 * Math.pow(2, queue.failures - 1));
        queue.retryAt = Date.now() + delay * (0.75 + Math.random() * 0.5);
      })
      .then(function () {
        if (queue.inFlight === request) { queue.inFlight = null; }
      });
    this.inFlight = request;
    return request;
  };

  EventQueue.prototype.drop = function (batch) {
    var ids = {};
    batch.forEach(function (e) { ids[e.event_id] = true; });
    this.pending = this.pending.filter(function (e) { return !ids[e.event_id]; });
    this.keep();
  };

  /** Sends everything now and waits for it, e.g. before leaving for a landing page. */
  EventQueue.prototype.flushAll = function () {
    var queue = this;
    queue.retryAt = 0;
    var previous = queue.inFlight || Promise.resolve();
    return previous.then(function () {
      if (queue.pending.length === 0) { return null; }
      return queue.flush(true).then(function () {
        return queue.pending.length && queue.failures === 0 ? queue.flushAll() : null;
      });
    });
  };

  // ---- words ------------------------------------------------------------------------------------

  function Words() {
    this.map = {};
    var template = document.getElementById("feed-words");
    var self = this;
    if (template) {
      Array.prototype.forEach.call(template.content.querySelectorAll("[data-code]"), function (span) {
        self.map[span.getAttribute("data-code")] = { label: span.textContent, title: span.getAttribute("title") || "" };
      });
    }
  }

  Words.prototype.of = function (code) {
    if (!code) { return ""; }
    if (this.map[code]) { return this.map[code].label; }
    var words = String(code).replace(/_/g, " ").toLowerCase();
    return words.charAt(0).toUpperCase() + words.slice(1);
  };

  function compact(n) {
    n = Number(n || 0);
    if (n >= 1000000) { return (Math.round(n / 100000) / 10) + "M"; }
    if (n >= 10000) { return Math.round(n / 1000) + "K"; }
    if (n >= 1000) { return (Math.round(n / 100) / 10) + "K"; }
    return String(n);
  }

  function host(url) {
    try { return new URL(url, window.location.href).host; } catch (e) { return url; }
  }

  /** Only web addresses are opened: never javascript: or data: from an API answer. */
  function safeUrl(url) {
    if (!url) { return null; }
    try {
      var parsed = new URL(url, window.location.href);
      return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  /**
   * Leaves for an ad's landing page: the landing page view is sent first, then the page opens with
   * the impression id in sa_imp, so the landing page's pixel (/js/sparkads-pixel.js) can report a
   * conversion of this impression.
   */
  function openLandingPage(events, about, url) {
    var target = withImpression(safeUrl(url), about.impressionId);
    if (!target) { return; }
    events.add("LANDING_PAGE_VIEW", about);
    var timeout = new Promise(function (resolve) { window.setTimeout(resolve, 1500); });
    Promise.race([events.flushAll(), timeout]).then(function () { window.location.assign(target); });
  }

  function withImpression(url, impressionId) {
    if (!url || !impressionId) { return url; }
    var parsed = new URL(url);
    parsed.searchParams.set("sa_imp", impressionId);
    return parsed.href;
  }

  // ---- a playhead: the video's, or the post's duration for a post shown as its poster ------------

  var MILESTONES = [
    { type: "VIDEO_WATCHED_2S", at: function (d) { return Math.min(2000, d); } },
    { type: "VIDEO_WATCHED_6S", at: function (d) { return d >= 6000 ? 6000 : Infinity; } },
    { type: "VIDEO_P25", at: function (d) { return d * 0.25; } },
    { type: "VIDEO_P50", at: function (d) { return d * 0.5; } },
    { type: "VIDEO_P75", at: function (d) { return d * 0.75; } },
    { type: "VIDEO_P100", at: function (d) { return d; } }
  ];

  function Playback(card, durationMs, send) {
    this.card = card;
    this.video = card.querySelector("video:not([hidden])");
    this.durationMs = durationMs > 0 ? durationMs : 15000;
    this.send = send;
    this.reached = {};
    this.played = false;
    this.clockMs = 0;
    this.timer = null;
    this.bar = card.querySelector(".feed-progress-bar");
    var self = this;
    if (this.video) {
      this.video.addEventListener("timeupdate", function () {
        var duration = isFinite(self.video.duration) && self.video.duration > 0 ? self.video.duration * 1000 : self.durationMs;
        self.durationMs = duration;
        self.at(self.video.currentTime * 1000, self.video.currentTime * 1000 >= duration - 250);
      });
      this.video.addEventListener("ended", function () { self.at(self.durationMs, true); });
    }
  }

  Playback.prototype.start = function () {
    var self = this;
    if (!this.played) {
      this.played = true;
      this.send("VIDEO_PLAY");
    }
    if (this.video) {
      var playing = this.video.play();
      if (playing && playing.catch) { playing.catch(function () { /* autoplay refused: the poster stays */ }); }
      return;
    }
    if (this.timer) { return; }
    var last = Date.now();
    this.timer = window.setInterval(function () {
      var now = Date.now();
      self.clockMs = Math.min(self.durationMs, self.clockMs + (now - last));
      last = now;
      self.at(self.clockMs, self.clockMs >= self.durationMs);
      if (self.clockMs >= self.durationMs) { self.clockMs = 0; }
    }, 250);
  };

  Playback.prototype.stop = function () {
    if (this.video) { this.video.pause(); }
    if (this.timer) { window.clearInterval(this.timer); this.timer = null; }
  };

  Playback.prototype.at = function (ms, ended) {
    var self = this;
    if (this.bar) { this.bar.style.width = Math.min(100, (ms / this.durationMs) * 100) + "%"; }
    MILESTONES.forEach(function (m) {
      if (!self.reached[m.type] && (ms >= m.at(self.durationMs) || (ended && m.at(self.durationMs) <= self.durationMs))) {
        self.reached[m.type] = true;
        self.send(m.type);
      }
    });
  };

  // ---- the feed ---------------------------------------------------------------------------------

  function Feed(root) {
    this.root = root;
    this.platform = new Platform(root);
    this.words = new Words();
    this.viewer = loadViewer();
    this.list = document.getElementById("feed");
    this.status = document.getElementById("feed-status");
    this.more = document.getElementById("feed-more");
    this.template = document.getElementById("feed-card");
    this.adEvery = Number(root.getAttribute("data-ad-every")) || 3;
    this.cursor = null;
    this.done = false;
    this.loading = false;
    this.organicSinceAd = 0;
    this.nearbyItems = [];
    this.cards = [];
    this.generation = 0;
    var counter = document.getElementById("feed-events");
    this.events = new EventQueue(this.platform, function (sent) {
      counter.textContent = sent === 1 ? "1 event sent." : sent + " events sent.";
      counter.setAttribute("data-sent", String(sent));
    });
    this.watchCards();
    this.chooser();
  }

  Feed.prototype.start = function () {
    var self = this;
    this.topView().then(function () { self.loadMore(); });
    new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) { self.loadMore(); }
    }, { root: this.list, rootMargin: "0px 0px 600px 0px" }).observe(this.more);
  };

  /** The viewer chooser: its fields show the kept viewer; applying keeps it and starts over. */
  Feed.prototype.chooser = function () {
    var self = this;
    var form = document.getElementById("viewer-form");
    var fields = { region: "viewer-region", age_group: "viewer-age-group", gender: "viewer-gender", language: "viewer-language", os: "viewer-os" };
    Object.keys(fields).forEach(function (key) {
      document.getElementById(fields[key]).value = self.viewer[key] || "";
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      Object.keys(fields).forEach(function (key) {
        var value = document.getElementById(fields[key]).value.trim();
        self.viewer[key] = key === "region" ? value.toUpperCase() : value;
      });
      saveViewer(self.viewer);
      document.getElementById("viewer-saved").textContent = "Saved. The feed starts again for this viewer.";
      self.restart();
    });
  };

  Feed.prototype.restart = function () {
    this.cards.forEach(function (c) { if (c.playback) { c.playback.stop(); } });
    Array.prototype.forEach.call(this.list.querySelectorAll(".feed-card"), function (card) { card.remove(); });
    this.cards = [];
    this.generation += 1;
    this.loading = false;
    this.cursor = null;
    this.done = false;
    this.organicSinceAd = 0;
    this.nearbyItems = [];
    this.status.hidden = false;
    this.status.textContent = "Loading posts…";
    this.list.scrollTop = 0;
    this.loadMore();
  };

  Feed.prototype.loadMore = function () {
    var self = this;
    if (this.loading || this.done) { return; }
    this.loading = true;
    var generation = this.generation;
    var current = function () { return generation === self.generation; };
    var query = "?count=6" + (this.cursor ? "&cursor=" + encodeURIComponent(this.cursor) : "");
    this.platform.call("GET", "/feed" + query)
      .then(function (page) {
        if (!current()) { return null; }
        // Like any "For you" feed it never ends: after the last page it starts again from the newest.
        self.cursor = page.has_more ? page.next_cursor : null;
        self.done = page.posts.length === 0 && self.cards.length === 0;
        var chain = Promise.resolve();
        page.posts.forEach(function (post) {
          chain = chain.then(function () {
            if (!current()) { return null; }
            self.append(self.organicCard(post));
            self.organicSinceAd += 1;
            if (self.organicSinceAd >= self.adEvery) {
              self.organicSinceAd = 0;
              return self.inFeedAd(current);
            }
            return null;
          });
        });
        return chain.then(function () {
          if (!current()) { return; }
          self.status.hidden = !self.done;
          if (self.done) {
            self.status.textContent = "No public posts yet.";
          }
        });
      })
      .catch(function (error) {
        if (!current()) { return; }
        self.status.hidden = false;
        self.status.textContent = "The feed could not load: " + error.message;
      })
      .then(function () { if (current()) { self.loading = false; } });
  };

  Feed.prototype.append = function (card) {
    this.list.insertBefore(card, this.more);
  };

  /** A card from the template, filled with what every card shows. */
  Feed.prototype.card = function (kind, show) {
    var card = this.template.content.firstElementChild.cloneNode(true);
    card.setAttribute("data-kind", kind);
    var video = card.querySelector(".feed-video");
    var poster = card.querySelector(".feed-poster");
    var videoUrl = safeUrl(show.videoUrl);
    if (videoUrl) {
      video.hidden = false;
      video.src = videoUrl;
      if (show.posterUrl) { video.poster = show.posterUrl; }
      video.setAttribute("aria-label", show.caption || "Video");
    } else if (show.posterUrl && safeUrl(show.posterUrl)) {
      poster.hidden = false;
      var img = document.createElement("img");
      img.src = show.posterUrl;
      img.alt = show.caption || "";
      poster.appendChild(img);
    } else {
      poster.hidden = false;
      poster.querySelector(".feed-poster-text").textContent = show.caption || "";
      poster.setAttribute("data-hue", String(Math.abs(hash(show.key)) % 6));
    }
    var avatar = card.querySelector(".feed-avatar");
    if (safeUrl(show.avatarUrl)) { avatar.src = show.avatarUrl; } else { avatar.hidden = true; }
    card.querySelector(".feed-display-name").textContent = show.displayName || "";
    card.querySelector(".feed-handle").textContent = show.handle ? "@" + show.handle : "";
    card.querySelector(".feed-caption").textContent = show.caption || "";
    card.querySelector(".feed-hashtags").textContent = (show.hashtags || []).map(function (t) { return "#" + t; }).join(" ");
    this.counters(card, show.counters);
    return card;
  };

  Feed.prototype.counters = function (card, counters) {
    Array.prototype.forEach.call(card.querySelectorAll("[data-counter]"), function (span) {
      var name = span.getAttribute("data-counter");
      span.textContent = counters ? compact(counters[name]) : "";
      span.setAttribute("data-value", counters ? String(counters[name] || 0) : "");
    });
  };

  Feed.prototype.organicCard = function (post) {
    var card = this.card("post", {
      key: post.item_id,
      videoUrl: post.video && post.video.url,
      posterUrl: post.video && post.video.poster_url,
      avatarUrl: post.creator.avatar_url,
      displayName: post.creator.display_name,
      handle: post.creator.handle,
      caption: post.caption,
      hashtags: post.hashtags,
      counters: post.counters
    });
    card.setAttribute("data-item-id", post.item_id);
    this.nearbyItems.push(post.item_id);
    var identity = card.querySelector(".feed-identity");
    identity.href = "/feed/@" + encodeURIComponent(post.creator.handle);
    this.wire(card, { itemId: post.item_id, viewerId: this.viewer.viewer_id }, post.duration_ms, null);
    return card;
  };

  /**
   * Asks for an In-Feed ad for the next slot and shows it in place; nothing when none is eligible.
   * The posts just above the slot are excluded, so a post never shows twice in a row.
   */
  Feed.prototype.inFeedAd = function (current) {
    var self = this;
    var nearby = this.nearbyItems;
    this.nearbyItems = [];
    return this.platform.call("POST", "/ad_requests", {
      request_id: uuid(),
      placement: "IN_FEED",
      slots: 1,
      viewer: viewerForRequest(this.viewer),
      exclude_item_ids: nearby
    }).then(function (answer) {
      var ad = answer && answer.ads && answer.ads[0];
      return ad ? self.adCard(ad).then(function (card) { if (current()) { self.append(card); } }) : null;
    }).catch(function (error) {
      window.console.warn("no ad for this slot:", error.message);
    });
  };

  /**
   * A Spark ad shows the post as it is, under the creator's identity with the post's public counters
   * (which count the ad's engagement too), plus "Sponsored" and the call to action. A non-Spark ad
   * shows its custom identity.
   */
  Feed.prototype.adCard = function (ad) {
    var self = this;
    var details = ad.spark && ad.item_id
      ? Promise.all([
          this.platform.call("GET", "/posts/" + encodeURIComponent(ad.item_id)).catch(function () { return null; }),
          this.platform.call("GET", "/accounts/" + encodeURIComponent(ad.identity.account_id)).catch(function () { return null; })
        ])
      : Promise.resolve([null, null]);
    return details.then(function (found) {
      var post = found[0];
      var account = found[1];
      var card = self.card(ad.spark ? "spark-ad" : "ad", {
        key: ad.impression_id,
        videoUrl: ad.video && ad.video.url,
        posterUrl: ad.video && ad.video.poster_url,
        avatarUrl: (account && account.avatar_url) || ad.identity.avatar_url,
        displayName: (account && account.display_name) || ad.identity.display_name,
        handle: account && account.handle,
        caption: ad.caption,
        hashtags: post ? post.hashtags : [],
        counters: post ? post["public"] : null
      });
      card.setAttribute("data-ad-id", ad.ad_id);
      card.setAttribute("data-impression-id", ad.impression_id);
      if (ad.item_id) { card.setAttribute("data-item-id", ad.item_id); }
      var label = card.querySelector(".feed-sponsored");
      label.hidden = false;
      label.textContent = ad.sponsored_label || "Sponsored";
      var about = { impressionId: ad.impression_id, viewerId: self.viewer.viewer_id };
      var landing = ad.destination && ad.destination.type === "WEBSITE" ? safeUrl(ad.destination.url) : null;
      var profile = account ? "/feed/@" + encodeURIComponent(account.handle) + "?impression_id=" + encodeURIComponent(ad.impression_id) : null;
      var cta = card.querySelector(".feed-cta");
      if (ad.call_to_action && (landing || profile)) {
        cta.hidden = false;
        cta.textContent = self.words.of(ad.call_to_action);
        cta.href = landing || profile;
        cta.addEventListener("click", function (event) {
          event.preventDefault();
          self.events.add("CLICK", about);
          if (landing) {
            openLandingPage(self.events, about, landing);
          } else {
            self.leaveFor(profile, about);
          }
        });
      }
      var identity = card.querySelector(".feed-identity");
      if (profile) {
        identity.href = profile;
        // Kept for the profile page, which shows the ad's landing page when the API has no panel.
        try {
          window.sessionStorage.setItem(AD_KEY + ad.impression_id, JSON.stringify({
            call_to_action: ad.call_to_action, url: landing, display_name: ad.identity.display_name
          }));
        } catch (e) { /* full */ }
      } else {
        identity.removeAttribute("href");
      }
      self.wire(card, about, post ? post.duration_ms : 15000, profile);
      return card;
    });
  };

  /**
   * A profile visit is an event of the post that led there, sent before leaving. An ad's visit is
   * not sent: the profile endpoint counts it from the impression id it is given, once.
   */
  Feed.prototype.leaveFor = function (href, about) {
    if (!about.impressionId) {
      this.events.add("PROFILE_VISIT", about);
    }
    var timeout = new Promise(function (resolve) { window.setTimeout(resolve, 1500); });
    Promise.race([this.events.flushAll(), timeout]).then(function () { window.location.assign(href); });
  };

  /** Events of a card: its buttons, its identity, and what the viewer watches of it. */
  Feed.prototype.wire = function (card, about, durationMs, profileHref) {
    var self = this;
    var entry = { card: card, about: about, seen: false, playback: null };
    entry.playback = new Playback(card, durationMs, function (type) { self.events.add(type, about); });
    this.cards.push(entry);
    card.addEventListener("click", function (event) {
      var button = event.target.closest(".feed-action");
      if (button) {
        self.act(card, button, about);
        return;
      }
      var identity = event.target.closest(".feed-identity");
      if (identity && identity.getAttribute("href")) {
        event.preventDefault();
        self.leaveFor(profileHref || identity.getAttribute("href"), about);
      }
    });
    this.observer.observe(card);
  };

  Feed.prototype.act = function (card, button, about) {
    var action = button.getAttribute("data-action");
    var types = { like: "LIKE", follow: "FOLLOW", comment: "COMMENT", share: "SHARE" };
    if ((action === "like" || action === "follow") && button.getAttribute("aria-pressed") === "true") {
      return; // an event cannot be taken back; the button stays on
    }
    this.events.add(types[action], about);
    if (action === "like" || action === "follow") {
      button.setAttribute("aria-pressed", "true");
    }
    if (action === "follow") {
      button.querySelector(".feed-count").textContent = "Following";
    }
    var count = button.querySelector("[data-counter]");
    if (count && count.getAttribute("data-value") !== "") {
      var value = Number(count.getAttribute("data-value") || 0) + 1;
      count.setAttribute("data-value", String(value));
      count.textContent = compact(value);
    }
    if (action === "share" && navigator.clipboard && card.querySelector(".feed-identity").href) {
      navigator.clipboard.writeText(card.querySelector(".feed-identity").href).catch(function () { /* refused */ });
    }
  };

  /** Half of a card in view is an impression (once per card) and plays it; less pauses it. */
  Feed.prototype.watchCards = function () {
    var self = this;
    this.observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        var entry = self.cards.filter(function (c) { return c.card === e.target; })[0];
        if (!entry) { return; }
        if (e.isIntersecting && e.intersectionRatio >= 0.5) {
          if (!entry.seen) {
            entry.seen = true;
            entry.card.setAttribute("data-seen", "true");
            self.events.add("IMPRESSION", entry.about);
          }
          entry.playback.start();
        } else {
          entry.playback.stop();
        }
      });
    }, { root: document.getElementById("feed"), threshold: [0, 0.5, 1] });
  };

  /** At the first open of the app, a TopView ad may take the whole screen before the feed. */
  Feed.prototype.topView = function () {
    var self = this;
    var asked = false;
    try { asked = window.sessionStorage.getItem(TOPVIEW_KEY) === "yes"; window.sessionStorage.setItem(TOPVIEW_KEY, "yes"); } catch (e) { asked = false; }
    if (asked) { return Promise.resolve(); }
    return this.platform.call("POST", "/ad_requests", {
      request_id: uuid(), placement: "TOPVIEW", slots: 1, viewer: viewerForRequest(this.viewer)
    }).then(function (answer) {
      var ad = answer && answer.ads && answer.ads[0];
      if (!ad) { return null; }
      return self.adCard(ad).then(function (card) {
        var overlay = document.getElementById("topview");
        var slot = document.getElementById("topview-slot");
        card.classList.add("feed-card-topview");
        slot.appendChild(card);
        overlay.hidden = false;
        var entry = self.cards.filter(function (c) { return c.card === card; })[0];
        self.observer.unobserve(card);
        entry.seen = true;
        self.events.add("IMPRESSION", entry.about);
        entry.playback.start();
        var close = function () {
          entry.playback.stop();
          overlay.hidden = true;
          slot.textContent = "";
        };
        document.getElementById("topview-skip").addEventListener("click", close);
        window.setTimeout(close, 5000);
      });
    }).catch(function (error) { window.console.warn("no TopView:", error.message); });
  };

  function hash(text) {
    var h = 0;
    text = String(text || "");
    for (var i = 0; i < text.length; i++) { h = (h * 31 + text.charCodeAt(i)) | 0; }
    return h;
  }

  // ---- the profile page -------------------------------------------------------------------------

  function Profile(root) {
    this.root = root;
    this.platform = new Platform(root);
    this.words = new Words();
    this.viewer = loadViewer();
    this.handle = root.getAttribute("data-handle");
    this.impressionId = new URLSearchParams(window.location.search).get("impression_id");
    this.events = new EventQueue(this.platform, function () {});
  }

  Profile.prototype.start = function () {
    var self = this;
    var status = document.getElementById("profile-status");
    this.platform.call("GET", "/accounts/@" + encodeURIComponent(this.handle))
      .then(function (account) {
        self.account(account, null);
        var query = "?page_size=24&viewer_id=" + encodeURIComponent(self.viewer.viewer_id)
          + (self.impressionId ? "&impression_id=" + encodeURIComponent(self.impressionId) : "");
        return self.platform.call("GET", "/profiles/" + encodeURIComponent(account.account_id) + query)
          .then(function (profile) {
            self.account(profile.account, profile.page_info);
            self.panel(profile.landing_panel);
            self.grid(profile.posts || []);
            status.hidden = true;
          }, function (error) {
            // Without the profile endpoint's answer, the page still shows who this is and, from the
            // ad that led here, a plain card of its landing page.
            self.panel(null);
            window.console.warn("profile:", error.message);
            status.textContent = "This profile's posts could not be loaded.";
          });
      })
      .catch(function (error) {
        status.textContent = error.status === 404 ? "No account with this handle." : "The profile could not load: " + error.message;
      });
  };

  Profile.prototype.account = function (account, pageInfo) {
    document.getElementById("profile-name").textContent = account.display_name || ("@" + account.handle);
    document.getElementById("profile-handle").textContent = "@" + account.handle;
    var avatar = document.getElementById("profile-avatar");
    if (safeUrl(account.avatar_url)) { avatar.src = account.avatar_url; }
    var figures = [];
    if (account.follower_count !== undefined && account.follower_count !== null) {
      figures.push(compact(account.follower_count) + (Number(account.follower_count) === 1 ? " follower" : " followers"));
    }
    if (pageInfo && pageInfo.total_number !== undefined) {
      figures.push(pageInfo.total_number + (pageInfo.total_number === 1 ? " post" : " posts"));
    }
    document.getElementById("profile-figures").textContent = figures.join(" · ");
  };

  /**
   * The Profile Landing Page: from a Spark ad, part of its landing page (the API's panel, or a plain
   * card of the address the ad named) with its call to action; opening it is a landing page view.
   */
  Profile.prototype.panel = function (panel) {
    var self = this;
    if (!this.impressionId) { return; }
    var kept = null;
    try { kept = JSON.parse(window.sessionStorage.getItem(AD_KEY + this.impressionId) || "null"); } catch (e) { kept = null; }
    var url = safeUrl(panel ? panel.url : kept && kept.url);
    if (!url) { return; }
    var cta = panel && panel.call_to_action ? panel.call_to_action : { code: kept && kept.call_to_action };
    document.getElementById("landing-title").textContent = (panel && panel.title) || host(url);
    document.getElementById("landing-description").textContent = (panel && panel.description) || "";
    document.getElementById("landing-host").textContent = host(url);
    var image = document.getElementById("landing-image");
    if (panel && safeUrl(panel.image_url)) { image.src = panel.image_url; image.hidden = false; }
    var button = document.getElementById("landing-cta");
    button.textContent = cta.label || this.words.of(cta.code || "LEARN_MORE");
    button.href = url;
    var about = { impressionId: this.impressionId, viewerId: this.viewer.viewer_id };
    var open = function (event) {
      event.preventDefault();
      openLandingPage(self.events, about, url);
    };
    button.addEventListener("click", open);
    if (panel && panel.image_url) { image.addEventListener("click", open); }
    document.getElementById("landing-panel").hidden = false;
  };

  Profile.prototype.grid = function (posts) {
    var grid = document.getElementById("profile-grid");
    grid.textContent = "";
    if (!posts.length) {
      var none = document.createElement("p");
      none.className = "muted";
      none.textContent = "No public posts yet.";
      grid.appendChild(none);
      return;
    }
    posts.forEach(function (post) {
      var tile = document.createElement("article");
      tile.className = "profile-tile";
      tile.setAttribute("data-item-id", post.item_id);
      tile.setAttribute("data-hue", String(Math.abs(hash(post.item_id)) % 6));
      if (safeUrl(post.poster_url)) {
        var img = document.createElement("img");
        img.src = post.poster_url;
        img.alt = post.caption || "";
        tile.appendChild(img);
      } else {
        var caption = document.createElement("span");
        caption.className = "profile-tile-caption";
        caption.textContent = post.caption || "";
        tile.appendChild(caption);
      }
      var views = document.createElement("span");
      views.className = "profile-tile-views";
      var counters = post.counters || post["public"] || {};
      views.textContent = "▶ " + compact(counters.views);
      tile.appendChild(views);
      grid.appendChild(tile);
    });
  };

  // ---- start ------------------------------------------------------------------------------------

  document.addEventListener("DOMContentLoaded", function () {
    var feed = document.getElementById("feed-app");
    if (feed) { new Feed(feed).start(); }
    var profile = document.getElementById("feed-profile");
    if (profile) { new Profile(profile).start(); }
  });
})();
