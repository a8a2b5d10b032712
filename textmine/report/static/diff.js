/* textmine diff report: filter changes by kind. Works from file:// with no server;
   without scripts every change stays visible. */
(function () {
  "use strict";
  var form = document.getElementById("diff-filters");
  var status = document.getElementById("filter-status");
  if (!form) { return; }
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=kind]"));
  // The changes to paired provisions; the unpaired provisions listed apart are not filtered.
  var articles = Array.prototype.slice.call(document.querySelectorAll("#changes > article.change"));

  function plural(n, noun) { return n + " " + noun + (n === 1 ? "" : "s"); }

  function wanted() {
    var on = {};
    boxes.forEach(function (box) { if (box.checked) { on[box.value] = true; } });
    return on;
  }

  function apply() {
    var on = wanted();
    var shownChanges = 0;
    var totalChanges = 0;
    var shownItems = 0;
    articles.forEach(function (article) {
      var rows = Array.prototype.slice.call(article.querySelectorAll("[data-kind]"));
      var hits = 0;
      rows.forEach(function (row) {
        var ok = Boolean(on[row.dataset.kind]);
        row.hidden = !ok;
        if (row.tagName === "LI") {
          totalChanges += 1;
          if (ok) { hits += 1; }
        }
      });
      article.hidden = hits === 0;
      if (hits) { shownItems += 1; shownChanges += hits; }
    });
    status.textContent = shownChanges === totalChanges
      ? "All " + plural(totalChanges, "change") + " shown."
      : shownChanges + " of " + plural(totalChanges, "change") + " shown, in " +
        plural(shownItems, "provision") + ".";
  }

  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  form.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button[data-only]") : null;
    if (!button) { return; }
    var only = button.dataset.only ? button.dataset.only.split(" ") : null;
    boxes.forEach(function (box) { box.checked = !only || only.indexOf(box.value) >= 0; });
    apply();
    status.focus();
  });
  apply();
}());
