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
          button.textContent = button.dataset.copied || "Copied";
          setTimeout(function () { button.textContent = label; }, 2000);
        });
      });
    });
  });
})();
