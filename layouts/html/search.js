// Search over every commitment of the archive, in the browser, with no server: filters the
// index that renaksi writes (search-index.js, loaded before this file) as the user types. A
// commitment matches when every word typed begins a word of its title, number, plan,
// organisations, themes, policy areas or summary (accents and case ignored); matches in the
// title come first.
// Hand-written, no framework; results are built with DOM calls (textContent), never as markup.
// Without JavaScript the search page shows its <noscript> note instead of the box.
(function () {
  "use strict";

  function normalise(text) {
    return String(text)
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();
  }

  function words(query) {
    return normalise(query)
      .split(/[\s\p{P}\p{S}]+/u)
      .filter(function (w) { return w.length > 0; });
  }

  function start() {
    var form = document.getElementById("search-form");
    var input = document.getElementById("search-q");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    if (!form || !input || !status || !list || !window.RENAKSI_SEARCH) return;

    var lang = form.getAttribute("data-lang");
    var root = form.getAttribute("data-root") || "";
    var found = form.getAttribute("data-found") || "{n}";
    var none = form.getAttribute("data-none") || "";
    var numbers = new Intl.NumberFormat(lang || undefined);
    var limit = 100;

    var entries = (window.RENAKSI_SEARCH[lang] || []).map(function (e, order) {
      return {
        entry: e,
        order: order,
        title: words(e.n + " " + e.t),
        text: words([e.n, e.t, e.p, e.w, e.s].join(" "))
      };
    });

    function begins(list, term) {
      for (var i = 0; i < list.length; i++) if (list[i].lastIndexOf(term, 0) === 0) return true;
      return false;
    }

    function render(query) {
      var terms = words(query);
      while (list.firstChild) list.removeChild(list.firstChild);
      if (terms.length === 0) {
        status.textContent = "";
        return;
      }
      var hits = [];
      entries.forEach(function (x) {
        var score = 0;
        for (var i = 0; i < terms.length; i++) {
          if (!begins(x.text, terms[i])) return;
          if (begins(x.title, terms[i])) score += 1;
        }
        hits.push({ x: x, score: score });
      });
      hits.sort(function (a, b) { return b.score - a.score || a.x.order - b.x.order; });
      status.textContent = hits.length === 0 ? none : found.replace("{n}", numbers.format(hits.length));
      hits.slice(0, limit).forEach(function (h) {
        var e = h.x.entry;
        var li = document.createElement("li");
        if (e.l !== lang) li.setAttribute("lang", e.l);
        var a = document.createElement("a");
        a.href = root + e.u;
        a.textContent = e.n + ". " + e.t;
        li.appendChild(a);
        var plan = document.createElement("span");
        plan.className = "meta";
        plan.textContent = " \u00b7 " + e.p;
        li.appendChild(plan);
        if (e.s) {
          var p = document.createElement("p");
          p.textContent = e.s;
          li.appendChild(p);
        }
        list.appendChild(li);
      });
    }

    function remember(query) {
      try {
        var url = new URL(window.location.href);
        if (query) url.searchParams.set("q", query);
        else url.searchParams.delete("q");
        window.history.replaceState(null, "", url.toString());
      } catch (err) {
        // Some browsers refuse history changes for file:// pages; search works all the same.
      }
    }

    form.hidden = false;
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    input.addEventListener("input", function () {
      render(input.value);
      remember(input.value);
    });
    var initial = new URLSearchParams(window.location.search).get("q");
    if (initial) {
      input.value = initial;
      render(initial);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
