// Progressive enhancement only: every page works without JavaScript.
(function () {
  "use strict";
  // Show "on behalf of" only when the complainant represents a client.
  function syncRepresentation(form) {
    var chosen = form.querySelector('input[name="representation"]:checked');
    var target = form.querySelector("[data-shows-for-representative]");
    if (!target) return;
    if (target.querySelector(".errorlist")) { target.hidden = false; return; }
    target.hidden = !(chosen && chosen.value === "representative");
  }
  document.addEventListener("change", function (event) {
    if (event.target.name === "representation") syncRepresentation(event.target.form);
  });
  // An error in the summary links to its field; for a group of choices (a fieldset) the
  // link brings the question into view and focuses its first choice.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest('.error-summary a[href^="#"]');
    if (!link) return;
    var target = document.getElementById(link.getAttribute("href").slice(1));
    if (!target || target.tagName !== "FIELDSET") return;
    var first = target.querySelector("input, select, textarea");
    if (!first) return;
    event.preventDefault();
    target.scrollIntoView();
    first.focus({ preventScroll: true });
  });
  // A form shown again with errors: the summary takes the focus, also when the address ends
  // in a fragment (a form posted after "Skip to content" returns to …#main, and the browser
  // would move the focus there once the page has loaded).
  function focusErrorSummary() {
    var summary = document.querySelector(".error-summary");
    if (summary) summary.focus();
  }
  window.addEventListener("load", function () {
    if (window.location.hash) window.setTimeout(focusErrorSummary, 0);
  });
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-complaint-form]").forEach(syncRepresentation);
    focusErrorSummary();
    // "Copy the text" buttons (order confirmation text): shown only where the browser can copy.
    if (navigator.clipboard) {
      document.querySelectorAll("button[data-copy]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () {
          var source = document.getElementById(button.getAttribute("data-copy"));
          if (source) navigator.clipboard.writeText(source.value);
        });
      });
    }
  });
})();
