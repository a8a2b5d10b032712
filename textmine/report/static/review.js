/* textmine report: the analyst's review of tagged occurrences. Works from file:// with no
   server: marks are kept while the page is open, "Download corrections" saves them as JSON
   Lines, "Load corrections" reads such a file back. Text from a file is only ever set as
   text, never as markup. */
(function () {
  "use strict";
  var section = document.getElementById("review");
  var dialog = document.getElementById("review-dialog");
  if (!section || !dialog || typeof dialog.showModal !== "function") { return; }
  var config = JSON.parse(document.getElementById("tm-data").textContent);
  var labels = config.labels || {};
  var form = document.getElementById("review-form");
  var list = document.getElementById("review-list");
  var status = document.getElementById("review-status");
  var reviewer = document.getElementById("review-reviewer");
  var loader = document.getElementById("review-load");
  var FIELDS = ["actor", "recipients", "modality", "negated", "voice"];
  var VERDICTS = ["correct", "corrected", "not_an_occurrence"];
  var SAID = { correct: "correct", corrected: "corrected", not_an_occurrence: "not an occurrence" };
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark[data-id]"));
  var byId = {};
  var items = {};
  var reviews = {};
  var current = null;
  var returnTo = null;

  function label(group) { return labels[group] || String(group).replace(/_/g, " "); }
  function plural(n, noun) { return n + " " + noun + (n === 1 ? "" : "s"); }

  function tagged(mark) {
    var d = mark.dataset;
    return {
      actor: d.actor,
      recipients: d.recipients ? d.recipients.split(" ") : [],
      modality: d.modality,
      negated: d.negated === "1",
      voice: d.voice || "active"
    };
  }

  function plainText(node) {  // the provision's words, without the tooltips and badges
    var copy = node.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll(".tip, .flag"), function (el) { el.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function place(mark) {
    var article = mark.closest("article.prov");
    var ref = article ? article.querySelector(".prov-head a") : null;
    var doc = mark.closest("#text > section");
    var title = doc ? doc.querySelector("h3") : null;
    return {
      doc: article ? article.dataset.doc : "",
      ref: ref ? ref.textContent : "",
      title: title ? title.textContent : "",
      sentence: article ? plainText(article.querySelector(".prov-text")) : ""
    };
  }

  function describe(mark) {
    var t = tagged(mark);
    var p = place(mark);
    var who = label(t.actor) + " → " + (t.recipients.length ? t.recipients.map(label).join(", ") : label("none"));
    var doubts = mark.dataset.doubts ? "; doubts: " + mark.dataset.doubts.split(" ").join(", ") : "";
    return "“" + mark.textContent + "”, " + p.title + " " + p.ref + ": " + who + doubts;
  }

  marks.forEach(function (mark) { byId[mark.dataset.id] = mark; });
  marks.slice().sort(function (a, b) { return Number(a.dataset.rank) - Number(b.dataset.rank); })
    .forEach(function (mark) {
      var li = document.createElement("li");
      var button = document.createElement("button");
      var state = document.createElement("span");
      button.type = "button";
      button.className = "rv-item";
      button.dataset.id = mark.dataset.id;
      button.textContent = describe(mark);
      state.className = "rv-state";
      li.appendChild(button);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(state);
      list.appendChild(li);
      items[mark.dataset.id] = { button: button, state: state };
    });

  function show(id) {
    var mark = byId[id];
    var review = reviews[id];
    var verdict = review ? review.verdict : "";
    VERDICTS.forEach(function (v) { mark.classList.toggle("rv-" + v, v === verdict); });
    items[id].state.textContent = verdict ? "(" + SAID[verdict] + ")" : "";
    var counts = { correct: 0, corrected: 0, not_an_occurrence: 0 };
    var n = 0;
    Object.keys(reviews).forEach(function (key) { counts[reviews[key].verdict] += 1; n += 1; });
    status.textContent = n
      ? plural(n, "occurrence") + " reviewed: " + counts.correct + " correct, " + counts.corrected +
        " corrected, " + counts.not_an_occurrence + " not an occurrence."
      : "No occurrence reviewed yet.";
  }

  function open(mark, from) {
    current = mark;
    returnTo = from;
    var values = reviews[mark.dataset.id] && reviews[mark.dataset.id].values
      ? Object.assign(tagged(mark), reviews[mark.dataset.id].values) : tagged(mark);
    var p = place(mark);
    document.getElementById("review-term").textContent = "“" + mark.textContent + "”";
    document.getElementById("review-where").textContent = p.title + ", " + p.ref;
    document.getElementById("review-sentence").textContent = p.sentence;
    form.elements.actor.value = values.actor;
    Array.prototype.forEach.call(form.querySelectorAll("input[name=recipients]"), function (box) {
      box.checked = values.recipients.indexOf(box.value) >= 0;
    });
    form.elements.modality.value = values.modality;
    form.elements.negated.checked = values.negated;
    form.elements.voice.value = values.voice;
    form.elements.note.value = reviews[mark.dataset.id] ? reviews[mark.dataset.id].note || "" : "";
    dialog.showModal();
    form.elements.actor.focus();
  }

  function entered() {
    return {
      actor: form.elements.actor.value,
      recipients: Array.prototype.filter.call(form.querySelectorAll("input[name=recipients]"),
        function (box) { return box.checked; }).map(function (box) { return box.value; }),
      modality: form.elements.modality.value,
      negated: form.elements.negated.checked,
      voice: form.elements.voice.value
    };
  }

  function changed(before, after) {
    var out = {};
    FIELDS.forEach(function (name) {
      var a = before[name];
      var b = after[name];
      var same = Array.isArray(a) ? a.slice().sort().join(" ") === b.slice().sort().join(" ") : a === b;
      if (!same) { out[name] = b; }
    });
    return out;
  }

  function close() {
    dialog.close();
    if (returnTo) { returnTo.focus(); }
    current = null;
  }

  dialog.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button[data-verdict]") : null;
    if (!button || !current) { return; }
    var id = current.dataset.id;
    var verdict = button.dataset.verdict;
    var note = form.elements.note.value.trim();
    if (verdict === "clear") {
      delete reviews[id];
    } else if (verdict === "corrected") {
      var values = changed(tagged(current), entered());
      reviews[id] = Object.keys(values).length
        ? { verdict: "corrected", values: values, note: note } : { verdict: "correct", note: note };
    } else if (verdict !== "cancel") {
      reviews[id] = { verdict: verdict, note: note };
    }
    show(id);
    close();
  });
  dialog.addEventListener("cancel", function () { window.setTimeout(function () { if (returnTo) { returnTo.focus(); } }, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });

  list.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button.rv-item") : null;
    if (button) { open(byId[button.dataset.id], button); }
  });
  marks.forEach(function (mark) {
    mark.addEventListener("click", function () { open(mark, mark); });
    mark.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); open(mark, mark); }
    });
  });

  function lines() {
    var name = reviewer.value.trim();
    return marks.filter(function (mark) { return reviews[mark.dataset.id]; }).map(function (mark) {
      var review = reviews[mark.dataset.id];
      var p = place(mark);
      var line = { id: mark.dataset.id, verdict: review.verdict };
      if (review.values) { Object.keys(review.values).forEach(function (k) { line[k] = review.values[k]; }); }
      if (name) { line.reviewer = name; }
      if (review.note) { line.note = review.note; }
      line.doc = p.doc;
      line.ref = p.ref;
      line.text = mark.textContent;
      return JSON.stringify(line);
    });
  }

  document.getElementById("review-download").addEventListener("click", function () {
    var text = lines();
    if (!text.length) { status.textContent = "Nothing to download: no occurrence reviewed yet."; return; }
    var url = URL.createObjectURL(new Blob([text.join("\n") + "\n"], { type: "application/x-ndjson" }));
    var link = document.createElement("a");
    link.href = url;
    link.download = "corrections.jsonl";
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    status.textContent = plural(text.length, "correction") + " downloaded (corrections.jsonl).";
  });

  loader.addEventListener("change", function () {
    var file = loader.files && loader.files[0];
    if (!file) { return; }
    var reader = new FileReader();
    reader.onload = function () {
      var found = 0;
      var elsewhere = 0;
      var added = 0;
      var problem = "";
      String(reader.result).split(/\r?\n/).forEach(function (text, index) {
        if (!text.trim() || problem) { return; }
        var line;
        try { line = JSON.parse(text); } catch (error) { problem = "line " + (index + 1) + ": not valid JSON"; return; }
        if (!line || typeof line !== "object" || Array.isArray(line)) { problem = "line " + (index + 1) + ": not an object"; return; }
        if (line.verdict === "added") { added += 1; return; }
        if (VERDICTS.indexOf(line.verdict) < 0 || typeof line.id !== "string") {
          problem = "line " + (index + 1) + ": needs an id and a verdict (correct, corrected, not_an_occurrence)";
          return;
        }
        if (!byId[line.id]) { elsewhere += 1; return; }
        var values = {};
        FIELDS.forEach(function (name) { if (name in line) { values[name] = line[name]; } });
        reviews[line.id] = { verdict: line.verdict, values: line.verdict === "corrected" ? values : null,
          note: typeof line.note === "string" ? line.note : "" };
        if (typeof line.reviewer === "string" && !reviewer.value) { reviewer.value = line.reviewer; }
        found += 1;
        show(line.id);
      });
      status.textContent = problem
        ? file.name + ", " + problem + " (nothing after it was loaded)."
        : plural(found, "correction") + " loaded from " + file.name +
          (elsewhere ? "; " + elsewhere + " for occurrences not in this report" : "") +
          (added ? "; " + added + " added occurrences (applied by textmine analyse --corrections)" : "") + ".";
    };
    reader.readAsText(file);
    loader.value = "";
  });
}());
