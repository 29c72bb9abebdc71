/* Jalur Resmi: the recruiter checklist (cek-perekrut/). Shows the result while the reader answers.
 *
 * The rule is not in this file: each answer carries its severity (data-severity) and the form carries
 * the ordered verdicts (data-rule), both rendered from data/checklist.yml. The first verdict that
 * applies wins: "any" = at least one answer has one of these severities; "all" = every question is
 * answered and every answer has one of these severities.
 *
 * Privacy: answers never leave the phone. Nothing is sent, nothing goes into the address, and nothing
 * is stored unless the reader ticks "remember" (then localStorage, on this phone only). Without that,
 * answers are cleared when the reader leaves the page, so Back does not show them to someone else.
 */
(function () {
  "use strict";
  var form = document.getElementById("jr-checklist");
  if (!form || !window.JSON || !form.closest) return;
  var root = form.closest(".jr-checklist");
  var KEY = "jr-cek-perekrut";
  var rule = JSON.parse(form.getAttribute("data-rule"));
  var total = form.querySelectorAll("fieldset[data-q]").length;
  var status = document.getElementById("jr-status");
  var remember = document.getElementById("jr-remember");

  function all(selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function answers() {
    var out = {};
    all("fieldset[data-q] input:checked").forEach(function (input) {
      out[input.name.slice(3)] = input;            // name="jr-<question id>"
    });
    return out;
  }

  // The list of what to do, one item per answer that is not "ok", most severe first (the order of
  // data-ranks), each with the question and its advice from the form (the same text as without JS).
  function buildProblems() {
    var list = root.querySelector(".jr-problems");
    var labels = JSON.parse(list.getAttribute("data-labels"));
    var names = JSON.parse(list.getAttribute("data-answers"));
    list.getAttribute("data-ranks").split(" ").forEach(function (rank) {
      all("fieldset[data-q]").forEach(function (fieldset) {
        var legend = fieldset.querySelector("legend").cloneNode(true);
        legend.removeChild(legend.querySelector(".jr-q__n"));
        Array.prototype.forEach.call(fieldset.querySelectorAll("input"), function (input) {
          var advice = fieldset.querySelector("[data-advice='" + input.value + "']");
          if (input.getAttribute("data-severity") !== rank || !advice) return;
          var li = document.createElement("li"), head = document.createElement("p");
          var mark = document.createElement("span"), question = document.createElement("strong");
          var answer = document.createElement("span"), text = document.createElement("p");
          li.className = "jr-problem";
          li.setAttribute("data-q", fieldset.getAttribute("data-q"));
          li.setAttribute("data-answer", input.value);
          li.hidden = true;
          mark.className = "jr-mark jr-mark--" + rank;
          mark.textContent = labels[rank];
          question.textContent = legend.textContent.trim();
          answer.className = "jr-problem__answer";
          answer.textContent = list.getAttribute("data-your-answer").replace("{answer}", names[input.value]);
          text.textContent = advice.textContent;
          head.appendChild(mark);
          head.appendChild(document.createTextNode(" "));
          head.appendChild(question);
          head.appendChild(document.createTextNode(" "));
          head.appendChild(answer);
          li.appendChild(head);
          li.appendChild(text);
          list.appendChild(li);
        });
      });
    });
  }

  function verdict(given) {
    var severities = Object.keys(given).map(function (q) { return given[q].getAttribute("data-severity"); });
    var complete = severities.length === total;
    function listed(list) { return function (s) { return list.indexOf(s) >= 0; }; }
    for (var i = 0; i < rule.length; i++) {
      var v = rule[i];
      if (v.any ? severities.some(listed(v.any)) : complete && severities.every(listed(v.all))) return v.id;
    }
    return "";
  }

  function situation() {
    var chosen = root.querySelector("input[name=jr-situation]:checked");
    all("[data-situation]").forEach(function (el) {
      el.hidden = !!chosen && el.getAttribute("data-situation") !== chosen.value;
    });
  }

  function save() {
    try {
      if (!remember.checked) { localStorage.removeItem(KEY); return; }
      var state = {};
      all("input:checked[name^=jr-]").forEach(function (input) { state[input.name] = input.value; });
      localStorage.setItem(KEY, JSON.stringify(state));
    } catch (e) { /* storage unavailable: nothing is kept */ }
  }

  function restore() {
    var state = null;
    try { state = JSON.parse(localStorage.getItem(KEY) || "null"); } catch (e) { return false; }
    if (!state) return true;
    remember.checked = true;
    Object.keys(state).forEach(function (name) {
      all("input[name^=jr-]").forEach(function (input) {
        if (input.name === name && input.value === state[name]) input.checked = true;
      });
    });
    return true;
  }

  function update() {
    var given = answers();
    var result = verdict(given);
    var shown = 0;
    root.setAttribute("data-result", result);
    all(".jr-result [data-verdict]").forEach(function (el) {
      el.hidden = el.getAttribute("data-verdict") !== result;
    });
    all(".jr-problem").forEach(function (li) {
      var answer = given[li.getAttribute("data-q")];
      li.hidden = !answer || answer.value !== li.getAttribute("data-answer");
      if (!li.hidden) shown++;
    });
    root.querySelector(".jr-todo").hidden = !shown;
    var title = root.querySelector(".jr-result [data-verdict='" + result + "'] .jr-verdict__title");
    status.textContent = title.textContent + " · " +
      status.getAttribute("data-progress").replace("{n}", Object.keys(given).length);
    status.parentNode.className = "jr-status jr-status--" + (result || "pending");
    situation();
    save();
  }

  buildProblems();
  all("[data-js]").forEach(function (el) { el.hidden = false; });
  if (!restore()) remember.parentNode.parentNode.hidden = true;
  root.addEventListener("change", update);
  form.addEventListener("reset", function () {
    var first = root.querySelector("input[name=jr-situation]");
    remember.checked = false;
    if (first) first.checked = true;
    setTimeout(update, 0);                          // after the browser has cleared the radios
  });
  window.addEventListener("pagehide", function () {
    if (!remember.checked) { form.reset(); update(); }
  });
  update();
})();
