// The prose pass: Markdown fragments through one Pandoc run (one per core past 32 KiB), cached by content hash.
#include "prose/prose_pass.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <optional>
#include <sstream>
#include <unordered_map>
#include <vector>

#include "doc/link_policy.h"
#include "env/build_identity.h"
#include "env/cache_pack.h"
#include "env/cache_prune.h"
#include "env/content_hash.h"
#include "env/parallel.h"
#include "env/limits.h"
#include "env/process.h"
#include "model/visit.h"
#include "prose/from_pandoc.h"
#include "prose/plain_markdown.h"

namespace renaksi {

using nlohmann::json;
namespace fs = std::filesystem;

const char* const kPandocFrom =
    "markdown-raw_attribute-raw_tex-native_divs-native_spans-link_attributes"
    "-tex_math_dollars-tex_math_single_backslash-yaml_metadata_block-pandoc_title_block-citations"
    "-implicit_figures-subscript-superscript-markdown_in_html_blocks";

const prose::SharedBlocks& ProseStore::shared(const std::string& markdown) const {
  static const prose::SharedBlocks empty;
  auto it = parsed_.find(markdown);
  return it == parsed_.end() ? empty : it->second;
}

namespace {

struct Fragment {
  std::string source;
  SourceLoc loc;  // where the prose starts
  int indent = 0;         // the indentation dedenting removed (columns of later lines)
  bool first_col = true;  // the first line starts a line of the file (its columns are known)
  std::string key;
  json blocks;    // Pandoc's blocks for it
  bool have = false;
  bool too_deep = false;  // Pandoc's AST for it nests deeper than renaksi reads (P009)
  bool plain = false;     // plain sentences: Pandoc's AST made here (prose/plain_markdown.h), not cached
  // The blocks read into renaksi's types, with the warnings reading gave (reported only when
  // the whole fragment reads). Read once: a cache entry whose blocks do not read is a miss.
  std::optional<prose::FromPandoc> read;
  Diagnostics warnings;
  std::optional<PackPlace> fresh;  // its entry in this build's spill, once Pandoc parsed it
};

// Where byte `offset` of a fragment's source is in its file: lines below the first are
// indented by what dedenting removed; the first line's column is known only when the prose
// starts a line of the file. An unknown offset is the fragment's first line.
SourceLoc place(const Fragment& f, std::size_t offset) {
  if (offset == static_cast<std::size_t>(-1) || offset > f.source.size()) return f.loc;
  SourceLoc at = f.loc;
  std::size_t line_start = 0;
  for (std::size_t k = 0; k < offset; ++k)
    if (f.source[k] == '\n') {
      ++at.line;
      line_start = k + 1;
    }
  int col = 1;  // in characters: UTF-8 continuation bytes are not counted
  for (std::size_t k = line_start; k < offset; ++k)
    if ((static_cast<unsigned char>(f.source[k]) & 0xC0) != 0x80) ++col;
  at.col = line_start == 0 && !f.first_col ? 0 : col + f.indent;
  return at;
}

// Reads a fragment's Pandoc blocks (once), keeping its warnings aside, each at its place.
const prose::FromPandoc& read_blocks(Fragment& f) {
  if (!f.read) {
    auto report = [&](const prose::ProseWarning& w) {
      const SourceLoc at = place(f, w.offset);
      using K = prose::ProseWarning::Kind;
      switch (w.kind) {
        case K::Link:
          f.warnings.warning(Code::P007, at,
                             "dropped the " + w.what + " (only " + prose::kept_link_schemes() +
                                 " links are kept); kept " + w.kept);
          break;
        case K::Unrendered: f.warnings.warning(Code::P006, at, "Markdown " + w.what + " is not rendered; kept " + w.kept); break;
        case K::Html:
          f.warnings.warning(Code::P011, at,
                             "dropped the " + w.what + " (prose keeps only a, br, em, i, strong, b, ul, ol, li, p, sup and sub); kept " + w.kept);
          break;
        case K::RepairedLink: f.warnings.warning(Code::P012, at, "the " + w.what + "; kept " + w.kept); break;
        case K::Lang: f.warnings.warning(Code::P013, at, "the language mark " + w.what + "; kept " + w.kept); break;
      }
    };
    f.read = prose::from_pandoc(f.blocks, f.source, report);
  }
  return *f.read;
}

// The cache key of a fragment: the reader options and the text. Entries store their text, so a
// collision is only a miss.

bool api_supported(const json& version) {
  return version.is_array() && version.size() >= 2 && version[0].is_number_integer() && version[0] == 1 &&
         version[1].is_number_integer() && (version[1] == 22 || version[1] == 23);
}

std::string api_string(const json& version) {
  std::string s;
  if (version.is_array())
    for (size_t i = 0; i < version.size() && i < 8; ++i) {
      const json& v = version[i];
      s += (s.empty() ? "" : ".") + (v.is_primitive() ? v.dump() : std::string("?"));
    }
  return s.empty() ? "none" : s.substr(0, 80);
}

// A field of an object, or null when it is not an object or has no such field.
const json& field(const json& object, const char* name) {
  static const json null;
  if (!object.is_object()) return null;
  auto it = object.find(name);
  return it == object.end() ? null : *it;
}

// A cache entry, its hash checked by the pack, is verified (its JSON, depth-bounded, then its
// fields); anything else is a miss, and the entry is rewritten after Pandoc's run.
bool take_cached(Fragment& f, const std::string& bytes) {
  prose::ParsedJson entry;
  if (!prose::parse_pandoc_json(bytes, entry) || entry.too_deep) return false;
  const json& from = field(entry.value, "from");
  const json& source = field(entry.value, "source");
  const json& blocks = field(entry.value, "blocks");
  if (!from.is_string() || from != kPandocFrom || !source.is_string() || source != f.source ||
      !api_supported(field(entry.value, "api")) || !blocks.is_array())
    return false;
  // An entry whose blocks would not read (the wrong shape, too deep) is a miss too, not an error.
  f.blocks = blocks;
  if (read_blocks(f).status != prose::FromPandoc::Status::Ok) {
    f.blocks = json();
    f.read.reset();
    f.warnings = Diagnostics();
    return false;
  }
  f.blocks = json();  // read: the JSON is not needed again (a cached entry is not rewritten)
  f.have = true;
  return true;
}

// A cache that cannot be written is said once a build, not once per fragment, run or plan:
// `warned` is shared by them all.
void warn_uncached(const Env& env, const std::string& why, std::atomic<bool>& warned, Diagnostics& diags) {
  if (!warned.exchange(true))
    diags.warning(Code::P008, {env.cache_dir.generic_string(), 0, 0},
                  "cannot write the prose cache (" + why + "); the next build will run Pandoc again");
}

// Writes a fragment's cache entry from its Pandoc blocks, which it takes (they are not needed
// once read), to its run's spill; the plans' packs are made from the spills after the runs.
void write_cached(const Env& env, PackWriter& spill, Fragment& f, const json& api, std::atomic<bool>& warned,
                  Diagnostics& diags) {
  f.fresh = spill.append(
      f.key, json{{"from", kPandocFrom}, {"api", api}, {"source", f.source}, {"blocks", std::move(f.blocks)}}.dump());
  f.blocks = json();
  if (!f.fresh) warn_uncached(env, spill.why(), warned, diags);
}

// Pandoc resolves a note's label ([^1]) across its whole input, and the fragments of a run are
// one input: two fragments each with a note [^1] (the Indonesian and the English text of one
// field, or two commitments' problems) both got the note defined last, the other language's
// text. So each fragment's labels are made its own: every "[^" of fragment `i` is sent as
// "[^rnk<i>-" (a reference and a definition alike), and every string of its blocks gets "[^"
// back after the run, where Pandoc kept one as text (in code, an escaped or unresolved label).
std::string note_scope(size_t i) { return "[^rnk" + std::to_string(i) + "-"; }

std::string with_notes_scoped(const std::string& source, const std::string& scope) {
  std::string out;
  size_t from = 0;
  for (size_t at; (at = source.find("[^", from)) != std::string::npos; from = at + 2) {  // bounded by the text
    out.append(source, from, at - from);
    out += scope;
  }
  out.append(source, from);
  return out;
}

void unscope_notes(json& node, const std::string& scope, int depth) {
  if (depth > limits::kMaxPandocJsonDepth) return;  // deeper than the parse builds
  if (node.is_string()) {
    std::string& s = node.get_ref<std::string&>();
    for (size_t at = 0; (at = s.find(scope, at)) != std::string::npos; at += 2) s.replace(at, scope.size(), "[^");
  } else if (node.is_array() || node.is_object()) {
    for (auto& child : node) unscope_notes(child, scope, depth + 1);
  }
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

// A list item line as CommonMark lets it interrupt a paragraph: a bullet (-, +, *) or the
// number 1 (1. or 1)), indented less than four spaces, then a space and text.
bool interrupting_list_line(const std::string& line) {
  size_t i = 0;
  while (i < line.size() && i < 4 && line[i] == ' ') ++i;
  if (i >= 4 || i >= line.size()) return false;
  size_t m = i;
  if (line[m] == '-' || line[m] == '+' || line[m] == '*')
    ++m;
  else if (line[m] == '1' && m + 1 < line.size() && (line[m + 1] == '.' || line[m + 1] == ')'))
    m += 2;
  else
    return false;
  return m + 1 < line.size() && (line[m] == ' ' || line[m] == '\t') && line.find_first_not_of(" \t", m) != std::string::npos;
}

// A blank line before a list that follows a paragraph line directly, as people write lists
// (and as CommonMark reads them): Pandoc's Markdown needs the blank line, and its own
// lists_without_preceding_blankline would also start a list at any number, so that "Tahun\n
// 2018) untuk" became a list from 2018. Lines inside a list (since its last blank line) and
// inside fenced code are left alone. Warnings are placed by searching the original text, so
// the added lines move nothing.
std::string blank_before_lists(const std::string& source) {
  std::string out;
  std::istringstream lines(source);
  bool previous_text = false;  // the line before is a non-blank line outside a list
  bool in_list = false;
  std::string fence;
  for (std::string line; std::getline(lines, line);) {
    const size_t first = line.find_first_not_of(' ');
    const bool blank = first == std::string::npos;
    if (!fence.empty()) {
      if (!blank && line.compare(first, fence.size(), fence) == 0) fence.clear();
    } else if (!blank && first < 4 && (line.compare(first, 3, "```") == 0 || line.compare(first, 3, "~~~") == 0)) {
      fence = line.substr(first, 3);
      previous_text = false;
    } else if (blank) {
      in_list = previous_text = false;
    } else if (interrupting_list_line(line)) {
      if (previous_text && !in_list) out += '\n';
      in_list = true;
      previous_text = false;
    } else {
      previous_text = !in_list && first < 4;
    }
    out += line;
    out += '\n';
  }
  return out;
}

// The id of a fragment's wrapper, `{"t":"Div","c":[["f17",[],[]],[blocks]]}`, or "" when the
// node is not one.
std::string wrapper_id(const json& node) {
  const json& t = field(node, "t");
  const json& c = field(node, "c");
  if (!t.is_string() || t != "Div" || !c.is_array() || c.size() < 2 || !c[0].is_array() || c[0].empty() ||
      !c[0][0].is_string() || !c[1].is_array())
    return "";
  return c[0][0].get<std::string>();
}

// Runs Pandoc once over every fragment in `todo` and reads each fragment's blocks as soon as
// Pandoc's JSON for it is parsed (prose::parse_pandoc_json's `on_block`): its tree is read into
// renaksi's blocks, its cache entry written to `spill`, and the tree dropped, so the run never holds
// Pandoc's whole document as a tree. Returns false on error (no fragment is then used; the
// cache entries already written are each Pandoc's output for its own text, checked as below).
// `run` and `runs`: which of the Pandoc runs started together this is, for its messages.
bool run_pandoc(const Env& env, const std::string& folder, std::vector<Fragment*>& todo, std::size_t max_output,
                size_t run, size_t runs, PackWriter& spill, std::atomic<bool>& cache_warned, Diagnostics& diags) {
  const SourceLoc where{folder, 0, 0};
  // "(55 fragments)", or with several runs "(run 2 of 2, 55 fragments)": each run's own.
  const std::string which = "(" + (runs > 1 ? "run " + std::to_string(run + 1) + " of " + std::to_string(runs) + ", " : std::string()) +
                            std::to_string(todo.size()) + " fragments)";
  std::string input;
  for (size_t i = 0; i < todo.size(); ++i)
    input += "::: {#f" + std::to_string(i) + "}\n" +
             escape_fences(blank_before_lists(with_notes_scoped(todo[i]->source, note_scope(i)))) + "\n:::\n\n";

  ProcessResult r = run_process({env.pandoc, "--sandbox", "-f", kPandocFrom, "-t", "json"}, input, env.pandoc_timeout, {}, max_output);
  input.clear();
  input.shrink_to_fit();
  if (!r.started) {
    diags.error(Code::P001, where,
                "cannot run Pandoc ('" + env.pandoc + "': " + r.error +
                    "); install the Debian package pandoc (scripts/setup does) or set RENAKSI_PANDOC");
    return false;
  }
  if (r.timed_out) {
    diags.error(Code::P003, where,
                "Pandoc did not finish within " + std::to_string(env.pandoc_timeout.count()) + " ms and was stopped " + which);
    return false;
  }
  if (r.output_too_large) {
    diags.error(Code::P010, where,
                "Pandoc's output passed " + std::to_string(max_output) + " bytes and Pandoc was stopped " + which);
    return false;
  }
  if (r.exit_code != 0) {
    std::string msg = r.err.substr(0, std::min(r.err.find('\n'), size_t{500}));
    diags.error(Code::P002, where,
                "Pandoc failed (" + (r.signal ? "signal " + std::to_string(r.signal) : "exit " + std::to_string(r.exit_code)) +
                    (msg.empty() ? ")" : "): " + msg));
    return false;
  }
  // Parsed without building anything nested deeper than the limit: the fragment a too-deep
  // part belongs to is noted (P009 at its line), the others are read as usual. Exactly the
  // expected wrappers must come back, in order: anything else means a fragment broke out of
  // its wrapper (an unclosed code fence, say) and swallowed its neighbours; from the first
  // block that is not the fragment expected there, blocks are only counted. A node that is not
  // even a Pandoc node, or a Div without its parts, is Pandoc's output of the wrong shape (P002).
  prose::ParsedJson doc;
  std::vector<long> deep_blocks;
  size_t next = 0;          // the fragment expected next
  long blocks = 0;          // elements of "blocks" seen
  bool stopped = false;     // a block was not the fragment expected
  long bad_shape = -1;      // the block of the wrong shape, if that is what stopped it
  bool bad_shape_is_node = false;
  std::vector<Fragment*> unwritten;  // read before Pandoc's AST version was (not Pandoc's order)
  auto on_block = [&](long b, json& node) {
    ++blocks;
    if (stopped) return true;
    const json& t = field(node, "t");
    const std::string id = wrapper_id(node);
    if (!t.is_string() || (t == "Div" && id.empty())) {
      stopped = true;
      bad_shape = b;
      bad_shape_is_node = t.is_string();
      return true;
    }
    if (next >= todo.size() || id != "f" + std::to_string(next)) {
      stopped = true;
      return true;
    }
    Fragment& f = *todo[next];
    f.blocks = std::move(node["c"][1]);
    unscope_notes(f.blocks, note_scope(next++), 0);
    f.too_deep = std::find(deep_blocks.begin(), deep_blocks.end(), b) != deep_blocks.end();
    f.have = true;
    // Only what reads well is cached; a fragment too deep to read is reported (P009) later.
    if (f.too_deep || read_blocks(f).status != prose::FromPandoc::Status::Ok)
      f.blocks = json();
    else if (api_supported(doc.api))
      write_cached(env, spill, f, doc.api, cache_warned, diags);
    else
      unwritten.push_back(&f);
    return true;
  };
  const bool parsed = prose::parse_pandoc_json(r.out, doc, [&](long block) { deep_blocks.push_back(block); }, on_block);
  r.out.clear();
  r.out.shrink_to_fit();
  if (!parsed) {
    diags.error(Code::P002, where, "Pandoc's output is not JSON: " + doc.error);
    return false;
  }
  if (!doc.value.is_object()) {
    diags.error(Code::P002, where, "Pandoc's output is not a JSON object");
    return false;
  }
  const json& api = field(doc.value, "pandoc-api-version");
  if (!api_supported(api)) {
    diags.error(Code::P004, where,
                "Pandoc speaks AST version " + api_string(api) + "; renaksi reads 1.22 and 1.23 (Pandoc 2.17 to 3.x)");
    return false;
  }
  if (!field(doc.value, "blocks").is_array()) {
    diags.error(Code::P002, where, "Pandoc's output has no \"blocks\" array");
    return false;
  }
  if (std::find(deep_blocks.begin(), deep_blocks.end(), -1) != deep_blocks.end()) {
    diags.error(Code::P002, where,
                "Pandoc's output nests deeper than " + std::to_string(limits::kMaxPandocJsonDepth) + " levels outside the prose");
    return false;
  }
  if (bad_shape >= 0) {
    diags.error(Code::P002, todo[std::min(next, todo.size() - 1)]->loc,
                "Pandoc's output has an unexpected shape where this prose should be: block " + std::to_string(bad_shape) +
                    (bad_shape_is_node ? " is a Div without an id and content" : " is not a Pandoc node"));
    return false;
  }
  if (next != todo.size() || blocks != static_cast<long>(todo.size())) {
    size_t bad = std::min(next, todo.size() - 1);
    diags.error(Code::P005, todo[bad]->loc,
                "this prose does not stay inside its field (an unclosed ``` code fence or a fence line); "
                "close what it opens");
    return false;
  }
  for (Fragment* f : unwritten) write_cached(env, spill, *f, api, cache_warned, diags);
  return true;
}

// Prose past this many bytes of Markdown (what is left for Pandoc once the plain texts are
// taken out) is parsed by one more Pandoc run in parallel, up to one per core. Pandoc starts in
// about 15 ms and parses on one core, and while it runs the build has little else to do: the
// default plan's 77 kB in two halves took 0.10-0.13 s on this 2-core machine against
// 0.16-0.17 s in one run, and its prose step 147-197 ms against 190-245 ms.
constexpr size_t kProseBytesPerExtraRun = 32u << 10;

std::string too_deep_message() {
  return "this prose nests deeper than " + std::to_string(limits::kMaxProseDepth) +
         " levels (block quotes, lists or emphasis inside one another); flatten it";
}

// A plan's pack as this build read it: its good entries for this batch's fragments, and how
// many entries it holds in all.
struct PlanPack {
  fs::path file;
  PackReader reader;
  std::unordered_map<std::string, PackPlace> good;
  size_t entries = 0;
};

// Rewrites each plan's pack that is not exactly its plan's cached fragments (a text changed,
// an entry was damaged, the plan is new), from the entries in hand: its own, another plan's
// pack's, or this build's spills. A pack that is already exactly right is left as it is.
void write_packs(const Env& env, const std::vector<Fragment>& fragments,
                 const std::vector<std::vector<size_t>>& users, std::vector<PlanPack>& packs,
                 const std::vector<size_t>& pack_of_job, std::atomic<bool>& warned, Diagnostics& diags) {
  std::vector<std::vector<size_t>> members(packs.size());  // each pack's fragments, in order
  for (size_t i = 0; i < fragments.size(); ++i)
    for (size_t j : users[i]) {
      if (fragments[i].plain) break;  // read without Pandoc, so not cached
      std::vector<size_t>& m = members[pack_of_job[j]];
      if (m.empty() || m.back() != i) m.push_back(i);
    }
  for (size_t p = 0; p < packs.size(); ++p) {
    PlanPack& pack = packs[p];
    std::vector<PackPlace> places;
    bool all_own = true;
    for (size_t i : members[p]) {
      const Fragment& f = fragments[i];
      std::optional<PackPlace> at;
      if (auto own = pack.good.find(f.key); own != pack.good.end()) at = own->second;
      all_own = all_own && at.has_value();
      if (!at) at = f.fresh;
      for (size_t q = 0; !at && q < packs.size(); ++q)
        if (auto other = packs[q].good.find(f.key); other != packs[q].good.end()) at = other->second;
      if (at) places.push_back(*at);  // none: Pandoc did not parse it well (too deep, a failed run)
    }
    if (all_own && pack.reader.clean() && pack.entries == places.size()) continue;
    if (places.empty() && !pack.reader.exists()) continue;
    PackWriter out = PackWriter::replacing(pack.file);
    for (const PackPlace& at : places) out.copy(at);  // bounded: the plan's fragments
    if (!out.commit()) warn_uncached(env, out.why(), warned, diags);
  }
}

}  // namespace

fs::path prose_pack_file(const fs::path& cache_dir, const std::string& plan_folder) {
  std::error_code ec;
  fs::path folder = fs::absolute(plan_folder, ec);
  if (ec) folder = plan_folder;
  return cache_dir / "prose" / (content_hash({"prose pack", folder.lexically_normal().generic_string()}) + ".pack");
}

std::string prose_cache_key(const std::string& pandoc_identity, const std::string& source) {
  // "notes scoped": entries written before each fragment's note labels were its own may hold
  // another fragment's note, and are not read.
  return content_hash({kPandocFrom, "notes scoped", pandoc_identity, source});
}

ProseStats parse_prose(std::span<const ProseJob> jobs, const Env& env, Diagnostics& build_diags, std::size_t max_output) {
  ProseStats stats;
  // Every distinct text of every plan once; it remembers the plans that use it, so each plan
  // gets its warnings and its parsed prose.
  std::vector<Fragment> fragments;
  std::vector<std::vector<size_t>> users;
  std::map<std::string, size_t> seen;
  const std::string pandoc = program_file_identity(env.pandoc);
  for (size_t j = 0; j < jobs.size(); ++j) {
    visit_texts(*jobs[j].plan, [&](const LocalizedText& field, const std::string&) {
      if (field.kind != TextKind::Prose) return;
      for (const auto& t : field.texts) {
        if (t.value.empty()) continue;
        auto [it, inserted] = seen.emplace(t.value, fragments.size());
        if (inserted) {
          fragments.push_back({t.value, {t.loc.file, t.body_line, 0}, t.body_indent, t.body_line != t.loc.line,
                               prose_cache_key(pandoc, t.value), {}, false, false, false, {}, {}, {}});
          users.emplace_back();
        }
        if (users[it->second].empty() || users[it->second].back() != j) users[it->second].push_back(j);
      }
    });
  }
  stats.fragments = static_cast<int>(fragments.size());
  // Plain sentences need no Pandoc: their AST is made here, exactly as Pandoc makes it, and read
  // as Pandoc's would be. Making it costs less than reading a cache entry, so it is not cached.
  for (Fragment& f : fragments) {
    std::optional<json> blocks = prose::plain_markdown_blocks(f.source);
    if (!blocks) continue;
    f.blocks = std::move(*blocks);
    if (read_blocks(f).status != prose::FromPandoc::Status::Ok) {  // not expected: Pandoc reads it then
      f.blocks = json();
      f.read.reset();
      f.warnings = Diagnostics();
      continue;
    }
    f.blocks = json();
    f.have = f.plain = true;
    ++stats.without_pandoc;
  }

  // Each plan's pack, read first: its entries for this batch's fragments are checked and read
  // (one payload at a time), the others only counted.
  std::vector<size_t> pack_of_job(jobs.size());
  std::vector<PlanPack> packs;
  {
    std::map<fs::path, size_t> pack_index;
    for (size_t j = 0; j < jobs.size(); ++j) {
      const fs::path file = prose_pack_file(env.cache_dir, jobs[j].plan->folder);
      auto [it, inserted] = pack_index.emplace(file, packs.size());
      if (inserted) packs.push_back(PlanPack{file, PackReader(file, limits::kMaxPandocOutputBytes), {}, 0});
      pack_of_job[j] = it->second;
    }
  }
  std::unordered_map<std::string, size_t> by_key;
  for (size_t i = 0; i < fragments.size(); ++i) by_key.emplace(fragments[i].key, i);
  for (PlanPack& pack : packs) {
    bool used = false;
    while (std::optional<PackReader::Entry> e = pack.reader.next()) {  // bounded: the pack's bytes
      ++pack.entries;
      const auto it = by_key.find(e->key);
      if (it == by_key.end() || pack.good.count(e->key)) continue;
      Fragment& f = fragments[it->second];
      if (f.plain) continue;  // an entry from before plain text was read here: left out of the pack
      const std::optional<std::string> payload = pack.reader.payload(*e);
      if (!payload) continue;
      if (!f.have) {
        if (!take_cached(f, *payload)) continue;
        ++stats.cache_hits;
      }
      used = true;
      pack.good.emplace(e->key, e->place);
    }
    if (used) mark_cache_entry_used(pack.file);  // its last use, which the pruning reads
  }
  std::vector<Fragment*> todo;
  for (auto& f : fragments)
    if (!f.have) todo.push_back(&f);
  std::atomic<bool> cache_warned = false;
  std::vector<PackWriter> spills;
  bool ok = true;
  if (!todo.empty()) {
    const std::string where = jobs.size() == 1 ? jobs[0].plan->folder : std::string("content");
    // One Pandoc run, or one per core when there is enough prose that Pandoc's own start-up is
    // small beside the parse: Pandoc parses on one core, so the prose in two halves takes about
    // half the time, and each run's JSON is half the size.
    size_t bytes = 0;
    for (const Fragment* f : todo) bytes += f->source.size();
    const size_t cores = std::min<size_t>(core_count(), 4);
    const size_t runs = bytes < kProseBytesPerExtraRun ? 1 : std::min(cores, 1 + bytes / kProseBytesPerExtraRun);
    std::vector<std::vector<Fragment*>> parts(runs);
    for (size_t i = 0; i < todo.size(); ++i) parts[i * runs / todo.size()].push_back(todo[i]);
    struct Run {
      bool ok = false;
      Diagnostics diags;
    };
    for (size_t k = 0; k < runs; ++k) spills.push_back(PackWriter::spill(env.cache_dir / "prose"));
    std::vector<Run> done = run_each_on_a_thread(runs, [&](size_t k) {
      Run r;
      r.ok = run_pandoc(env, where, parts[k], max_output, k, runs, spills[k], cache_warned, r.diags);
      return r;
    });
    stats.pandoc_runs += static_cast<int>(runs);
    for (auto& r : done) {
      // Two runs that fail alike (no Pandoc at all) say so once.
      if (&r == &done.front() || r.diags.all().size() != done.front().diags.all().size() ||
          !std::equal(r.diags.all().begin(), r.diags.all().end(), done.front().diags.all().begin(),
                      [](const Diagnostic& x, const Diagnostic& y) { return x.str() == y.str(); }))
        for (const auto& d : r.diags.all()) build_diags.add(d);
      ok = ok && r.ok;
    }
  }
  // What the runs parsed is cached even when one failed: each entry is Pandoc's output for its
  // own text.
  write_packs(env, fragments, users, packs, pack_of_job, cache_warned, build_diags);
  if (!ok) return stats;

  for (size_t i = 0; i < fragments.size(); ++i) {
    Fragment& f = fragments[i];
    Diagnostics& diags = *jobs[users[i].front()].diags;  // reported once, where the text first appears
    if (!f.have) continue;
    if (f.too_deep) {
      diags.error(Code::P009, f.loc, too_deep_message());
      continue;
    }
    const prose::FromPandoc& read = read_blocks(f);
    switch (read.status) {
      case prose::FromPandoc::Status::Ok: {
        for (const auto& w : f.warnings.all()) diags.add(w);
        // One copy, shared by every plan that has this text, and this fragment's let go.
        const prose::SharedBlocks blocks(std::move(f.read->blocks));
        for (size_t j : users[i]) jobs[j].store->put(f.source, blocks);
        break;
      }
      case prose::FromPandoc::Status::TooDeep:
        diags.error(Code::P009, f.loc, too_deep_message());
        break;
      case prose::FromPandoc::Status::BadShape:
        diags.error(Code::P002, f.loc, "Pandoc's AST for this prose has an unexpected shape: " + read.message);
        break;
    }
  }
  return stats;
}

ProseStats parse_prose(const Plan& plan, const Env& env, ProseStore& store, Diagnostics& diags, std::size_t max_output) {
  const ProseJob job{&plan, &store, &diags};
  return parse_prose(std::span<const ProseJob>(&job, 1), env, diags, max_output);
}

}  // namespace renaksi
