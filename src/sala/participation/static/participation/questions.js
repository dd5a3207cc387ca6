/* The moderator's queue refreshes itself every few seconds (attendance/poll.js). While a
 * moderator has a "merge into" box open, the refresh waits, so the choice being made is not
 * swapped away; it resumes when the box is closed or the merge is sent. */
(function () {
  "use strict";

  document.addEventListener("htmx:configRequest", function (event) {
    var elt = event.detail.elt;
    if (!(elt instanceof Element) || !elt.hasAttribute("data-poll")) return;
    if (elt.querySelector("details.qa-merge[open]")) event.preventDefault();
  });
})();
