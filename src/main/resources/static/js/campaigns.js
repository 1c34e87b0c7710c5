// Ads Manager › Campaigns: bulk selection, form helpers, and the ad creation page's format switch,
// live preview and video upload with a progress bar. Plain JavaScript, no build step.
(function () {
  "use strict";

  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  function csrfHeaders() {
    var token = document.querySelector('meta[name="csrf-token"]');
    var header = document.querySelector('meta[name="csrf-header"]');
    return token && header ? [[header.content, token.content]] : [];
  }

  // ---- Lists: "select all" and how many are selected for the bulk bar

  function rowBoxes(formId) {
    return all('input[type=checkbox][name=ids][form="' + formId + '"]');
  }

  function showSelected(formId) {
    var label = document.querySelector('[data-selected-count="' + formId + '"]');
    if (!label) {
      return;
    }
    if (!label.hasAttribute("data-idle")) {
      label.setAttribute("data-idle", label.textContent);
    }
    var count = rowBoxes(formId).filter(function (box) { return box.checked; }).length;
    label.textContent = count === 0 ? label.getAttribute("data-idle") : count + " selected";
  }

  document.addEventListener("change", function (event) {
    var target = event.target;
    var formId = target.getAttribute && target.getAttribute("data-select-all");
    if (formId) {
      rowBoxes(formId).forEach(function (box) { box.checked = target.checked; });
      showSelected(formId);
      return;
    }
    if (target.name === "ids" && target.getAttribute("form")) {
      showSelected(target.getAttribute("form"));
    }
  });

  // A bulk action whose button says data-confirm-action="Question?" asks first.
  document.addEventListener("submit", function (event) {
    var button = event.submitter;
    var question = button && button.getAttribute("data-confirm-action");
    if (question && !window.confirm(question)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  // ---- Budget amounts only where the mode has one; goals only of the billing event

  function syncBudget(select) {
    var amount = document.querySelector(select.getAttribute("data-budget-mode"));
    if (amount) {
      // A disabled input is neither sent nor required.
      amount.disabled = select.value === "BUDGET_MODE_INFINITE";
    }
    // Pacing applies to a daily budget only: beside any other it is hidden and not sent.
    if (select.form) {
      all("[data-budget-mode-only]", select.form).forEach(function (part) {
        var fits = part.getAttribute("data-budget-mode-only") === select.value;
        part.hidden = !fits;
        all("input, select", part).forEach(function (input) { input.disabled = !fits; });
      });
    }
  }

  function syncGoals(select) {
    var goals = document.querySelector(select.getAttribute("data-goals"));
    if (!goals) {
      return;
    }
    all("optgroup[data-billing]", goals).forEach(function (group) {
      var fits = group.getAttribute("data-billing") === select.value;
      group.hidden = !fits;
      group.disabled = !fits;
    });
    var chosen = goals.options[goals.selectedIndex];
    if (chosen && chosen.parentElement.disabled) {
      goals.value = "";
    }
  }

  // TopView takes a daily reservation at a fixed CPM; In-Feed may take a frequency cap.
  function syncPlacement(form) {
    var placement = form.querySelector('input[name="placement"]:checked');
    if (!placement) {
      return;
    }
    all("[data-placement-only]", form).forEach(function (part) {
      var fits = part.getAttribute("data-placement-only") === placement.value;
      part.hidden = !fits;
      all("input, select", part).forEach(function (input) { input.disabled = !fits; });
    });
    var billing = form.querySelector("[data-goals]");
    if (placement.value === "TOPVIEW" && billing && billing.querySelector('option[value="CPM"]')) {
      billing.value = "CPM";
      syncGoals(billing);
    }
  }

  document.addEventListener("change", function (event) {
    if (event.target.name === "placement" && event.target.form) {
      syncPlacement(event.target.form);
    }
    if (event.target.matches("[data-budget-mode]")) {
      syncBudget(event.target);
    }
    if (event.target.matches("[data-goals]")) {
      syncGoals(event.target);
    }
  });

  // ---- The ad creation page

  function adForm() {
    return document.getElementById("ad-form");
  }

  function checked(name) {
    var form = adForm();
    return form ? form.querySelector('input[name="' + name + '"]:checked') : null;
  }

  function selectedOption(id) {
    var select = document.getElementById(id);
    return select && select.selectedIndex >= 0 ? select.options[select.selectedIndex] : null;
  }

  function value(id) {
    var element = document.getElementById(id);
    return element ? element.value.trim() : "";
  }

  function syncFormat() {
    var format = checked("format");
    all("[data-format-panel]").forEach(function (panel) {
      panel.hidden = !format || panel.getAttribute("data-format-panel") !== format.value;
    });
  }

  function syncSparkUpload() {
    var panel = document.getElementById("spark-upload");
    var post = checked("sparkPost");
    if (panel) {
      panel.hidden = !(post && post.value === "UPLOAD");
    }
  }

  function syncDestination() {
    var website = document.getElementById("destination-website");
    var url = document.getElementById("landing-page-url");
    if (website && url) {
      url.disabled = !website.checked;
    }
  }

  function syncCounters() {
    all("[data-counter-for]").forEach(function (counter) {
      var field = document.getElementById(counter.getAttribute("data-counter-for"));
      if (field) {
        counter.textContent = field.value.length + "/" + (field.getAttribute("maxlength") || "");
      }
    });
  }

  // What the feed would show: the identity's name, the post's caption or the ad's text, the
  // "Sponsored" label and the call-to-action button.
  function updatePreview() {
    if (!document.getElementById("ad-preview")) {
      return;
    }
    var format = checked("format");
    var spark = !format || format.value === "SPARK";
    var name = "";
    var caption = "";
    var videoUrl = "";
    var posterUrl = "";
    if (spark) {
      var identity = selectedOption("spark-identity");
      name = identity ? identity.getAttribute("data-display-name") || "" : "";
      var post = checked("sparkPost");
      if (post && post.value === "UPLOAD") {
        caption = value("spark-caption");
        videoUrl = uploadedUrl(document.getElementById("spark-upload"));
        posterUrl = uploadedPoster(document.getElementById("spark-upload"));
      } else if (post) {
        caption = post.getAttribute("data-caption") || "";
        videoUrl = post.getAttribute("data-video-url") || "";
      }
    } else {
      var custom = selectedOption("custom-identity");
      name = custom ? custom.getAttribute("data-display-name") || "" : "";
      caption = value("ad-text");
      videoUrl = uploadedUrl(document.getElementById("non-spark-fields"));
      posterUrl = uploadedPoster(document.getElementById("non-spark-fields"));
    }
    document.getElementById("preview-name").textContent = name || "Choose an identity";
    document.getElementById("preview-avatar").textContent = name ? name.charAt(0).toUpperCase() : "?";
    document.getElementById("preview-caption").textContent = caption;
    var cta = selectedOption("call-to-action");
    document.getElementById("preview-cta").textContent = cta ? cta.textContent : "";
    var website = document.getElementById("destination-website");
    var destination = document.getElementById("preview-destination");
    if (website && website.checked) {
      var url = value("landing-page-url");
      destination.textContent = url ? "The button opens " + url : "Enter the website the button opens.";
    } else {
      destination.textContent = "The button opens " + (name || "the account") + "'s profile page.";
    }
    showVideo(videoUrl, posterUrl);
  }

  // An upload's address is a random token the server answered, never derived from its id.
  function uploadedUrl(container) {
    var id = container && container.querySelector(".upload-video-id");
    return id && id.value ? id.getAttribute("data-video-url") || "" : "";
  }

  function uploadedPoster(container) {
    var id = container && container.querySelector(".upload-video-id");
    return id && id.value ? id.getAttribute("data-poster-url") || "" : "";
  }

  function showVideo(url, poster) {
    var video = document.querySelector("#ad-preview .preview-video");
    var play = document.querySelector("#ad-preview .preview-play");
    if (!video) {
      return;
    }
    if (!url) {
      video.hidden = true;
      video.removeAttribute("src");
      play.hidden = false;
      return;
    }
    if (video.getAttribute("src") !== url) {
      video.setAttribute("src", url);
    }
    if (poster) {
      video.setAttribute("poster", poster);
    } else {
      video.removeAttribute("poster");
    }
    video.hidden = false;
    play.hidden = true;
  }

  function syncAdForm() {
    if (!adForm()) {
      return;
    }
    syncFormat();
    syncSparkUpload();
    syncDestination();
    syncCounters();
    updatePreview();
  }

  document.addEventListener("input", function (event) {
    if (adForm() && adForm().contains(event.target)) {
      syncCounters();
      updatePreview();
    }
  });
  document.addEventListener("change", function (event) {
    if (adForm() && adForm().contains(event.target) && !event.target.matches(".upload-file")) {
      syncAdForm();
    }
  });
  // The post picker and the custom identities are swapped in by htmx.
  document.addEventListener("htmx:afterSwap", syncAdForm);

  // ---- Video upload: XMLHttpRequest, for its upload progress events

  document.addEventListener("change", function (event) {
    if (event.target.matches(".upload-file")) {
      upload(event.target);
    }
  });

  function upload(input) {
    var box = input.closest("[data-upload-url]");
    var file = input.files && input.files[0];
    if (!box || !file) {
      return;
    }
    var progress = box.querySelector(".upload-progress");
    var bar = box.querySelector(".upload-bar");
    var percent = box.querySelector(".upload-percent");
    var status = box.querySelector(".upload-status");
    var videoId = box.querySelector(".upload-video-id");
    var videoName = box.querySelector(".upload-video-name");
    var submit = document.getElementById("submit-ad");

    videoId.value = "";
    videoId.removeAttribute("data-video-url");
    videoId.removeAttribute("data-poster-url");
    videoName.value = "";
    status.className = "upload-status small";
    status.textContent = "Uploading " + file.name + "…";
    bar.value = 0;
    percent.textContent = "0%";
    progress.hidden = false;
    if (submit) {
      submit.disabled = true;
    }
    updatePreview();

    var data = new FormData();
    data.append("video_file", file, file.name);
    var xhr = new XMLHttpRequest();
    xhr.open("POST", box.getAttribute("data-upload-url"));
    csrfHeaders().forEach(function (pair) { xhr.setRequestHeader(pair[0], pair[1]); });
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) {
        var done = Math.round((e.loaded / e.total) * 100);
        bar.value = done;
        percent.textContent = done + "%";
        if (done === 100) {
          status.textContent = "Checking " + file.name + "…";
        }
      }
    });
    xhr.addEventListener("load", function () {
      var answer = {};
      try {
        answer = JSON.parse(xhr.responseText || "{}");
      } catch (ignored) {
        answer = {};
      }
      if (xhr.status === 200 && answer.video_id) {
        bar.value = 100;
        percent.textContent = "100%";
        videoId.value = answer.video_id;
        videoId.setAttribute("data-video-url", answer.url || "");
        videoId.setAttribute("data-poster-url", answer.poster_url || "");
        videoName.value = answer.file_name || file.name;
        status.className = "upload-status small done";
        status.textContent = "Uploaded " + videoName.value + " · video " + answer.video_id;
        input.removeAttribute("aria-invalid");
        input.removeAttribute("aria-describedby");
      } else {
        progress.hidden = true;
        status.className = "upload-status small failed";
        status.textContent = answer.detail
            || (xhr.status === 413 ? "The file is too large." : "The upload failed (" + xhr.status + "); try again.");
        input.value = "";
        // The problem stands beside the file input, which names it, as the form's checks do.
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", status.id);
      }
      finish();
    });
    xhr.addEventListener("error", function () {
      progress.hidden = true;
      status.className = "upload-status small failed";
      status.textContent = "The server could not be reached; check your connection and try again.";
      finish();
    });
    xhr.send(data);

    function finish() {
      if (submit) {
        submit.disabled = false;
      }
      updatePreview();
    }
  }

  function start() {
    all("[data-budget-mode]").forEach(syncBudget);
    all("[data-goals]").forEach(syncGoals);
    all("form").forEach(function (form) {
      if (form.querySelector("[data-placement-only]")) {
        syncPlacement(form);
      }
    });
    syncAdForm();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
