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
  });
})();
