// Nearer's small progressive enhancements. Every page works without this file.
(function () {
  "use strict";

  // Quick exit: leave for a neutral site without adding this page to the back button.
  function quickExit(url) {
    document.body.replaceChildren();
    document.title = "";
    window.location.replace(url);
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-quick-exit]");
    if (link) {
      event.preventDefault();
      quickExit(link.href);
    }
  });
  var lastEscape = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var now = Date.now();
    if (now - lastEscape < 800) {
      var link = document.querySelector("[data-quick-exit]");
      if (link) quickExit(link.href);
    }
    lastEscape = now;
  });

  document.addEventListener("DOMContentLoaded", function () {
    // Guess the time zone from the browser when a form asks for it and it is still UTC.
    var guess = "";
    try { guess = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { guess = ""; }
    document.querySelectorAll("select[data-guess-time-zone]").forEach(function (select) {
      if (guess && (!select.value || select.value === "UTC") && select.querySelector('option[value="' + guess + '"]')) {
        select.value = guess;
      }
    });

    // Copy buttons: shown only when the clipboard is available.
    document.querySelectorAll("[data-copy-target]").forEach(function (button) {
      if (!navigator.clipboard) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        var source = document.getElementById(button.dataset.copyTarget);
        navigator.clipboard.writeText(source.value).then(function () {
          var label = button.textContent;
          button.textContent = button.dataset.copied;
          setTimeout(function () { button.textContent = label; }, 2000);
        });
      });
    });
  });
})();

// The gentle 15-minute timer on the talk page (the page works without it).
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var box = document.querySelector("[data-timer]");
  if (!box) return;
  box.hidden = false;
  var left = parseInt(box.dataset.timer, 10);
  var display = box.querySelector(".timer-display");
  var start = box.querySelector("[data-timer-start]");
  var pause = box.querySelector("[data-timer-pause]");
  var done = box.querySelector("[data-timer-done]");
  var ticking = null;
  function show() {
    var m = Math.floor(left / 60), s = left % 60;
    display.textContent = m + ":" + (s < 10 ? "0" : "") + s;
  }
  function stop() { clearInterval(ticking); ticking = null; start.hidden = false; pause.hidden = true; }
  start.addEventListener("click", function () {
    if (ticking || left <= 0) return;
    start.hidden = true; pause.hidden = false;
    ticking = setInterval(function () {
      left -= 1; show();
      if (left <= 0) { stop(); start.hidden = true; done.hidden = false; }
    }, 1000);
  });
  pause.addEventListener("click", stop);
  show();
});

// The installable app: register the service worker (it keeps nothing personal; see sw.js).
if ("serviceWorker" in navigator && window.isSecureContext) {
  window.addEventListener("load", function () {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {});
  });
}

// A form came back with problems: move focus to the summary so it is read out first.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var summary = document.querySelector(".error-summary[tabindex]");
  if (summary) summary.focus();
});
