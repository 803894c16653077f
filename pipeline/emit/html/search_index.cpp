// The search data as JavaScript files: the plans' catalogue and each plan's full text.
#include "emit/html/search_index.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "emit/html/search_stem.h"
#include "emit/html/urls.h"
#include "text/string_map.h"

namespace renaksi::html {

namespace {

using json = nlohmann::ordered_json;

// The part in the chapter's language: its own value, else its stand-in.
template <class T>
const T* part_value(const std::vector<doc::Localized<T>>& parts) {
  if (parts.empty()) return nullptr;
  const auto& part = parts.front();
  return part.stand_in ? &*part.stand_in : &part.value;
}

void add_line(std::string& out, const std::string& line) {
  if (line.empty()) return;
  if (!out.empty()) out += '\n';
  out += line;
}

// JSON is JavaScript; nlohmann escapes what a JavaScript string needs (quotes, backslashes,
// control characters). U+2028/U+2029 are valid in string literals since ES2019.
std::string js_value(const json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

}  // namespace

std::string search_doc_path(const std::string& lang, const std::string& slug, int number) {
  return lang + "/" + slug + "/search/" + std::to_string(number) + ".js";
}

std::string commitment_text(const doc::Chapter& ch) {
  std::string out;
  for (const auto& b : ch.blocks) {
    if (const auto* h = std::get_if<doc::Heading>(&b.content)) {
      if (const auto* v = part_value(h->parts)) add_line(out, prose::plain_text(*v));
    } else if (const auto* para = std::get_if<doc::Paragraph>(&b.content)) {
      if (const auto* v = part_value(para->parts)) add_line(out, prose::plain_text(*v));
    } else if (const auto* pr = std::get_if<doc::Prose>(&b.content)) {
      if (const auto* v = part_value(pr->parts)) add_line(out, prose::plain_text(*v));
    } else if (const auto* f = std::get_if<doc::Fields>(&b.content)) {
      if (const auto* v = part_value(f->parts)) {
        add_line(out, prose::plain_text(v->title));
        for (const auto& row : v->rows) add_line(out, row.label + ": " + prose::plain_text(row.value));
      }
    } else if (const auto* t = std::get_if<doc::Table>(&b.content)) {
      if (const auto* v = part_value(t->parts)) {
        std::string header;
        for (const auto& label : v->header) header += (header.empty() ? "" : " · ") + label;
        add_line(out, header);
        for (const auto& row : v->rows) {
          std::string line;
          for (const auto& cell : row) {
            std::string text = prose::plain_text(cell);
            if (!text.empty()) line += (line.empty() ? "" : " · ") + text;
          }
          add_line(out, line);
        }
      }
    }
  }
  return out;
}

namespace {

// Its commitments' search entries in `l`, in plan order.
std::vector<SitePlanSummary::SearchEntry> search_entries(const SitePlan& p, const std::string& l) {
  std::vector<SitePlanSummary::SearchEntry> out;
  const doc::Facts& facts = p.facts_in(l);
  for (const auto& c : facts.commitments) {
    SitePlanSummary::SearchEntry e{c.number, c.title, c.leads, {}, {}, {}};
    for (const auto& id : c.themes)
      for (const auto& t : facts.themes)
        if (t.id == id) e.themes.push_back(t.name);
    if (const doc::CommitmentProgressFacts* progress = facts.progress.of(c.number)) {
      e.completion_id = progress->level_id;
      e.completion = progress->level;
    }
    out.push_back(std::move(e));
  }
  return out;
}

// A commitment's search fields, in plan order, with its page's path.
struct DocFields {
  int number = 0;
  std::string url, title, others;
  std::vector<std::string> leads, themes;
  std::string text;
};

std::vector<DocFields> doc_fields(const SitePlan& p, const std::string& l,
                                  const std::vector<SitePlanSummary::SearchEntry>& entries) {
  std::vector<DocFields> out;
  const doc::Facts& facts = p.facts_in(l);
  for (size_t k = 0; k < facts.commitments.size() && k < entries.size(); ++k) {
    const doc::CommitmentRef& c = facts.commitments[k];
    const doc::Chapter* ch = p.chapter(l, doc::Chapter::Kind::Commitment, c.number);
    auto slug = p.commitment_slugs.find(c.number);
    DocFields d;
    d.number = c.number;
    if (slug != p.commitment_slugs.end()) d.url = urls::commitment(l, p.slug, slug->second);
    d.title = c.title;
    for (const auto& t : c.titles)  // its titles in the other languages the content gives
      if (t != c.title) add_line(d.others, t);
    if (!c.ogp_id.empty()) add_line(d.others, c.ogp_id);
    d.leads = entries[k].leads;
    d.themes = entries[k].themes;
    if (ch) d.text = commitment_text(*ch);
    out.push_back(std::move(d));
  }
  return out;
}

// The weights of the fields, as MiniSearch's boost was before the word index: the title counts
// four times, the other titles, leads and themes twice, the text once.
constexpr int kTitleWeight = 4;
constexpr int kFactWeight = 2;
constexpr int kTextWeight = 1;

// The "word\tk:c k:c\n" lines of EditionSearch::words.
std::string words_of(const std::vector<DocFields>& docs) {
  // word -> its postings (commitment index, weighted count), the index ascending: the
  // commitments are read in order, so a word's count goes to its last posting or a new one.
  // Hashed, and the words sorted once at the end (by their bytes, as before): a tree of words,
  // each with a tree of postings, compared strings at every word of the text (for a
  // 240-commitment plan, about 0.2 s of CPU in a profile).
  StringMap<std::vector<std::pair<size_t, int>>> counts;
  for (size_t k = 0; k < docs.size(); ++k) {
    auto add = [&](const std::string& text, int weight) {
      for (auto& w : search_terms("", text)) {  // "": folded, not stemmed
        auto& postings = counts.try_emplace(std::move(w)).first->second;
        if (postings.empty() || postings.back().first != k)
          postings.emplace_back(k, weight);
        else
          postings.back().second += weight;
      }
    };
    add(docs[k].title, kTitleWeight);
    add(docs[k].others, kFactWeight);
    for (const auto& x : docs[k].leads) add(x, kFactWeight);
    for (const auto& x : docs[k].themes) add(x, kFactWeight);
    add(docs[k].text, kTextWeight);
  }
  std::vector<const std::pair<const std::string, std::vector<std::pair<size_t, int>>>*> sorted;
  sorted.reserve(counts.size());
  for (const auto& entry : counts) sorted.push_back(&entry);
  std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
  std::string out;
  for (const auto* entry : sorted) {
    const std::string& word = entry->first;
    if (word.find_first_of("\t\n") != std::string::npos) continue;  // never, by search_terms: kept out all the same
    out += word;
    char sep = '\t';
    for (const auto& [k, c] : entry->second) {
      out += sep;
      out += std::to_string(k) + ":" + std::to_string(c);
      sep = ' ';
    }
    out += '\n';
  }
  return out;
}

// The search files of EditionSearch::files.
std::vector<std::pair<std::string, std::string>> files_of(const SitePlan& p, const std::string& l,
                                                          const std::vector<DocFields>& docs) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& d : docs) {
    if (d.url.empty()) continue;
    const std::string path = search_doc_path(l, p.slug, d.number);
    json j;
    j["n"] = d.number;
    j["u"] = d.url;
    j["t"] = d.title;
    j["o"] = d.others;
    j["l"] = d.leads;
    j["h"] = d.themes;
    j["x"] = d.text;
    out.emplace_back(path, "// Generated by renaksi: a commitment's text, for search.js.\nrenaksiSearchDoc(" + js_value(path) +
                               ", " + js_value(j) + ");\n");
  }
  return out;
}

}  // namespace

EditionSearch edition_search(const SitePlan& p, const std::string& l) {
  EditionSearch out;
  out.entries = search_entries(p, l);
  const std::vector<DocFields> docs = doc_fields(p, l, out.entries);
  out.words = words_of(docs);
  out.files = files_of(p, l, docs);
  return out;
}

std::string search_index_js(const Site& site, const ArchivePlans& plans,
                            const std::map<std::string, std::vector<std::string>>& shards) {
  json index = json::object();
  for (const auto& lang : site.langs) {
    json entries = json::array();
    for (const SitePlanSummary* p : plans) {
      const SitePlanSummary::Edition& edition = p->edition_for(lang);
      json e;
      e["k"] = p->slug;
      e["b"] = edition.lang + "/" + p->slug + "/";
      e["l"] = edition.lang;
      e["p"] = site.plan_short(*p, lang);
      e["g"] = p->stage;
      e["s"] = site.msg(lang, "stage." + p->stage);
      e["f"] = p->final_stage;
      // Its commitments' numbers; just their count when they run 1, 2, 3 … (most plans).
      json numbers = json::array();
      bool running = true;
      for (const auto& entry : edition.search) {
        running = running && entry.number == static_cast<int>(numbers.size()) + 1;
        numbers.push_back(entry.number);
      }
      e["n"] = running ? json(numbers.size()) : std::move(numbers);
      entries.push_back(std::move(e));
    }
    index[lang] = std::move(entries);
  }
  json keys = json::object();
  for (const auto& [lang, list] : shards) {
    std::string joined;
    for (const auto& k : list) joined += (joined.empty() ? "" : " ") + k;
    keys[lang] = joined;
  }
  return "// Generated by renaksi: the plans whose commitments search.js searches.\nwindow.RENAKSI_SEARCH = " +
         js_value(index) + ";\nwindow.RENAKSI_SEARCH_SHARDS = " + js_value(keys) + ";\n";
}

}  // namespace renaksi::html
