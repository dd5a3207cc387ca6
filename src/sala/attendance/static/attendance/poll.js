/* Live blocks: an element with data-poll, hx-get and hx-trigger="every 5s, visibilitychange from:document".
 *
 * - No request while the page is hidden (a phone in a pocket, a tab in the background); the
 *   block catches up as soon as the page is shown again. A static file rather than an htmx
 *   trigger filter, because filters are eval'd and the CSP forbids eval.
 * - Conditional requests: the block's last ETag goes back as If-None-Match, and a 304 (no
 *   body) leaves the block as it is instead of emptying it.
 */
(function () {
  "use strict";

  function polled(detail) {
    return detail.elt instanceof Element && detail.elt.hasAttribute("data-poll");
  }

  document.addEventListener("htmx:configRequest", function (event) {
    if (!polled(event.detail)) return;
    if (document.visibilityState !== "visible") {
      event.preventDefault();
      return;
    }
    if (event.detail.elt.dataset.etag) {
      event.detail.headers["If-None-Match"] = event.detail.elt.dataset.etag;
    }
  });

  document.addEventListener("htmx:beforeSwap", function (event) {
    if (polled(event.detail) && event.detail.xhr.status === 304) {
      event.detail.shouldSwap = false;
    }
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    var etag = polled(event.detail) && event.detail.xhr.getResponseHeader("ETag");
    if (etag) event.detail.elt.dataset.etag = etag;
  });
})();
