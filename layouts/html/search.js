// Search over the full text of every commitment of the archive, in the browser, with no server.
// The index is MiniSearch's (assets/minisearch.js, bundled from npm at build time); renaksi
// writes the plans' catalogue (search-index.js, loaded before this file) and each plan's text
// (<lang>/<plan>/search-data.js), which this script loads with <script> elements, one plan
// after another, so it works from file:// as over HTTP (no fetch). Results appear while the
// plans load and are re-ranked as each one arrives.
// Only the newest EAGER_PLANS plans are loaded up front (a plan of 25 commitments is ~200 KiB
// of text, so that keeps one language within 4 MiB); choosing a plan in the filter loads that
// plan, choosing a stage the newest EAGER_PLANS plans of that stage. In a larger archive the
// status says how many plans were searched: complete results over every plan need an index
// split by word (not done yet; see docs/architecture.md).
// Words are matched by their stem, typos are forgiven (one letter in five), and a word may be
// the start of a longer one. Final plans' commitments come before drafts'. Results and their
// highlights are built with DOM calls (textContent, <mark> elements), never as markup.
// Without JavaScript the search page shows its <noscript> note instead of the box.
(function () {
  "use strict";

  // --- Stemming -----------------------------------------------------------------------------
  // MiniSearch has no stemmers, and no maintained npm package ships an Indonesian one as a
  // browser script; these two are small, and the same function stems the text and the query,
  // so the two always agree.

  var VOWEL = /[aeiou]/g;
  function measure(w) { return (w.match(VOWEL) || []).length; }
  function isVowel(c) { return c === "a" || c === "e" || c === "i" || c === "o" || c === "u"; }

  // Indonesian, after Tala's stemmer (the one Snowball implements): particles (-kah, -lah,
  // -pun), possessives (-ku, -mu, -nya), first-order prefixes (meng-, meny-, mem-, men-, me-,
  // peng-, peny-, pem-, pen-, di-, ter-, ke-), second-order prefixes (ber-, be-, per-, pe-) and
  // suffixes (-kan, -an, -i), each removed only while the word keeps more than two vowels.
  // pengaduan -> adu, penganggaran -> anggar, kesehatan -> sehat, pelayanan -> layan.
  function stemId(w) {
    if (measure(w) <= 2) return w;
    var m;
    if ((m = /^(.*)(kah|lah|pun)$/.exec(w)) && measure(w) > 2) w = m[1];
    if ((m = /^(.*)(ku|mu|nya)$/.exec(w)) && measure(w) > 2) w = m[1];
    if (measure(w) <= 2) return w;
    var prefix = 0;  // 1: me-/di-/ter-, 2: pe-/per-, 3: peng-/ke-, 4: ber-
    var first = firstOrderPrefix(w);
    if (first) {
      w = first.word;
      prefix = first.kind;
      if (measure(w) > 2) w = suffix(w, prefix);
      if (measure(w) > 2) {
        var second = secondOrderPrefix(w);
        if (second) w = second.word;
      }
    } else {
      var s = secondOrderPrefix(w);
      if (s) {
        w = s.word;
        prefix = s.kind;
      }
      if (measure(w) > 2) w = suffix(w, prefix);
    }
    return w;
  }
  function firstOrderPrefix(w) {
    var rules = [
      ["meng", "", 1], ["meny", "s", 1, true], ["mem", "p", 1, true], ["mem", "", 1], ["men", "", 1], ["me", "", 1],
      ["peng", "", 3], ["peny", "s", 3, true], ["pem", "p", 3, true], ["pem", "", 3], ["pen", "", 3],
      ["di", "", 1], ["ter", "", 1], ["ke", "", 3]
    ];
    for (var i = 0; i < rules.length; i++) {
      var r = rules[i];
      if (w.lastIndexOf(r[0], 0) !== 0) continue;
      var rest = w.slice(r[0].length);
      if (r[3] && !(rest.length > 0 && isVowel(rest[0]))) continue;  // meny-/peny-/mem-/pem- + vowel
      var word = r[1] + rest;
      if (measure(word) < 1 || word.length < 3) return null;
      return { word: word, kind: r[2] };
    }
    return null;
  }
  function secondOrderPrefix(w) {
    var rules = [["belajar", "ajar", 4], ["pelajar", "ajar", 2], ["ber", "", 4], ["per", "", 2], ["pe", "", 2]];
    for (var i = 0; i < rules.length; i++) {
      var r = rules[i];
      if (w.lastIndexOf(r[0], 0) !== 0) continue;
      var word = r[1] + w.slice(r[0].length);
      if (measure(word) < 1 || word.length < 3) return null;
      return { word: word, kind: r[2] };
    }
    if (/^be[^aeiou]er/.test(w)) return { word: w.slice(2), kind: 4 };
    return null;
  }
  function suffix(w, prefix) {
    if (/kan$/.test(w) && prefix !== 3 && prefix !== 2 && w.length > 5) return w.slice(0, -3);
    if (/an$/.test(w) && prefix !== 1 && w.length > 4) return w.slice(0, -2);
    if (/[^s]i$/.test(w) && prefix <= 2 && w.length > 4) return w.slice(0, -1);
    return w;
  }

  // English: the inflections (plurals, -ing, -ed, -ly) and a final -e, so that complaint and
  // complaints, improve, improved and improving meet.
  function stemEn(w) {
    if (w.length <= 3) return w;
    var m;
    if (/ies$/.test(w) && w.length > 4) w = w.slice(0, -3) + "y";
    else if (/sses$/.test(w)) w = w.slice(0, -2);
    else if (/[^su]s$/.test(w)) w = w.slice(0, -1);
    if ((m = /^(.+?)(ing|ed|ly)$/.exec(w)) && /[aeiouy]/.test(m[1]) && m[1].length >= 3) {
      w = m[1];
      if (/([^aeiouslz])\1$/.test(w)) w = w.slice(0, -1);  // planned -> plann -> plan
    }
    if (/e$/.test(w) && w.length > 4) w = w.slice(0, -1);
    return w;
  }

  function normalise(text) {
    return String(text)
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();
  }

  var WORD = /[\p{L}\p{N}]+/gu;
  function tokenize(text) { return String(text).match(WORD) || []; }

  // --- The page -----------------------------------------------------------------------------

  function start() {
    var form = document.getElementById("search-form");
    var input = document.getElementById("search-q");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var filters = {
      plan: document.getElementById("search-plan"),
      theme: document.getElementById("search-theme"),
      stage: document.getElementById("search-stage"),
      lead: document.getElementById("search-lead")
    };
    if (!form || !input || !status || !list || !window.RENAKSI_SEARCH || !window.MiniSearch) return;

    var lang = form.getAttribute("data-lang");
    var root = form.getAttribute("data-root") || "";
    var found = form.getAttribute("data-found") || "{n}";
    var none = form.getAttribute("data-none") || "";
    var loadingText = form.getAttribute("data-loading") || "";
    var numbers = new Intl.NumberFormat(lang || undefined);
    var limit = 50;
    var stem = lang === "id" ? stemId : lang === "en" ? stemEn : function (w) { return w; };
    var plans = window.RENAKSI_SEARCH[lang] || [];
    var planByData = {};
    plans.forEach(function (p, order) { p.order = order; planByData[p.d] = p; });

    function term(word) {
      var w = normalise(word);
      return w ? stem(w) : null;
    }

    var docs = [];
    var index = new window.MiniSearch({
      fields: ["t", "o", "l", "h", "x"],
      tokenize: tokenize,
      processTerm: term,
      extractField: function (doc, field) {
        var v = doc[field];
        return Array.isArray(v) ? v.join(" \n") : v;
      },
      searchOptions: {
        boost: { t: 4, o: 2, l: 2, h: 2, x: 1 },
        combineWith: "AND",
        prefix: function (t) { return t.length >= 3; },
        fuzzy: function (t) { return t.length >= 5 ? 1 : false; },
        maxFuzzy: 1
      }
    });

    var EAGER_PLANS = Number(form.getAttribute("data-eager")) || 16;  // data-eager: for the tests
    var partialText = form.getAttribute("data-partial") || "";
    var loaded = 0;  // plans whose data is in the index (or failed to load)
    var queue = plans.slice(0, EAGER_PLANS);  // plans to load, in order
    var loading = false;
    window.renaksiSearchShard = function (key, entries) {
      var plan = planByData[key];
      if (!plan || plan.done) return;
      plan.done = true;
      var batch = entries.map(function (e) {
        e.id = docs.length;
        e.plan = plan;
        docs.push(e);
        return e;
      });
      index.addAll(batch);
    };

    // Each queued plan's text in turn (one <script> at a time keeps the page responsive); the
    // results are shown again after each.
    function loadNext() {
      while (queue.length > 0 && queue[0].tried) queue.shift();
      if (queue.length === 0) {
        loading = false;
        render();
        list.setAttribute("aria-busy", "false");  // every plan asked for is in
        return;
      }
      loading = true;
      list.setAttribute("aria-busy", "true");
      var plan = queue.shift();
      plan.tried = true;
      var script = document.createElement("script");
      script.src = root + plan.d;
      script.onload = script.onerror = function () {
        loaded += 1;
        script.remove();
        update();
        loadNext();
      };
      document.head.appendChild(script);
    }

    // The plans a filter names that are not loaded yet: the chosen plan, or the newest
    // EAGER_PLANS of the chosen stage; loaded before any other still queued.
    function loadFiltered() {
      var p = selected(filters.plan), s = selected(filters.stage);
      if (!p && !s) return;
      var wanted = plans.filter(function (x) { return (!p || x.k === p) && (!s || x.g === s); }).slice(0, EAGER_PLANS);
      var fresh = wanted.filter(function (x) { return !x.tried; });
      if (fresh.length === 0) return;
      queue = fresh.concat(queue);
      if (!loading) loadNext();
    }

    function selected(select) { return select ? select.value : ""; }

    function matchesFilters(doc) {
      var p = selected(filters.plan), t = selected(filters.theme), s = selected(filters.stage), l = selected(filters.lead);
      if (p && doc.plan.k !== p) return false;
      if (s && doc.plan.g !== s) return false;
      if (t && doc.h.indexOf(t) < 0) return false;
      if (l && doc.l.indexOf(l) < 0) return false;
      return true;
    }

    // `text` into `parent`, each word whose stem is one of `terms` in a <mark>.
    function appendMarked(parent, text, terms) {
      var last = 0;
      var m;
      WORD.lastIndex = 0;
      while ((m = WORD.exec(text)) !== null) {
        if (!terms[term(m[0])]) continue;
        if (m.index > last) parent.appendChild(document.createTextNode(text.slice(last, m.index)));
        var mark = document.createElement("mark");
        mark.textContent = m[0];
        parent.appendChild(mark);
        last = m.index + m[0].length;
      }
      if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
    }

    // About 200 characters of the text around its first matching word (its start when none).
    function snippet(text, terms) {
      var at = -1;
      var m;
      WORD.lastIndex = 0;
      while ((m = WORD.exec(text)) !== null)
        if (terms[term(m[0])]) { at = m.index; break; }
      var from = at < 0 ? 0 : Math.max(0, at - 80);
      if (from > 0) {
        var space = text.indexOf(" ", from);
        if (space >= 0 && space < at) from = space + 1;
      }
      var to = Math.min(text.length, from + 220);
      if (to < text.length) {
        var end = text.lastIndexOf(" ", to);
        if (end > (at < 0 ? from : at)) to = end;
      }
      return (from > 0 ? "\u2026 " : "") + text.slice(from, to).replace(/\s*\n\s*/g, " \u00b7 ") + (to < text.length ? " \u2026" : "");
    }

    function render() {
      var query = input.value;
      var filtered = ["plan", "theme", "stage", "lead"].some(function (f) { return selected(filters[f]) !== ""; });
      while (list.firstChild) list.removeChild(list.firstChild);
      if (tokenize(query).length === 0 && !filtered) {
        status.textContent = loading ? progress() : "";
        return;
      }
      var hits = tokenize(query).length === 0
        ? index.search(window.MiniSearch.wildcard, { filter: function (r) { return matchesFilters(docs[r.id]); } })
        : index.search(query, { filter: function (r) { return matchesFilters(docs[r.id]); } });
      // Final plans first, then by relevance, then newest plan and plan order.
      hits.sort(function (a, b) {
        var x = docs[a.id], y = docs[b.id];
        return (y.plan.f ? 1 : 0) - (x.plan.f ? 1 : 0) || b.score - a.score || x.plan.order - y.plan.order || x.n - y.n;
      });
      var count = hits.length === 0 ? none : found.replace("{n}", numbers.format(hits.length));
      status.textContent = loading ? count + " " + progress() : loaded < plans.length ? count + " " + partial() : count;
      hits.slice(0, limit).forEach(function (h) {
        var e = docs[h.id];
        var terms = {};
        (h.terms || []).forEach(function (t) { terms[t] = true; });
        var li = document.createElement("li");
        if (e.plan.l !== lang) li.setAttribute("lang", e.plan.l);
        var a = document.createElement("a");
        a.href = root + e.u;
        appendMarked(a, e.n + ". " + e.t, terms);
        li.appendChild(a);
        var meta = document.createElement("span");
        meta.className = "meta";
        meta.textContent = " \u00b7 " + e.plan.p + (e.plan.f ? "" : " \u00b7 " + e.plan.s);
        li.appendChild(meta);
        if (e.x) {
          var p = document.createElement("p");
          p.className = "snippet";
          appendMarked(p, snippet(e.x, terms), terms);
          li.appendChild(p);
        }
        list.appendChild(li);
      });
    }

    function progress() {
      return loadingText.replace("{done}", numbers.format(loaded)).replace("{total}", numbers.format(loaded + queue.length + 1));
    }

    // Said when some plans were not searched: how many were, of how many.
    function partial() {
      return partialText.replace("{done}", numbers.format(loaded)).replace("{total}", numbers.format(plans.length));
    }

    var pending = false;
    function update() {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        render();
      });
    }

    function remember() {
      try {
        var url = new URL(window.location.href);
        if (input.value) url.searchParams.set("q", input.value);
        else url.searchParams.delete("q");
        window.history.replaceState(null, "", url.toString());
      } catch (err) {
        // Some browsers refuse history changes for file:// pages; search works all the same.
      }
    }

    form.hidden = false;
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    input.addEventListener("input", function () {
      render();
      remember();
    });
    Object.keys(filters).forEach(function (f) {
      if (filters[f]) filters[f].addEventListener("change", function () {
        loadFiltered();
        render();
      });
    });
    var initial = new URLSearchParams(window.location.search).get("q");
    if (initial) input.value = initial;
    render();
    loadNext();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
