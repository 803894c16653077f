// The prose pass: Markdown fragments through one Pandoc run, cached by content hash.
#include "prose/prose_pass.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <vector>

#include "env/content_hash.h"
#include "env/process.h"
#include "model/visit.h"
#include "prose/from_pandoc.h"

namespace renaksi {

using nlohmann::json;
namespace fs = std::filesystem;

const char* const kPandocFrom =
    "markdown-raw_html-raw_attribute-raw_tex-native_divs-native_spans-bracketed_spans-link_attributes"
    "-tex_math_dollars-tex_math_single_backslash-yaml_metadata_block-pandoc_title_block-citations"
    "-implicit_figures-subscript-superscript";

const prose::Blocks& ProseStore::get(const std::string& markdown) const {
  static const prose::Blocks empty;
  auto it = parsed_.find(markdown);
  return it == parsed_.end() ? empty : it->second;
}

namespace {

struct Fragment {
  std::string source;
  SourceLoc loc;  // where the prose starts
  std::string key;
  json blocks;    // Pandoc's blocks for it
  bool have = false;
};

// The cache key of a fragment: the reader options and the text. Entries store their text, so a
// collision is only a miss.
std::string content_key(const std::string& source) { return content_hash({kPandocFrom, source}); }

bool api_supported(const json& version) {
  return version.is_array() && version.size() >= 2 && version[0] == 1 && (version[1] == 22 || version[1] == 23);
}

std::string api_string(const json& version) {
  std::string s;
  if (version.is_array())
    for (const auto& v : version) s += (s.empty() ? "" : ".") + v.dump();
  return s.empty() ? "none" : s;
}

fs::path cache_file(const Env& env, const std::string& key) { return env.cache_dir / "prose" / (key + ".json"); }

bool read_cached(const Env& env, Fragment& f) {
  std::ifstream in(cache_file(env, f.key), std::ios::binary);
  if (!in) return false;
  try {
    json entry = json::parse(in);
    if (entry.at("from") != kPandocFrom || entry.at("source") != f.source || !api_supported(entry.at("api")))
      return false;
    f.blocks = entry.at("blocks");
    f.have = true;
    return true;
  } catch (const json::exception&) {
    return false;  // a damaged entry is a miss; it is rewritten below
  }
}

void write_cached(const Env& env, const Fragment& f, const json& api, Diagnostics& diags) {
  std::error_code ec;
  fs::create_directories(env.cache_dir / "prose", ec);
  const fs::path target = cache_file(env, f.key);
  const fs::path temp = target.string() + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary);
    out << json{{"from", kPandocFrom}, {"api", api}, {"source", f.source}, {"blocks", f.blocks}}.dump();
    if (!out) ec = std::make_error_code(std::errc::io_error);
  }
  if (!ec) fs::rename(temp, target, ec);
  if (ec)
    diags.warning(Code::P008, {env.cache_dir.generic_string(), 0, 0},
                  "cannot write the prose cache (" + ec.message() + "); the next build will run Pandoc again");
}

// A line of colons would close the fragment's wrapper: escape its first colon.
std::string escape_fences(const std::string& source) {
  std::string out;
  std::istringstream lines(source);
  for (std::string line; std::getline(lines, line);) {
    size_t i = line.find_first_not_of(' ');
    if (i != std::string::npos && i < 4 && line.compare(i, 3, ":::") == 0) line.insert(i, "\\");
    out += line;
    out += '\n';
  }
  return out;
}

// Runs Pandoc once over every fragment in `todo`; fills their blocks. Returns false on error.
bool run_pandoc(const Env& env, const std::string& folder, std::vector<Fragment*>& todo, json& api, Diagnostics& diags) {
  const SourceLoc where{folder, 0, 0};
  std::string input;
  for (size_t i = 0; i < todo.size(); ++i)
    input += "::: {#f" + std::to_string(i) + "}\n" + escape_fences(todo[i]->source) + "\n:::\n\n";

  ProcessResult r = run_process({env.pandoc, "--sandbox", "-f", kPandocFrom, "-t", "json"}, input, env.pandoc_timeout);
  if (!r.started) {
    diags.error(Code::P001, where,
                "cannot run Pandoc ('" + env.pandoc + "': " + r.error +
                    "); install the Debian package pandoc (scripts/setup does) or set RENAKSI_PANDOC");
    return false;
  }
  if (r.timed_out) {
    diags.error(Code::P003, where,
                "Pandoc did not finish within " + std::to_string(env.pandoc_timeout.count() / 1000) +
                    " s and was stopped (" + std::to_string(todo.size()) + " fragments)");
    return false;
  }
  if (r.exit_code != 0) {
    std::string msg = r.err.substr(0, r.err.find('\n'));
    diags.error(Code::P002, where,
                "Pandoc failed (" + (r.signal ? "signal " + std::to_string(r.signal) : "exit " + std::to_string(r.exit_code)) +
                    (msg.empty() ? ")" : "): " + msg));
    return false;
  }
  json doc;
  try {
    doc = json::parse(r.out);
  } catch (const json::exception& e) {
    diags.error(Code::P002, where, std::string("Pandoc's output is not JSON: ") + e.what());
    return false;
  }
  api = doc.contains("pandoc-api-version") ? doc["pandoc-api-version"] : json();
  if (!api_supported(api)) {
    diags.error(Code::P004, where,
                "Pandoc speaks AST version " + api_string(api) + "; renaksi reads 1.22 and 1.23 (Pandoc 2.17 to 3.x)");
    return false;
  }
  // Exactly the expected wrappers must come back, in order: anything else means a fragment
  // broke out of its wrapper (an unclosed code fence, say) and swallowed its neighbours.
  const json& blocks = doc["blocks"];
  size_t next = 0;
  bool ok = blocks.is_array();
  for (size_t b = 0; ok && b < blocks.size(); ++b) {
    const json& node = blocks[b];
    bool is_div = node.value("t", "") == "Div";
    std::string id = is_div ? node["c"][0][0].get<std::string>() : "";
    if (next < todo.size() && id == "f" + std::to_string(next)) {
      todo[next]->blocks = node["c"][1];
      todo[next]->have = true;
      ++next;
    } else {
      ok = false;
    }
  }
  if (!ok || next != todo.size()) {
    size_t bad = std::min(next, todo.size() - 1);
    diags.error(Code::P005, todo[bad]->loc,
                "this prose does not stay inside its field (an unclosed ``` code fence or a fence line); "
                "close what it opens");
    return false;
  }
  return true;
}

}  // namespace

ProseStats parse_prose(std::span<const ProseJob> jobs, const Env& env, Diagnostics& build_diags) {
  ProseStats stats;
  // Every distinct text of every plan once; it remembers the plans that use it, so each plan
  // gets its warnings and its parsed prose.
  std::vector<Fragment> fragments;
  std::vector<std::vector<size_t>> users;
  std::map<std::string, size_t> seen;
  for (size_t j = 0; j < jobs.size(); ++j) {
    visit_texts(*jobs[j].plan, [&](const LocalizedText& field, const std::string&) {
      if (field.kind != TextKind::Prose) return;
      for (const auto& t : field.texts) {
        if (t.value.empty()) continue;
        auto [it, inserted] = seen.emplace(t.value, fragments.size());
        if (inserted) {
          fragments.push_back({t.value, {t.loc.file, t.body_line, 0}, content_key(t.value), {}, false});
          users.emplace_back();
        }
        if (users[it->second].empty() || users[it->second].back() != j) users[it->second].push_back(j);
      }
    });
  }
  stats.fragments = static_cast<int>(fragments.size());

  std::vector<Fragment*> todo;
  for (auto& f : fragments) {
    if (read_cached(env, f))
      ++stats.cache_hits;
    else
      todo.push_back(&f);
  }
  if (!todo.empty()) {
    json api;
    ++stats.pandoc_runs;
    const std::string where = jobs.size() == 1 ? jobs[0].plan->folder : std::string("content");
    if (!run_pandoc(env, where, todo, api, build_diags)) return stats;
    for (const Fragment* f : todo) write_cached(env, *f, api, build_diags);
  }

  for (size_t i = 0; i < fragments.size(); ++i) {
    const Fragment& f = fragments[i];
    Diagnostics& diags = *jobs[users[i].front()].diags;  // reported once, where the text first appears
    auto report = [&](const std::string& what, const std::string& kept, bool is_link) {
      if (is_link)
        diags.warning(Code::P007, f.loc, "dropped the " + what + " (only http, https and mailto links are kept); kept " + kept);
      else
        diags.warning(Code::P006, f.loc, "Markdown " + what + " is not rendered; kept " + kept);
    };
    try {
      prose::Blocks blocks = prose::from_pandoc(f.blocks, report);
      for (size_t j : users[i]) jobs[j].store->put(f.source, blocks);
    } catch (const json::exception& e) {
      diags.error(Code::P002, f.loc, std::string("Pandoc's AST for this prose has an unexpected shape: ") + e.what());
    }
  }
  return stats;
}

ProseStats parse_prose(const Plan& plan, const Env& env, ProseStore& store, Diagnostics& diags) {
  const ProseJob job{&plan, &store, &diags};
  return parse_prose(std::span<const ProseJob>(&job, 1), env, diags);
}

}  // namespace renaksi
