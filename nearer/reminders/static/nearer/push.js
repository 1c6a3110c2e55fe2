// Turns on notifications in this browser from the reminder settings page. Without
// JavaScript (or without push support) the button stays hidden and email still works.
(function () {
  "use strict";

  function keyBytes(base64url) {
    var padded = (base64url + "===".slice((base64url.length + 3) % 4))
      .replace(/-/g, "+")
      .replace(/_/g, "/");
    var raw = atob(padded);
    return Uint8Array.from(raw, function (c) { return c.charCodeAt(0); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.querySelector("[data-push]");
    if (!box || !("serviceWorker" in navigator) || !("PushManager" in window)) return;
    var button = box.querySelector("button");
    var status = box.querySelector("[data-push-status]");
    box.hidden = false;
    button.addEventListener("click", function () {
      navigator.serviceWorker
        .register(box.dataset.worker)
        .then(function (registration) {
          return registration.pushManager.subscribe({
            userVisibleOnly: true,
            applicationServerKey: keyBytes(box.dataset.key),
          });
        })
        .then(function (subscription) {
          return fetch(box.dataset.url, {
            method: "POST",
            credentials: "same-origin",
            headers: {
              "Content-Type": "application/json",
              // The token of the settings form on this same page.
              "X-CSRFToken": document.querySelector("[name=csrfmiddlewaretoken]").value,
            },
            body: JSON.stringify(subscription.toJSON()),
          });
        })
        .then(function (response) {
          status.textContent = response.ok ? box.dataset.done : box.dataset.failed;
        })
        .catch(function () {
          status.textContent = box.dataset.failed;
        });
    });
  });
})();
