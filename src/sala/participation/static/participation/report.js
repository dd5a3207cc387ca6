/* The rapporteur's report, saved as they type, and never lost on a phone's bad connection.
 *
 * - Every change is kept at once in localStorage (key: the form's data-draft-key, per group
 *   and personal link), and posted ~800 ms after the typing stops: the same form, with
 *   `Accept: application/json`, carrying the revision the text started from. The draft is
 *   removed only when the server confirms the very text it holds.
 * - A failed request (offline, server error) is retried with a growing pause, and at once
 *   when the browser comes back `online`.
 * - After a reload, a draft that differs from the server's text is put back in the form and
 *   sent with the revision it started from: if nobody saved since, it is saved; if someone
 *   did, the server refuses (409) and the page shows their text beside the draft, so nothing
 *   is lost. Autosave then waits until the writer presses "Save".
 * - A request whose answer never came may still have been saved: a 409 carrying exactly
 *   such a text is our own, so the script goes on from its revision.
 * - The status line's words come from the form's data attributes, translated by the server.
 */
(function () {
  "use strict";

  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch || !window.FormData) return;

  var PARTS = ["key_points", "recommendations", "questions"];
  var DELAY = 800;
  var RETRY_FIRST = 2000;
  var RETRY_MAX = 30000;
  var key = form.dataset.draftKey;
  var statusLine = form.querySelector("[data-save-status]");
  var newer = document.querySelector("[data-newer]");
  var revision = form.elements.base_revision;

  var typingTimer = null;
  var retryTimer = null;
  var retryDelay = RETRY_FIRST;
  var sending = null; // the texts of the request on its way
  var unconfirmed = []; // texts sent whose answer never came: they may be saved
  var dirty = false; // the form holds text the server has not confirmed
  var paused = false; // after a refusal: wait for "Save"
  var conflictRevision = null; // the newer revision, adopted when the writer presses "Save"

  function texts() {
    var result = {};
    PARTS.forEach(function (part) {
      result[part] = form.elements[part].value;
    });
    return result;
  }

  function normal(value) {
    return String(value || "").replace(/\r\n?/g, "\n").trim();
  }

  function same(a, b) {
    return Boolean(a && b) && PARTS.every(function (part) {
      return normal(a[part]) === normal(b[part]);
    });
  }

  function say(state, text) {
    statusLine.textContent = text || form.dataset[state] || "";
    statusLine.dataset.state = state;
  }

  function readDraft() {
    try {
      return JSON.parse(window.localStorage.getItem(key));
    } catch (error) {
      return null;
    }
  }

  function keepDraft() {
    var draft = { texts: texts(), base: Number(revision.value), unconfirmed: unconfirmed, at: Date.now() };
    try {
      window.localStorage.setItem(key, JSON.stringify(draft));
    } catch (error) {
      /* storage full or forbidden: the text is still in the form */
    }
  }

  function dropDraft() {
    try {
      window.localStorage.removeItem(key);
    } catch (error) {
      /* nothing kept, nothing to drop */
    }
  }

  function retry() {
    window.clearTimeout(retryTimer);
    retryTimer = window.setTimeout(send, retryDelay);
    retryDelay = Math.min(retryDelay * 2, RETRY_MAX);
  }

  function send() {
    window.clearTimeout(typingTimer);
    window.clearTimeout(retryTimer);
    if (sending || paused || !dirty) return;
    if (navigator.onLine === false) {
      say("offline");
      retry();
      return;
    }
    dirty = false;
    sending = texts();
    say("saving");
    fetch(form.action || window.location.href, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    }).then(
      function (response) {
        return response.json().catch(function () {
          return {};
        }).then(function (data) {
          answered(response.status, data);
        });
      },
      failed
    );
  }

  function failed() {
    unconfirmed = unconfirmed.concat([sending]).slice(-20);
    sending = null;
    dirty = true;
    keepDraft();
    say("offline");
    retry();
  }

  function answered(status, data) {
    var sent = sending;
    sending = null;
    if (status === 200) {
      unconfirmed = [];
      retryDelay = RETRY_FIRST;
      revision.value = data.revision;
      if (!dirty && same(texts(), sent)) {
        dropDraft();
        say("saved");
      } else {
        dirty = true;
        keepDraft();
        send();
      }
      return;
    }
    if (status === 409 && unconfirmed.some(function (text) { return same(data, text); })) {
      unconfirmed = [];
      revision.value = data.revision;
      dirty = true;
      keepDraft();
      send();
      return;
    }
    dirty = true;
    keepDraft();
    if (status === 409) {
      showNewer(data);
      conflictRevision = data.revision;
      paused = true;
      say("conflict", data.error);
    } else if (status >= 500 || status === 429) {
      say("offline");
      retry();
    } else {
      paused = true;
      say("failed", data.error);
    }
  }

  function showNewer(data) {
    if (!newer) return;
    PARTS.forEach(function (part) {
      var box = newer.querySelector('[data-newer-part="' + part + '"]');
      if (box) box.textContent = data[part] || "";
    });
    newer.hidden = false;
  }

  function changed() {
    dirty = true;
    keepDraft();
    if (paused) return;
    say("saving");
    window.clearTimeout(typingTimer);
    typingTimer = window.setTimeout(send, DELAY);
  }

  form.addEventListener("input", changed);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (conflictRevision !== null) {
      revision.value = conflictRevision; // the writer has seen the newer text: theirs replaces it
      conflictRevision = null;
    }
    paused = false;
    dirty = true;
    retryDelay = RETRY_FIRST;
    keepDraft();
    send();
  });
  window.addEventListener("online", function () {
    retryDelay = RETRY_FIRST;
    send();
  });

  var server = {};
  PARTS.forEach(function (part) {
    server[part] = form.elements[part].defaultValue;
  });
  var draft = readDraft();
  if (draft && draft.texts && !same(draft.texts, server)) {
    PARTS.forEach(function (part) {
      form.elements[part].value = draft.texts[part] || "";
    });
    if (typeof draft.base === "number" && !isNaN(draft.base)) revision.value = draft.base;
    unconfirmed = Array.isArray(draft.unconfirmed) ? draft.unconfirmed : [];
    dirty = true;
    send();
  } else if (draft) {
    dropDraft();
  }
})();
