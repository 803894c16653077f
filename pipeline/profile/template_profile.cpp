// Reads a template profile (templates/<id>.json), reporting every problem of the file.
#include "profile/template_profile.h"

#include <algorithm>
#include <array>
#include <set>

#include <nlohmann/json.hpp>

#include "env/limits.h"
#include "env/list_folder.h"
#include "env/read_file.h"
#include "text/line_col.h"
#include "text/suggest.h"

namespace renaksi {

using nlohmann::json;
namespace fs = std::filesystem;

const std::vector<std::string_view> kRequirableFields = {
    "title",           "organisations",    "lead",           "period",          "themes",       "values",
    "alignment",       "contacts",         "milestones",     "milestone.period", "milestone.output",
    "milestone.actors", "plan.foreword",   "plan.cocreation"};

const std::vector<std::string_view> kSummaryRows = {"number", "ogp-id",       "period", "lead",  "support",
                                                    "other",  "themes",       "policy-areas", "values"};

const ProfileSection* TemplateProfile::prose_section(std::string_view id) const {
  for (const auto& s : sections)
    if (s.kind == SectionKind::Prose && s.id == id) return &s;
  return nullptr;
}

const ProfileSection* TemplateProfile::of_kind(SectionKind k) const {
  for (const auto& s : sections)
    if (s.kind == k) return &s;
  return nullptr;
}

std::vector<std::string_view> TemplateProfile::prose_ids() const {
  std::vector<std::string_view> out;
  for (const auto& s : sections)
    if (s.kind == SectionKind::Prose) out.push_back(s.id);
  return out;
}

namespace {

constexpr std::array<std::pair<SectionKind, std::string_view>, 8> kKinds{{{SectionKind::Prose, "prose"},
                                                                          {SectionKind::Group, "group"},
                                                                          {SectionKind::Lead, "lead"},
                                                                          {SectionKind::Values, "values"},
                                                                          {SectionKind::Alignment, "alignment"},
                                                                          {SectionKind::Additional, "additional"},
                                                                          {SectionKind::Milestones, "milestones"},
                                                                          {SectionKind::Contacts, "contacts"}}};

constexpr std::array<std::pair<MilestoneField, std::string_view>, 7> kColumns{{{MilestoneField::Number, "number"},
                                                                               {MilestoneField::Activity, "activity"},
                                                                               {MilestoneField::Period, "period"},
                                                                               {MilestoneField::Start, "start"},
                                                                               {MilestoneField::End, "end"},
                                                                               {MilestoneField::Output, "output"},
                                                                               {MilestoneField::Actors, "actors"}}};

constexpr std::array<std::string_view, 3> kAdditionalParts = {"budget", "sdgs", "notes"};

// A section id, kind or anchor: what content.rng's id allows.
bool is_id(std::string_view s) {
  if (s.empty() || s.size() > 64 || s.front() == '-' || s.back() == '-') return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

// Reads one profile, collecting every problem as T002 at the file.
class ProfileReader {
 public:
  ProfileReader(std::string file, Diagnostics& diags) : file_(std::move(file)), diags_(diags) {}

  std::optional<TemplateProfile> read(const json& j) {
    TemplateProfile p;
    p.file = file_;
    if (!j.is_object()) {
      problem("", "the profile must be one JSON object");
      return std::nullopt;
    }
    for (const auto& [key, _] : j.items())
      if (key != "id" && key != "name" && key != "summary" && key != "sections" && key != "requires")
        problem(key, "is not a key of a template profile (id, name, summary, sections, requires)");
    p.id = string(j, "id", "id", true);
    if (!p.id.empty() && !is_id(p.id)) problem("id", "must be lower-case letters, digits and dashes");
    if (j.contains("name") && !j["name"].is_string()) problem("name", "must be a string");
    const json& rows = array(j, "summary", "summary");
    for (size_t i = 0; i < rows.size() && i < limits::kMaxProfileSections; ++i) {
      const std::string at = "summary[" + std::to_string(i) + "]";
      if (!rows[i].is_object()) {
        problem(at, "must be an object with row and label");
        continue;
      }
      LabelledKind row{string(rows[i], "row", at + ".row", true), string(rows[i], "label", at + ".label", true)};
      if (!row.kind.empty() && std::find(kSummaryRows.begin(), kSummaryRows.end(), row.kind) == kSummaryRows.end())
        problem(at + ".row", "'" + row.kind + "' is not one of " + joined(kSummaryRows));
      p.summary.push_back(std::move(row));
    }
    const json& sections = array(j, "sections", "sections");
    if (sections.size() > limits::kMaxProfileSections) problem("sections", "has more entries than renaksi reads");
    std::set<std::string> ids;
    for (size_t i = 0; i < sections.size() && i < limits::kMaxProfileSections; ++i) {
      const std::string at = "sections[" + std::to_string(i) + "]";
      if (auto s = section(sections[i], at)) {
        if (!ids.insert(s->id).second) problem(at, "repeats the section '" + s->id + "'");
        p.sections.push_back(std::move(*s));
      }
    }
    if (p.sections.empty()) problem("sections", "must list at least one section");
    for (size_t i = 0; i < p.sections.size(); ++i)
      if (p.sections[i].kind == SectionKind::Group && p.sections[i].level != 2)
        problem("sections[" + std::to_string(i) + "]", "a group is a section (level 2) over the subsections after it");
    if (!p.sections.empty() && p.sections.front().level != 2) problem("sections[0]", "a subsection (level 3) cannot come first");
    const json& reqs = array(j, "requires", "requires");
    for (size_t i = 0; i < reqs.size() && i < limits::kMaxProfileSections; ++i) {
      const std::string at = "requires[" + std::to_string(i) + "]";
      if (!reqs[i].is_object()) {
        problem(at, "must be an object with field, from and what");
        continue;
      }
      Requirement r;
      r.field = string(reqs[i], "field", at + ".field", true);
      r.what = string(reqs[i], "what", at + ".what", true);
      const std::string from = string(reqs[i], "from", at + ".from", true);
      if (auto st = parse_stage(from)) r.from = *st;
      else if (!from.empty()) problem(at + ".from", "'" + from + "' is not a drafting stage (draft-1 … draft-4, final)");
      const bool known = std::find(kRequirableFields.begin(), kRequirableFields.end(), r.field) != kRequirableFields.end() ||
                         p.prose_section(r.field);
      if (!r.field.empty() && !known) {
        std::vector<std::string_view> choices(kRequirableFields.begin(), kRequirableFields.end());
        for (auto id : p.prose_ids()) choices.push_back(id);
        const std::string near = nearest(r.field, choices);
        problem(at + ".field", "'" + r.field + "' is neither a prose section of this profile nor one of " +
                                   joined(kRequirableFields) + (near.empty() ? "" : "; did you mean '" + near + "'?"));
      }
      p.requires_.push_back(std::move(r));
    }
    if (failed_) return std::nullopt;
    return p;
  }

 private:
  void problem(const std::string& where, const std::string& what) {
    diags_.error(Code::T002, {file_, 0, 0}, where.empty() ? what : where + " " + what);
    failed_ = true;
  }

  static std::string joined(const std::vector<std::string_view>& v) {
    std::string s;
    for (auto x : v) s += (s.empty() ? "" : ", ") + std::string(x);
    return s;
  }

  std::string string(const json& o, const char* key, const std::string& at, bool required) {
    if (!o.contains(key)) {
      if (required) problem(at, "is missing");
      return {};
    }
    if (!o[key].is_string() || o[key].get<std::string>().empty()) {
      problem(at, "must be a non-empty string");
      return {};
    }
    return o[key].get<std::string>();
  }

  const json& array(const json& o, const char* key, const std::string& at) {
    static const json empty = json::array();
    if (!o.contains(key)) return empty;
    if (!o[key].is_array()) {
      problem(at, "must be an array");
      return empty;
    }
    return o[key];
  }

  std::vector<LabelledKind> choices(const json& o, const char* key, const std::string& at) {
    std::vector<LabelledKind> out;
    const json& a = array(o, key, at + "." + key);
    for (size_t i = 0; i < a.size() && i < limits::kMaxProfileSections; ++i) {
      const std::string here = at + "." + key + "[" + std::to_string(i) + "]";
      if (!a[i].is_object()) {
        problem(here, "must be an object with kind and heading");
        continue;
      }
      LabelledKind k{string(a[i], "kind", here + ".kind", true), string(a[i], "heading", here + ".heading", true)};
      if (!k.kind.empty() && !is_id(k.kind)) problem(here + ".kind", "must be lower-case letters, digits and dashes");
      out.push_back(std::move(k));
    }
    if (out.empty()) problem(at + "." + key, "must list at least one kind");
    return out;
  }

  std::optional<ProfileSection> section(const json& o, const std::string& at) {
    if (!o.is_object()) {
      problem(at, "must be an object");
      return std::nullopt;
    }
    for (const auto& [key, _] : o.items())
      if (key != "kind" && key != "id" && key != "heading" && key != "level" && key != "anchor" && key != "always" &&
          key != "values" && key != "kinds" && key != "parts" && key != "columns" && key != "max")
        problem(at + "." + key, "is not a key of a section");
    ProfileSection s;
    const std::string kind = o.contains("kind") ? string(o, "kind", at + ".kind", true) : "prose";
    auto k = std::find_if(kKinds.begin(), kKinds.end(), [&](const auto& e) { return e.second == kind; });
    if (k == kKinds.end()) {
      std::vector<std::string_view> names;
      for (const auto& e : kKinds) names.push_back(e.second);
      problem(at + ".kind", "'" + kind + "' is not a kind of section (" + joined(names) + ")");
      return std::nullopt;
    }
    s.kind = k->first;
    if (s.kind == SectionKind::Prose || s.kind == SectionKind::Group) {
      s.id = string(o, "id", at + ".id", true);
      if (!s.id.empty() && !is_id(s.id)) problem(at + ".id", "must be lower-case letters, digits and dashes");
    } else {
      s.id = kind;
      if (o.contains("id")) problem(at + ".id", "is only for prose and group sections (the " + kind + " section is named by its kind)");
    }
    s.heading = string(o, "heading", at + ".heading", true);
    s.anchor = o.contains("anchor") ? string(o, "anchor", at + ".anchor", true) : s.id;
    if (!s.anchor.empty() && !is_id(s.anchor)) problem(at + ".anchor", "must be lower-case letters, digits and dashes");
    if (o.contains("level")) {
      if (!o["level"].is_number_integer() || (o["level"].get<int>() != 2 && o["level"].get<int>() != 3))
        problem(at + ".level", "must be 2 (a section) or 3 (a subsection)");
      else
        s.level = o["level"].get<int>();
    }
    if (o.contains("always")) {
      if (!o["always"].is_boolean()) problem(at + ".always", "must be true or false");
      else s.always = o["always"].get<bool>();
    }
    auto only = [&](const char* key, SectionKind for_kind) {
      if (o.contains(key) && s.kind != for_kind) problem(at + "." + key, "belongs to a section of another kind");
    };
    only("values", SectionKind::Values);
    only("kinds", SectionKind::Alignment);
    only("parts", SectionKind::Additional);
    only("columns", SectionKind::Milestones);
    only("max", SectionKind::Milestones);
    if (s.kind == SectionKind::Values) {
      s.choices = choices(o, "values", at);
      for (const auto& c : s.choices)
        if (!c.kind.empty() && !parse_ogp_value(c.kind)) problem(at + ".values", "'" + c.kind + "' is not an OGP value");
    }
    if (s.kind == SectionKind::Alignment) s.choices = choices(o, "kinds", at);
    if (s.kind == SectionKind::Additional) {
      s.parts = choices(o, "parts", at);
      for (const auto& c : s.parts)
        if (std::find(kAdditionalParts.begin(), kAdditionalParts.end(), c.kind) == kAdditionalParts.end())
          problem(at + ".parts", "'" + c.kind + "' is not budget, sdgs or notes");
    }
    if (s.kind == SectionKind::Milestones) {
      const json& cols = array(o, "columns", at + ".columns");
      for (size_t i = 0; i < cols.size() && i < limits::kMaxProfileSections; ++i) {
        const std::string here = at + ".columns[" + std::to_string(i) + "]";
        if (!cols[i].is_object()) {
          problem(here, "must be an object with field and label");
          continue;
        }
        const std::string field = string(cols[i], "field", here + ".field", true);
        auto f = std::find_if(kColumns.begin(), kColumns.end(), [&](const auto& e) { return e.second == field; });
        if (f == kColumns.end()) {
          if (!field.empty()) problem(here + ".field", "'" + field + "' is not number, activity, period, start, end, output or actors");
          continue;
        }
        s.columns.push_back({f->first, string(cols[i], "label", here + ".label", true)});
      }
      if (s.columns.empty()) problem(at + ".columns", "must list at least one column");
      if (o.contains("max")) {
        if (!o["max"].is_number_integer() || o["max"].get<long long>() < 1 || o["max"].get<long long>() > 1000)
          problem(at + ".max", "must be a whole number from 1 to 1000");
        else
          s.max_rows = o["max"].get<int>();
      }
    }
    return s;
  }

  std::string file_;
  Diagnostics& diags_;
  bool failed_ = false;
};

}  // namespace

std::optional<TemplateProfile> parse_template_profile(const std::string& text, const std::string& file,
                                                      Diagnostics& diags) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error& e) {
    const auto [line, col] = line_col_at(text, e.byte > 0 ? e.byte - 1 : 0);
    diags.error(Code::T002, {file, line, col}, std::string("the template profile is not valid JSON: ") + e.what());
    return std::nullopt;
  }
  return ProfileReader(file, diags).read(j);
}

std::vector<std::string> template_ids(const fs::path& data_dir) {
  std::vector<std::string> out;
  const FolderListing listing = list_folder(data_dir / "templates");
  for (const auto& e : listing.entries)
    if (e.extension() == ".json") out.push_back(e.stem().string());
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<TemplateProfile> load_template_profile(const fs::path& data_dir, const std::string& id,
                                                     const SourceLoc& asked_at, Diagnostics& diags) {
  const fs::path file = data_dir / "templates" / (id + ".json");
  const std::vector<std::string> ids = template_ids(data_dir);
  if (!is_id(id) || std::find(ids.begin(), ids.end(), id) == ids.end()) {
    std::vector<std::string_view> choices(ids.begin(), ids.end());
    std::string known;
    for (const auto& x : ids) known += (known.empty() ? "" : ", ") + x;
    const std::string near = nearest(id, choices);
    diags.error(Code::T001, asked_at,
                "the plan names the template '" + id + "', which renaksi does not have (templates/: " +
                    (known.empty() ? "none" : known) + ")" + (near.empty() ? "" : "; did you mean '" + near + "'?"));
    return std::nullopt;
  }
  std::string text;
  if (const ReadResult read = read_file(file, text); !read) {
    diags.error(Code::T002, {file.generic_string(), 0, 0}, "cannot read the template profile: it " + read.reason);
    return std::nullopt;
  }
  auto profile = parse_template_profile(text, file.generic_string(), diags);
  if (profile && profile->id != id) {
    diags.error(Code::T002, {file.generic_string(), 0, 0},
                "the profile's id '" + profile->id + "' is not its file's name '" + id + "'");
    return std::nullopt;
  }
  return profile;
}

}  // namespace renaksi
