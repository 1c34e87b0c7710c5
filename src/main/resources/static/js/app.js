// Spark Ads pages: htmx wiring and the copy button. Plain JavaScript, no build step.
(function () {
  "use strict";

  // Spring Security expects the CSRF token on every state-changing request, htmx's included.
  document.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector('meta[name="csrf-token"]');
    var header = document.querySelector('meta[name="csrf-header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // A session that ended answers an htmx request with the sign-in page: go there instead of
  // swapping it into the page. Too many attempts (429) answer with a whole page saying to try
  // later: show it in place of the page, as a form posted without htmx would.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var xhr = event.detail.xhr;
    if (xhr && xhr.responseURL && new URL(xhr.responseURL).pathname === "/login") {
      event.detail.shouldSwap = false;
      window.location.assign("/login");
      return;
    }
    if (xhr && xhr.status === 429) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
      event.detail.target = document.body;
      event.detail.swapOverride = "innerHTML";
      event.detail.selectOverride = null;
      window.scrollTo(0, 0);
    }
  });

  // <form data-confirm="Question?"> asks before submitting, for forms that post without htmx.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form && form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  // htmx leaves the page as it was on an error status; say so instead of doing nothing.
  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    var message = status === 404 ? "That item no longer exists; reload the page."
        : status === 403 ? "You may not do that, or your session expired; reload the page."
        : "Something went wrong (" + status + "); nothing was changed. Try again.";
    toast(message);
  });
  document.addEventListener("htmx:sendError", function () {
    toast("The server could not be reached; check your connection and try again.");
  });

  function toast(message) {
    var box = document.createElement("div");
    box.className = "alert error toast";
    box.setAttribute("role", "alert");
    box.textContent = message;
    document.body.appendChild(box);
    setTimeout(function () { box.remove(); }, 6000);
  }

  // <button data-copy="#selector"> copies the selected element's text.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button) {
      return;
    }
    var source = document.querySelector(button.getAttribute("data-copy"));
    if (!source) {
      return;
    }
    var text = source.textContent.trim();
    var done = function () {
      var label = button.textContent;
      button.textContent = "Copied";
      setTimeout(function () { button.textContent = label; }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { selectText(source); });
    } else {
      selectText(source);
    }
  });

  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
})();
