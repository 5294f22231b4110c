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
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-complaint-form]").forEach(syncRepresentation);
    var summary = document.querySelector(".error-summary");
    if (summary) summary.focus();
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
