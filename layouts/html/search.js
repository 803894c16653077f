// Search over the full text of every commitment of the archive, in the browser, with no server.
// renaksi writes, at build time, an index split by word (emit/html/search_shards.cpp): per
// language, the stems of every commitment's words with their postings, in shards by the stem's
// first letters (assets/search/<lang>/<key>.js), the stems alone (words.js, for typos) and the
// commitments' themes, leads and completion levels (facets.js, for those filters); and per
// commitment its title and text (<lang>/<plan>/search/<n>.js). This script loads, with <script>
// elements (so it works from file:// as over HTTP, no fetch), only the shards of the words typed,
// then the texts of the results it shows: complete results over every plan, whatever the
// archive's size.
// It scores the postings itself (BM25; the length part is computed at build time), because no
// maintained npm search library can load an index split by word from file:// too: MiniSearch,
// used before, builds its index from every document in the browser, which at 400 plans is
// ~80 MiB per language; Pagefind splits its index but loads it with fetch() and WebAssembly,
// which browsers refuse from file:// (Pagefind's issue #241, open).
// Words are matched by their stem, typos are forgiven (one edit from 5 letters), and a word may
// be the start of a longer one (from 3 letters). Final plans' commitments come before drafts'.
// Results and their highlights are built with DOM calls (textContent, <mark> elements), never
// as markup. Without JavaScript the search page shows its <noscript> note instead of the box.
(function () {
  "use strict";

  // --- Stemming -----------------------------------------------------------------------------
  // No maintained npm package ships an Indonesian stemmer as a browser script; these two are
  // small, the same function stems the query here and the text at build time (search_stem.cpp,
  // kept identical by browser.stem_parity), so the two always agree.

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

  // The file name of a stem prefix's shard, as search_shard_key writes it: a-z and 0-9 as they
  // are, any other code point "_" and six hex digits.
  function keyOf(cps, depth) {
    var out = "";
    for (var i = 0; i < cps.length && i < depth; i++) {
      var c = cps[i];
      out += /^[a-z0-9]$/.test(c) ? c : "_" + ("000000" + c.codePointAt(0).toString(16)).slice(-6);
    }
    return out;
  }

  // One edit (insert, delete or replace a letter) between a and b, and not equal.
  function oneEdit(a, b) {
    if (a === b || Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  function start() {
    var form = document.getElementById("search-form");
    var input = document.getElementById("search-q");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var filters = {
      plan: document.getElementById("search-plan"),
      theme: document.getElementById("search-theme"),
      stage: document.getElementById("search-stage"),
      lead: document.getElementById("search-lead"),
      completion: document.getElementById("search-completion")  // only when some plan has progress data
    };
    if (!form || !input || !status || !list || !window.RENAKSI_SEARCH || !window.RENAKSI_SEARCH_SHARDS) return;

    var lang = form.getAttribute("data-lang");
    var root = form.getAttribute("data-root") || "";
    var found = form.getAttribute("data-found") || "{n}";
    var none = form.getAttribute("data-none") || "";
    var numbers = new Intl.NumberFormat(lang || undefined);
    var limit = 50;  // results shown; their texts are loaded, the others only counted
    var stem = lang === "id" ? stemId : lang === "en" ? stemEn : function (w) { return w; };
    var plans = window.RENAKSI_SEARCH[lang] || [];
    var keys = (window.RENAKSI_SEARCH_SHARDS[lang] || "").split(" ").filter(Boolean);
    var keySet = {};
    keys.forEach(function (k) { keySet[k] = true; });

    function term(word) {
      var w = normalise(word);
      return w ? stem(w) : null;
    }

    // The documents of the word index: every plan's commitments, plans newest first.
    var docs = [];
    plans.forEach(function (p, order) {
      p.order = order;
      var list = typeof p.n === "number" ? Array.from({ length: p.n }, function (_, i) { return i + 1; }) : p.n || [];
      list.forEach(function (n) { docs.push({ plan: p, n: n, path: p.b + "search/" + n + ".js" }); });
    });

    // What the loaded files give: shards by name, the stems, the facets, the commitments' texts.
    var shards = {};
    var words = null;
    var facets = null;
    var texts = {};
    window.renaksiSearchIndex = function (name, entries) { shards[name] = entries; };
    window.renaksiSearchWords = function (l, all) { if (l === lang) words = all ? all.split(" ") : []; };
    window.renaksiSearchFacets = function (l, f) {
      if (l !== lang) return;
      facets = (f.d ? f.d.split("|") : []).map(function (d) {
        var parts = d.split(";");
        var pick = function (s, names) { return s ? s.split(",").map(function (x) { return names[parseInt(x, 36)]; }) : []; };
        return { h: pick(parts[0], f.t), l: pick(parts[1] || "", f.l), c: parts[2] || "" };
      });
    };
    window.renaksiSearchDoc = function (path, doc) { texts[path] = doc; };

    // Each file once, with <script>; resolves when it has run or failed.
    var scripts = {};
    function load(path) {
      if (!scripts[path]) {
        scripts[path] = new Promise(function (resolve) {
          var script = document.createElement("script");
          script.src = root + path;
          script.onload = script.onerror = function () {
            script.remove();
            resolve();
          };
          document.head.appendChild(script);
        });
      }
      return scripts[path];
    }
    function loadAll(paths) { return Promise.all(paths.map(load)); }

    // The shards that hold `s` and, with `prefix`, every stem that begins with it: the deepest
    // shard whose key begins `s`, and every deeper one whose key begins with all of `s`.
    function shardsFor(s, prefix) {
      var cps = Array.from(s);
      var out = [];
      for (var d = cps.length; d >= 1; d--) {
        var k = keyOf(cps, d);
        if (keySet[k]) { out.push(k); break; }
      }
      if (prefix) {
        var whole = keyOf(cps, cps.length);
        keys.forEach(function (k) { if (k.length > whole.length && k.lastIndexOf(whole, 0) === 0) out.push(k); });
      }
      return out.map(function (k) { return "assets/search/" + lang + "/" + k + ".js"; });
    }
    function postingsOf(s) {
      var k = shardsFor(s, false)[0];
      var shard = k && shards[k.slice("assets/search/".length, -3)];
      return shard && Object.prototype.hasOwnProperty.call(shard, s) ? shard[s] : null;
    }

    // A word's stems in the index and their weights: itself 1, longer stems it begins (3 letters
    // and more) 0.4, stems one edit away (5 letters and more) up to 0.45, as MiniSearch weighted
    // them.
    function expansions(w) {
      var out = {};
      if (postingsOf(w) !== null) out[w] = 1;
      if (w.length >= 3) {
        var whole = keyOf(Array.from(w), Infinity);
        Object.keys(shards).forEach(function (name) {
          var k = name.slice(lang.length + 1);
          if (k.lastIndexOf(whole, 0) !== 0 && whole.lastIndexOf(k, 0) !== 0) return;
          Object.keys(shards[name]).forEach(function (s) {
            if (s !== w && s.lastIndexOf(w, 0) === 0 && !out[s]) out[s] = 0.4;
          });
        });
      }
      // A typo is likelier late in a word than early: a stem one edit away weighs more the more
      // first letters it shares (angar: anggar 0.3, agar 0.15).
      if (w.length >= 5 && words)
        words.forEach(function (s) {
          if (out[s] || !oneEdit(w, s)) return;
          var same = 0;
          while (same < w.length && w[same] === s[same]) same++;
          out[s] = 0.45 * (same + 1) / (w.length + 1);
        });
      return out;
    }

    // Documents that match word w: doc -> {score, stems}.
    function matches(w) {
      var out = {};
      var ex = expansions(w);
      Object.keys(ex).forEach(function (s) {
        var list = postingsOf(s);
        if (!list) return;
        var items = list.split(" ");
        var idf = Math.log(1 + (docs.length - items.length + 0.5) / (items.length + 0.5));
        var d = 0;
        items.forEach(function (item) {
          d += parseInt(item.slice(0, -1), 36);
          var score = ex[s] * idf * parseInt(item.slice(-1), 36) / 10;
          var m = out[d] || (out[d] = { score: 0, stems: {} });
          m.score += score;
          m.stems[s] = true;
        });
      });
      return out;
    }

    function selected(select) { return select ? select.value : ""; }

    function matchesFilters(d) {
      var doc = docs[d];
      var p = selected(filters.plan), t = selected(filters.theme), s = selected(filters.stage), l = selected(filters.lead);
      var c = selected(filters.completion);
      if (p && doc.plan.k !== p) return false;
      if (s && doc.plan.g !== s) return false;
      if ((t || l || c) && !facets) return false;
      if (t && facets[d].h.indexOf(t) < 0) return false;
      if (l && facets[d].l.indexOf(l) < 0) return false;
      if (c && facets[d].c !== c) return false;
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

    // The results of the box and filters: [{d, score, stems}], Final plans first, then by
    // score, then newest plan and plan order. Loads what it needs first.
    var generation = 0;
    function run() {
      var gen = ++generation;
      var query = unique(tokenize(input.value).map(term).filter(Boolean));
      var filtered = ["plan", "theme", "stage", "lead", "completion"].some(function (f) { return selected(filters[f]) !== ""; });
      if (query.length === 0 && !filtered) {
        while (list.firstChild) list.removeChild(list.firstChild);
        status.textContent = "";
        list.setAttribute("aria-busy", "false");
        return;
      }
      list.setAttribute("aria-busy", "true");
      var first = [];
      query.forEach(function (w) { first = first.concat(shardsFor(w, w.length >= 3)); });
      if (query.some(function (w) { return w.length >= 5; })) first.push("assets/search/" + lang + "/words.js");
      if (selected(filters.theme) || selected(filters.lead) || selected(filters.completion)) first.push("assets/search/" + lang + "/facets.js");
      loadAll(first).then(function () {
        if (gen !== generation) return null;
        // The shards of the stems one edit away (they may begin with other letters).
        var more = [];
        query.forEach(function (w) {
          var ex = expansions(w);
          Object.keys(ex).forEach(function (s) { more = more.concat(shardsFor(s, false)); });
        });
        return loadAll(more);
      }).then(function () {
        if (gen !== generation) return;
        var hits;
        if (query.length === 0) {
          hits = docs.map(function (_, d) { return { d: d, score: 0, stems: {} }; });
        } else {
          var sets = query.map(matches);
          hits = Object.keys(sets[0]).map(Number).filter(function (d) {
            return sets.every(function (s) { return s[d]; });
          }).map(function (d) {
            var h = { d: d, score: 0, stems: {} };
            sets.forEach(function (s) {
              h.score += s[d].score;
              Object.keys(s[d].stems).forEach(function (x) { h.stems[x] = true; });
            });
            return h;
          });
        }
        hits = hits.filter(function (h) { return matchesFilters(h.d); });
        hits.sort(function (a, b) {
          var x = docs[a.d], y = docs[b.d];
          return (y.plan.f ? 1 : 0) - (x.plan.f ? 1 : 0) || b.score - a.score || x.plan.order - y.plan.order || x.n - y.n;
        });
        status.textContent = hits.length === 0 ? none : found.replace("{n}", numbers.format(hits.length));
        var shown = hits.slice(0, limit);
        while (list.firstChild) list.removeChild(list.firstChild);
        // The texts of the results shown, each as it arrives; the list keeps the results' order
        // (a result is added once every one before it is in).
        var next = 0;
        function show() {
          if (gen !== generation) return;
          while (next < shown.length && scripts[docs[shown[next].d].path] && shown[next].ready) {
            var doc = texts[docs[shown[next].d].path];
            if (doc) list.appendChild(result(docs[shown[next].d], doc, shown[next].stems));
            next++;
          }
          if (next === shown.length) list.setAttribute("aria-busy", "false");
        }
        if (shown.length === 0) show();
        shown.forEach(function (h) {
          load(docs[h.d].path).then(function () {
            h.ready = true;
            show();
          });
        });
      });
    }

    function unique(xs) { return xs.filter(function (x, i) { return xs.indexOf(x) === i; }); }

    function result(entry, e, terms) {
      var plan = entry.plan;
      var li = document.createElement("li");
      if (plan.l !== lang) li.setAttribute("lang", plan.l);
      var a = document.createElement("a");
      a.href = root + e.u;
      appendMarked(a, e.n + ". " + e.t, terms);
      li.appendChild(a);
      var meta = document.createElement("span");
      meta.className = "meta";
      meta.textContent = " \u00b7 " + plan.p + (plan.f ? "" : " \u00b7 " + plan.s);
      li.appendChild(meta);
      if (e.x) {
        var p = document.createElement("p");
        p.className = "snippet";
        appendMarked(p, snippet(e.x, terms), terms);
        li.appendChild(p);
      }
      return li;
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
      run();
      remember();
    });
    Object.keys(filters).forEach(function (f) {
      if (filters[f]) filters[f].addEventListener("change", run);
    });
    var initial = new URLSearchParams(window.location.search).get("q");
    if (initial) input.value = initial;
    list.setAttribute("aria-busy", "false");
    run();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
