/* textmine report: filters, "show in text" buttons, anchor navigation and tooltips.
   Works from file:// with no server and no external resource. */
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("tm-data").textContent);
  var form = document.getElementById("filters");
  var status = document.getElementById("filter-status");
  if (!form) { return; }
  var provisions = Array.prototype.slice.call(document.querySelectorAll("article.prov"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("details.group"));
  var relationRows = Array.prototype.slice.call(document.querySelectorAll("tr[data-actor]"));
  var fields = ["term", "level", "actor", "recipient", "modality", "doc"];

  function current() {
    var v = {};
    fields.forEach(function (name) { v[name] = form.elements[name].value; });
    v.weakened = form.elements.weakened.checked;
    v.agentless = form.elements.agentless.checked;
    return v;
  }

  function markFilterOn(v) {
    return Boolean(v.term || v.level || v.actor || v.recipient || v.modality || v.weakened || v.agentless);
  }

  function plural(n, noun) { return n + " " + noun + (n === 1 ? "" : "s"); }

  function recipientMatches(list, wanted) {
    if (!wanted) { return true; }
    if (wanted === "none") { return list.length === 0; }
    if (wanted.charAt(0) === "@") {
      var group = config.groups[wanted.slice(1)] || [];
      return list.some(function (r) { return group.indexOf(r) >= 0; });
    }
    return list.indexOf(wanted) >= 0;
  }

  function markMatches(mark, v) {
    var d = mark.dataset;
    if (v.term && d.term !== v.term) { return false; }
    if (v.level && d.level !== v.level) { return false; }
    if (v.actor && d.actor !== v.actor) { return false; }
    if (v.modality && d.modality !== v.modality) { return false; }
    if (v.weakened && d.weakened !== "1") { return false; }
    if (v.agentless && d.agentless !== "1") { return false; }
    var recipients = d.recipients ? d.recipients.split(" ") : [];
    return recipientMatches(recipients, v.recipient);
  }

  function apply() {
    var v = current();
    var marksOn = markFilterOn(v);
    var anyOn = marksOn || Boolean(v.doc);
    var nProv = 0;
    var nOcc = 0;
    provisions.forEach(function (prov) {
      var marks = prov.querySelectorAll("mark[data-term]");
      var hits = 0;
      for (var i = 0; i < marks.length; i += 1) {
        var ok = markMatches(marks[i], v);
        marks[i].classList.toggle("dim", marksOn && !ok);
        if (ok) { hits += 1; }
      }
      var show = (!v.doc || prov.dataset.doc === v.doc) && (!marksOn || hits > 0);
      prov.hidden = !show;
      if (show) { nProv += 1; nOcc += marksOn ? hits : marks.length; }
    });
    groups.forEach(function (group) {
      var visible = group.querySelector("article.prov:not([hidden])") !== null;
      group.hidden = anyOn && !visible;
      if (anyOn && visible && marksOn) { group.open = true; }
    });
    relationRows.forEach(function (row) {
      var d = row.dataset;
      var terms = d.terms ? d.terms.split(" ") : [];
      var named = d.recipient === "none" ? [] : [d.recipient];
      var ok = (!v.doc || d.doc === v.doc) && (!v.actor || d.actor === v.actor) &&
        recipientMatches(named, v.recipient) && (!v.term || terms.indexOf(v.term) >= 0);
      row.hidden = !ok;
    });
    status.textContent = anyOn
      ? plural(nProv, "provision") + " shown, with " + plural(nOcc, "matching occurrence") + "."
      : "No filter: all " + plural(provisions.length, "provision") + " (groups open on demand).";
  }

  function setFilters(values) {
    form.reset();
    Object.keys(values).forEach(function (name) {
      var el = form.elements[name];
      if (!el) { return; }
      if (el.type === "checkbox") { el.checked = Boolean(values[name]); } else { el.value = values[name]; }
    });
    apply();
  }

  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button.show") : null;
    if (!button) { return; }
    var d = button.dataset;
    setFilters({ doc: d.doc || "", actor: d.actor || "", recipient: d.recipient || "", term: d.term || "" });
    var target = document.getElementById("text");
    target.scrollIntoView();
    status.focus();
  });

  function reveal(id) {
    var el = id ? document.getElementById(id) : null;
    if (!el) { return; }
    var hiddenAncestor = el.closest("[hidden]");
    if (hiddenAncestor) { setFilters({}); }
    for (var node = el.parentElement; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") { node.open = true; }
    }
    el.scrollIntoView();
    if (el.tabIndex < 0 && el.matches("article.prov")) { el.setAttribute("tabindex", "-1"); }
    if (el.matches("article.prov")) { el.focus({ preventScroll: true }); }
  }

  function fromHash() { reveal(decodeURIComponent(window.location.hash.slice(1))); }
  window.addEventListener("hashchange", fromHash);

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var active = document.activeElement;
    var occ = active && active.closest ? active.closest(".occ") : null;
    if (occ) { occ.classList.add("tip-off"); }
  });
  document.addEventListener("focusout", function (event) {
    var occ = event.target.closest ? event.target.closest(".occ") : null;
    if (occ) { occ.classList.remove("tip-off"); }
  });

  apply();
  if (window.location.hash) { fromHash(); }
}());
