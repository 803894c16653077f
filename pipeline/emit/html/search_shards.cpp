// The archive's word index: shards by stem prefix, the stems, the commitments' facets.
//
// Why written here and not by a library: MiniSearch (and the other maintained npm search
// libraries) build their index in the browser from every document, or load one serialised
// index whole; neither can be split so that a query loads only the words it names. At 400 plans
// that is ~80 MiB of text per language, so the index is built at build time, with the stemmers
// of search_stem.h (kept identical to search.js's by browser.stem_parity), and search.js scores
// the postings of the words typed itself (BM25, its length part computed here).
#include "emit/html/search_shards.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string_view>
#include <unordered_map>

#include "emit/html/search_stem.h"

namespace renaksi::html {

namespace {

using json = nlohmann::ordered_json;

// A decimal number of at most nine digits, the whole of `text`.
bool whole_number(std::string_view text, uint32_t& value) {
  if (text.empty() || text.size() > 9) return false;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

std::string js_value(const json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

constexpr char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";

std::string base36(uint32_t v) {
  std::string out;
  do {
    out += kDigits[v % 36];
    v /= 36;
  } while (v > 0);
  std::reverse(out.begin(), out.end());
  return out;
}

// The code points of `s` (UTF-8; a malformed byte counts as one).
std::vector<int32_t> code_points(const std::string& s) {
  std::vector<int32_t> out;
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t length = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    out.push_back(c);
  }
  return out;
}

std::string key_of(const std::vector<int32_t>& cps, size_t depth) {
  std::string out;
  for (size_t i = 0; i < cps.size() && i < depth; ++i) {
    const int32_t c = cps[i];
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += static_cast<char>(c);
    } else {
      char hex[16];
      std::snprintf(hex, sizeof hex, "%06x", static_cast<unsigned>(c < 0 ? 0xfffd : c));
      out += '_';
      out += hex;
    }
  }
  return out;
}

// One language's postings: stem -> (document, weighted count), documents ascending.
struct Posting {
  uint32_t doc;
  uint32_t count;
};
using Postings = std::map<std::string, std::vector<Posting>>;

// BM25's term-frequency part with the document's length (k1 1.2, b 0.75), times 10, rounded:
// one base-36 digit, 1..35; search.js multiplies it by the stem's idf.
char score_digit(uint32_t count, double length, double average) {
  constexpr double k1 = 1.2, b = 0.75;
  const double tf = static_cast<double>(count);
  const double part = tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / average));
  const long q = std::lround(part * 10);
  return kDigits[std::clamp(q, 1L, 35L)];
}

struct Shard {
  std::string key;
  std::string body;  // "\"stem\":\"…\"" entries joined by ","
};

// The stems [from, to) of `entries` (sorted; each its serialised "stem":"postings"), all sharing
// their first `depth - 1` code points, grouped into shards by their first `depth`; a group over
// kSearchShardBytes is split again by one more letter (its stems no longer than `depth` stay).
void split(const std::vector<std::pair<std::vector<int32_t>, std::string>>& entries, size_t from, size_t to,
           size_t depth, std::vector<Shard>& out) {
  size_t i = from;
  while (i < to) {
    const std::string key = key_of(entries[i].first, depth);
    size_t j = i, bytes = 0, longer = 0;
    for (; j < to && key_of(entries[j].first, depth) == key; ++j) {
      bytes += entries[j].second.size() + 1;
      if (entries[j].first.size() > depth) ++longer;
    }
    if (bytes <= kSearchShardBytes || longer == 0 || depth >= 64) {
      Shard s{key, {}};
      for (size_t k = i; k < j; ++k) s.body += (k == i ? "" : ",") + entries[k].second;
      out.push_back(std::move(s));
    } else {
      Shard own{key, {}};  // the stems of exactly `depth` letters (sorted first: a prefix sorts first)
      size_t k = i;
      for (; k < j && entries[k].first.size() <= depth; ++k) own.body += (own.body.empty() ? "" : ",") + entries[k].second;
      if (!own.body.empty()) out.push_back(std::move(own));
      split(entries, k, j, depth + 1, out);
    }
    i = j;
  }
}

}  // namespace

std::string search_shard_key(const std::string& prefix) {
  std::vector<int32_t> cps = code_points(prefix);
  return key_of(cps, cps.size());
}

std::map<std::string, std::vector<std::string>> write_search_shards(Site& site, const ArchivePlans& plans) {
  std::map<std::string, std::vector<std::string>> keys;
  for (const auto& lang : site.langs) {  // one language at a time: only its postings are held
    Postings postings;
    std::vector<uint32_t> lengths;  // per document, the sum of its weighted counts
    std::vector<std::string> themes, leads;
    struct Facets {
      const std::vector<std::string>* themes;
      const std::vector<std::string>* leads;
      const std::string* completion;  // the level's id, "" without progress data
    };
    std::vector<Facets> facets;  // per document
    for (const SitePlanSummary* p : plans) {
      const SitePlanSummary::Edition& e = p->edition_for(lang);
      const auto base = static_cast<uint32_t>(lengths.size());
      lengths.resize(lengths.size() + e.search.size(), 0);
      for (const auto& s : e.search) facets.push_back({&s.themes, &s.leads, &s.completion_id});
      // stem -> (index in the plan, count) as read; sorted and merged by index below (words of
      // one stem each list their documents), then appended in order.
      std::unordered_map<std::string, std::vector<Posting>> plan_postings;
      // "word\tk:c k:c\n" per word (EditionSearch::words); a line without its tab is a damaged cache entry.
      const std::string words = e.words.unpack();  // one plan's at a time
      for (size_t line = 0; line < words.size();) {
        size_t eol = words.find('\n', line);
        if (eol == std::string::npos) eol = words.size();
        const std::string_view entry(words.data() + line, eol - line);
        line = eol + 1;
        const size_t tab = entry.find('\t');
        if (tab == std::string_view::npos) continue;
        std::vector<Posting>& to = plan_postings[search_stem(lang, std::string(entry.substr(0, tab)))];
        const std::string_view list = entry.substr(tab + 1);
        size_t at = 0;
        while (at < list.size()) {  // "k:c k:c", written by edition_search
          size_t end = list.find(' ', at);
          if (end == std::string_view::npos) end = list.size();
          const std::string_view item = list.substr(at, end - at);
          at = end + 1;
          uint32_t k = 0, c = 0;
          const size_t colon = item.find(':');
          if (colon == std::string_view::npos || !whole_number(item.substr(0, colon), k) ||
              !whole_number(item.substr(colon + 1), c))
            continue;
          if (k >= e.search.size() || c == 0 || c > 1'000'000) continue;  // a damaged cache entry
          to.push_back({k, c});
          lengths[base + k] += c;
        }
      }
      for (auto& [stem, docs] : plan_postings) {
        std::stable_sort(docs.begin(), docs.end(), [](const Posting& a, const Posting& b) { return a.doc < b.doc; });
        std::vector<Posting>& into = postings[stem];
        for (const Posting& p : docs) {
          if (!into.empty() && into.back().doc == base + p.doc)
            into.back().count += p.count;
          else
            into.push_back({base + p.doc, p.count});
        }
      }
    }
    double average = 0;
    for (uint32_t l : lengths) average += l;
    average = lengths.empty() || average == 0 ? 1 : average / static_cast<double>(lengths.size());

    // Each stem's entry: "stem":"<delta><score> …", the document as the difference from the one
    // before (base 36), then one base-36 digit of score.
    std::vector<std::pair<std::vector<int32_t>, std::string>> entries;
    entries.reserve(postings.size());
    std::string words;
    for (auto it = postings.begin(); it != postings.end(); it = postings.erase(it)) {
      std::string list;
      uint32_t previous = 0;
      for (const Posting& p : it->second) {
        if (!list.empty()) list += ' ';
        list += base36(p.doc - previous);
        list += score_digit(p.count, lengths[p.doc], average);
        previous = p.doc;
      }
      entries.emplace_back(code_points(it->first), js_value(json(it->first)) + ":" + js_value(json(list)));
      words += (words.empty() ? "" : " ") + it->first;
    }
    size_t index_bytes = 0;
    for (const auto& e : entries) index_bytes += e.second.size() + 1;
    std::vector<Shard> shards;
    split(entries, 0, entries.size(), index_bytes <= kSearchOneLetterIndexBytes ? 1 : 2, shards);
    entries.clear();
    std::vector<std::string>& list = keys[lang];
    for (const Shard& s : shards) {
      const std::string name = lang + "/" + s.key;
      site.add_file("assets/search/" + name + ".js", "renaksiSearchIndex(" + js_value(json(name)) + ", {" + s.body + "});\n");
      list.push_back(s.key);
    }
    site.add_file("assets/search/" + lang + "/words.js",
                  "renaksiSearchWords(" + js_value(json(lang)) + ", " + js_value(json(words)) + ");\n");

    // Facets: every theme and lead once (sorted), each document's as indexes (base 36), then its
    // completion level's id as it is (a handful of short ids).
    for (const Facets& f : facets) {
      themes.insert(themes.end(), f.themes->begin(), f.themes->end());
      leads.insert(leads.end(), f.leads->begin(), f.leads->end());
    }
    for (auto* v : {&themes, &leads}) {
      std::sort(v->begin(), v->end());
      v->erase(std::unique(v->begin(), v->end()), v->end());
    }
    auto indexes = [](const std::vector<std::string>& names, const std::vector<std::string>& of) {
      std::string out;
      for (const auto& n : of) {
        const auto at = std::lower_bound(names.begin(), names.end(), n) - names.begin();
        out += (out.empty() ? "" : ",") + base36(static_cast<uint32_t>(at));
      }
      return out;
    };
    std::string docs;
    for (size_t d = 0; d < facets.size(); ++d)
      docs += (d == 0 ? "" : "|") + indexes(themes, *facets[d].themes) + ";" + indexes(leads, *facets[d].leads) + ";" +
              *facets[d].completion;
    json f;
    f["t"] = themes;
    f["l"] = leads;
    f["d"] = docs;
    site.add_file("assets/search/" + lang + "/facets.js", "renaksiSearchFacets(" + js_value(json(lang)) + ", " + js_value(f) + ");\n");
  }
  return keys;
}

}  // namespace renaksi::html
