// Nearer's service worker, served from /sw.js so it controls the whole site.
// Privacy first: it never stores a page with anything personal in it. It keeps only the
// offline page, the stylesheet, the script and the icons, and shows the offline page when a
// page cannot be reached, and shows reminders sent by web push (nearer/reminders).
"use strict";

var CACHE = "nearer-shell-v1";
var SHELL = [
  "/offline/",
  "/static/nearer/nearer.css",
  "/static/nearer/app.js",
  "/static/nearer/icons/icon.svg",
  "/static/nearer/icons/icon-192.png"
];

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      // One missing file must not stop the worker from installing.
      return Promise.all(SHELL.map(function (url) { return cache.add(url).catch(function () {}); }));
    }).then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (keys) {
      return Promise.all(keys.filter(function (key) { return key !== CACHE; }).map(function (key) {
        return caches.delete(key);
      }));
    }).then(function () { return self.clients.claim(); })
  );
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  if (request.mode === "navigate") {
    // Pages always come from the network; only when that fails, the offline page.
    event.respondWith(fetch(request).catch(function () { return caches.match("/offline/"); }));
    return;
  }
  var url = new URL(request.url);
  if (url.origin === self.location.origin && SHELL.indexOf(url.pathname) !== -1) {
    event.respondWith(fetch(request).catch(function () { return caches.match(request); }));
  }
});

// Reminders sent by web push: a title and a line, never anything a person wrote.
self.addEventListener("push", function (event) {
  var data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch (error) {
    data = {};
  }
  var title = data.title || "Nearer";
  event.waitUntil(
    self.registration.showNotification(title, {
      body: data.body || "",
      data: { url: data.url || "/today/" },
      tag: "nearer",
    })
  );
});

self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  var url = (event.notification.data && event.notification.data.url) || "/today/";
  event.waitUntil(self.clients.openWindow(url));
});
