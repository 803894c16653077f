// A plan's site summary, and its JSON form for the per-plan cache.
#include "emit/html/site_summary.h"

#include <nlohmann/json.hpp>

namespace renaksi::html {

namespace {

using nlohmann::json;

// [a-z0-9-]+: a plan's folder, a commitment's page folder.
bool is_slug(const std::string& s) {
  if (s.empty() || s.size() > 200) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

// A language code as BCP 47 writes it: letters, digits and '-'.
bool is_lang(const std::string& s) {
  if (s.empty() || s.size() > 35) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

// A relative site path: '/'-separated segments, none empty, "." or "..", no backslash.
bool is_site_path(const std::string& s) {
  if (s.empty() || s.size() > 1000 || s.find('\\') != std::string::npos || s.find('\0') != std::string::npos) return false;
  size_t start = 0;
  while (start <= s.size()) {
    size_t slash = s.find('/', start);
    if (slash == std::string::npos) slash = s.size();
    const std::string seg = s.substr(start, slash - start);
    if (seg.empty() || seg == "." || seg == "..") return false;
    start = slash + 1;
  }
  return true;
}

}  // namespace

const SitePlanSummary::Edition* SitePlanSummary::edition(const std::string& lang) const {
  for (const auto& e : editions)
    if (e.lang == lang) return &e;
  return nullptr;
}

const SitePlanSummary::Edition& SitePlanSummary::edition_for(const std::string& lang) const {
  const Edition* e = edition(lang);
  return e ? *e : editions.front();
}

const std::string& SitePlanSummary::commitment_slug(int number) const {
  static const std::string kNone;
  for (const auto& [n, slug] : commitment_slugs)
    if (n == number) return slug;
  return kNone;
}

json SitePlanSummary::to_json() const {
  json j = json::object();
  j["version"] = kVersion;
  j["id"] = id;
  j["loc"] = {loc.file, loc.line, loc.col};
  j["slug"] = slug;
  j["start"] = start;
  j["end"] = end;
  j["number"] = number;
  j["country"] = country;
  j["final"] = final_stage;
  j["stage"] = stage;
  j["languages"] = json::array();
  for (const auto& [code, admin] : languages) j["languages"].push_back({code, admin});
  j["editions"] = json::array();
  for (const auto& e : editions) {
    json ej = {{"lang", e.lang},     {"title", e.title},   {"plan_line", e.plan_line},     {"period", e.period},
               {"stage", e.stage},   {"issuer", e.issuer}, {"commitments", e.commitments},
               {"progress", e.progress}};
    ej["issuer_url"] = e.issuer_url;
    ej["organisations"] = json::array();
    for (const auto& o : e.organisations) {
      json oj = {{"anchor", o.anchor}, {"name", o.name},     {"sector", o.sector},
                 {"sector_id", o.sector_id}, {"url", o.url}, {"roles", json::array()}};
      for (const auto& r : o.roles) {
        json rj = {{"role", r.role}, {"mentions", json::array()}};
        for (const auto& [n, label] : r.mentions) rj["mentions"].push_back({n, label});
        oj["roles"].push_back(std::move(rj));
      }
      ej["organisations"].push_back(std::move(oj));
    }
    ej["search"] = json::array();
    for (const auto& s : e.search) ej["search"].push_back(
          {{"n", s.number}, {"t", s.title}, {"l", s.leads}, {"h", s.themes}, {"c", {s.completion_id, s.completion}}});
    // Still deflated: a plan restored from the cache does not deflate its words again.
    const std::string& packed = e.words.packed();
    ej["words"] = {{"size", e.words.size()},
                   {"raw", e.words.raw()},
                   {"packed", json::binary(std::vector<std::uint8_t>(packed.begin(), packed.end()))}};
    j["editions"].push_back(std::move(ej));
  }
  j["commitment_slugs"] = json::array();
  for (const auto& [n, s] : commitment_slugs) j["commitment_slugs"].push_back({n, s});
  j["downloads"] = downloads;
  j["pages"] = pages;
  j["anchors"] = json::array();
  for (const auto& [page, ids] : anchors) j["anchors"].push_back({page, ids});
  j["links_out"] = json::array();
  for (const auto& l : links_out) {
    json from = json::array();
    for (const auto& [page, href] : l.from) from.push_back(href.empty() ? json::array({page}) : json::array({page, href}));
    j["links_out"].push_back({{"target", l.target}, {"from", std::move(from)}});
  }
  return j;
}

std::optional<SitePlanSummary> SitePlanSummary::from_json(const json& j) {
  try {
    if (!j.is_object() || j.at("version").get<int>() != kVersion) return std::nullopt;
    SitePlanSummary s;
    s.id = j.at("id").get<std::string>();
    s.loc = {j.at("loc").at(0).get<std::string>(), j.at("loc").at(1).get<int>(), j.at("loc").at(2).get<int>()};
    s.slug = j.at("slug").get<std::string>();
    s.start = j.at("start").get<std::string>();
    s.end = j.at("end").get<std::string>();
    s.number = j.at("number").get<int>();
    s.country = j.at("country").get<std::string>();
    s.final_stage = j.at("final").get<bool>();
    s.stage = j.at("stage").get<std::string>();
    for (const auto& l : j.at("languages")) {
      s.languages.emplace_back(l.at(0).get<std::string>(), l.at(1).get<bool>());
      if (!is_lang(s.languages.back().first)) return std::nullopt;
    }
    for (const auto& ej : j.at("editions")) {
      Edition e;
      e.lang = ej.at("lang").get<std::string>();
      if (!is_lang(e.lang) || s.edition(e.lang)) return std::nullopt;
      e.title = ej.at("title").get<std::string>();
      e.plan_line = ej.at("plan_line").get<std::string>();
      e.period = ej.at("period").get<std::string>();
      e.stage = ej.at("stage").get<std::string>();
      e.issuer = ej.at("issuer").get<std::string>();
      e.issuer_url = ej.at("issuer_url").get<std::string>();
      e.commitments = ej.at("commitments").get<std::string>();
      e.progress = ej.at("progress").get<std::string>();
      for (const auto& oj : ej.at("organisations")) {
        Organisation o;
        o.anchor = oj.at("anchor").get<std::string>();
        o.name = oj.at("name").get<std::string>();
        o.sector = oj.at("sector").get<std::string>();
        o.sector_id = oj.at("sector_id").get<std::string>();
        o.url = oj.at("url").get<std::string>();
        for (const auto& rj : oj.at("roles")) {
          Role r;
          r.role = rj.at("role").get<std::string>();
          for (const auto& m : rj.at("mentions")) r.mentions.emplace_back(m.at(0).get<int>(), m.at(1).get<std::string>());
          o.roles.push_back(std::move(r));
        }
        e.organisations.push_back(std::move(o));
      }
      for (const auto& sj : ej.at("search")) {
        e.search.push_back({sj.at("n").get<int>(), sj.at("t").get<std::string>(),
                            sj.at("l").get<std::vector<std::string>>(), sj.at("h").get<std::vector<std::string>>(),
                            sj.at("c").at(0).get<std::string>(), sj.at("c").at(1).get<std::string>()});
        // A level's id goes into the search facets as it is: only the ids content can give.
        for (char ch : e.search.back().completion_id)
          if (!((ch >= 'a' && ch <= 'z') || ch == '-')) return std::nullopt;
      }
      const json& words = ej.at("words");
      const auto& packed = words.at("packed").get_binary();
      std::optional<PackedText> text = PackedText::from_packed(std::string(packed.begin(), packed.end()),
                                                               words.at("size").get<size_t>(), words.at("raw").get<bool>());
      if (!text) return std::nullopt;
      e.words = std::move(*text);
      s.editions.push_back(std::move(e));
    }
    for (const auto& c : j.at("commitment_slugs")) {
      s.commitment_slugs.emplace_back(c.at(0).get<int>(), c.at(1).get<std::string>());
      if (!is_slug(s.commitment_slugs.back().second)) return std::nullopt;
    }
    s.downloads = j.at("downloads").get<std::vector<std::string>>();
    s.pages = j.at("pages").get<std::vector<std::string>>();
    for (const auto& a : j.at("anchors")) {
      s.anchors.emplace_back(a.at(0).get<size_t>(), a.at(1).get<std::vector<std::string>>());
      if (s.anchors.back().first >= s.pages.size()) return std::nullopt;
    }
    for (const auto& lj : j.at("links_out")) {
      OutLink l;
      l.target = lj.at("target").get<std::string>();
      for (const auto& f : lj.at("from")) {
        l.from.emplace_back(f.at(0).get<size_t>(), f.size() > 1 ? f.at(1).get<std::string>() : std::string());
        if (l.from.back().first >= s.pages.size()) return std::nullopt;
      }
      s.links_out.push_back(std::move(l));
    }
    // Every path the archive writes or links from a summary stays a plain path under site/.
    if (!s.editions.empty() && (!is_slug(s.id) || !is_slug(s.slug) || s.languages.empty())) return std::nullopt;
    for (const auto* list : {&s.pages, &s.downloads})
      for (const auto& p : *list)
        if (!is_site_path(p)) return std::nullopt;
    return s;
  } catch (const json::exception&) {
    return std::nullopt;
  }
}

}  // namespace renaksi::html
