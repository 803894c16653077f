// The synthetic archive of the benchmarks: real plan files, renumbered, their prose varied.
#include "synthetic.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>

namespace fs = std::filesystem;

namespace renaksi::bench {

namespace {

bool read_file(const fs::path& p, std::string& out, std::string& error) {
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    error = "cannot read " + p.string();
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) {
    error = "cannot read " + p.string();
    return false;
  }
  out = ss.str();
  return true;
}

bool write_file(const fs::path& p, const std::string& bytes, std::string& error) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << bytes;
  out.close();
  if (!out) {
    error = "cannot write " + p.string();
    return false;
  }
  return true;
}

uint64_t mix(uint64_t x) {  // splitmix64's finaliser
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

bool word_byte(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }

// Skips a run opened at `i` by `open` and closed by `close` (nested), returns the index after
// the close (or the end).
size_t skip_group(const std::string& s, size_t i, char open, char close) {
  int depth = 0;
  for (; i < s.size(); ++i) {
    if (s[i] == open) ++depth;
    else if (s[i] == close && --depth == 0) return i + 1;
  }
  return s.size();
}

// Calls `on_word(start, length)` for each lower-case ASCII word of four letters or more in the
// prose `s` that sits outside links, spans, attributes, code, tags, entities and bare URLs.
template <typename F>
void each_word(const std::string& s, F&& on_word) {
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '`') {
      const size_t end = s.find('`', i + 1);
      i = end == std::string::npos ? s.size() : end + 1;
    } else if (c == '[') {
      i = skip_group(s, i, '[', ']');
      if (i < s.size() && s[i] == '(') i = skip_group(s, i, '(', ')');
    } else if (c == '{') {
      i = skip_group(s, i, '{', '}');
    } else if (c == '<') {
      const size_t end = s.find('>', i + 1);
      i = end == std::string::npos ? s.size() : end + 1;
    } else if (c == '&') {
      const size_t end = s.find(';', i + 1);
      i = end == std::string::npos || end > i + 12 ? i + 1 : end + 1;
    } else if (word_byte(c)) {
      size_t j = i;
      bool lower = true;
      while (j < s.size() && word_byte(static_cast<unsigned char>(s[j]))) {
        if (s[j] < 'a' || s[j] > 'z') lower = false;
        ++j;
      }
      if (s.compare(j, 3, "://") == 0) {  // a bare URL: to the next space
        while (j < s.size() && s[j] != ' ' && s[j] != '\n' && s[j] != '\t') ++j;
      } else if (lower && j - i >= 4) {
        on_word(i, j - i);
      }
      i = j;
    } else {
      ++i;
    }
  }
}

// Calls `on_text(lang, body_start, body_length)` for each <text xml:lang="…">…</text> of `xml`.
template <typename F>
void each_text(const std::string& xml, F&& on_text) {
  size_t i = 0;
  while ((i = xml.find("<text", i)) != std::string::npos) {
    const size_t tag_end = xml.find('>', i);
    if (tag_end == std::string::npos) return;
    const char after = xml[i + 5];
    if ((after != ' ' && after != '>') || xml[tag_end - 1] == '/') {
      i = tag_end;
      continue;
    }
    std::string lang;
    const size_t l = xml.find("xml:lang=\"", i);
    if (l != std::string::npos && l < tag_end) {
      const size_t q = xml.find('"', l + 10);
      if (q != std::string::npos && q < tag_end) lang = xml.substr(l + 10, q - l - 10);
    }
    const size_t close = xml.find("</text>", tag_end);
    if (close == std::string::npos) return;
    on_text(lang, tag_end + 1, close - tag_end - 1);
    i = close + 7;
  }
}

// The attribute `name` of the first `<root ` tag set to `value` (or removed when `value` is
// empty). The tag must have the attribute.
std::string with_attribute(std::string xml, const std::string& root, const std::string& name, const std::string& value) {
  const size_t tag = xml.find("<" + root + " ");
  if (tag == std::string::npos) return xml;
  const size_t tag_end = xml.find('>', tag);
  const size_t a = xml.find(" " + name + "=\"", tag);
  if (a == std::string::npos || a > tag_end) return xml;
  const size_t q = xml.find('"', a + name.size() + 3);
  if (q == std::string::npos || q > tag_end) return xml;
  if (value.empty())
    xml.erase(a, q + 1 - a);
  else
    xml.replace(a + name.size() + 3, q - a - name.size() - 3, value);
  return xml;
}

std::string attribute(const std::string& xml, const std::string& root, const std::string& name) {
  const size_t tag = xml.find("<" + root + " ");
  if (tag == std::string::npos) return "";
  const size_t tag_end = xml.find('>', tag);
  const size_t a = xml.find(" " + name + "=\"", tag);
  if (a == std::string::npos || a > tag_end) return "";
  const size_t q = xml.find('"', a + name.size() + 3);
  if (q == std::string::npos || q > tag_end) return "";
  return xml.substr(a + name.size() + 3, q - a - name.size() - 3);
}

}  // namespace

bool SyntheticSource::load(const fs::path& plan_folder, std::string& error) {
  if (!read_file(plan_folder / "plan.xml", plan_, error) || !read_file(plan_folder / "organisations.xml", organisations_, error))
    return false;
  plan_id_ = attribute(plan_, "plan", "id");
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::directory_iterator it(plan_folder / "commitments", ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".xml") files.push_back(it->path());
  if (ec) {
    error = "cannot list " + (plan_folder / "commitments").string() + ": " + ec.message();
    return false;
  }
  std::sort(files.begin(), files.end());
  commitments_.clear();
  for (const auto& f : files) {
    std::string xml;
    if (!read_file(f, xml, error)) return false;
    commitments_.push_back(std::move(xml));
  }
  if (commitments_.empty() || plan_id_.empty()) {
    error = plan_folder.string() + " has no plan id or no commitment";
    return false;
  }
  std::map<std::string, std::set<std::string>> words;
  auto collect = [&](const std::string& xml) {
    each_text(xml, [&](const std::string& lang, size_t start, size_t length) {
      const std::string body = xml.substr(start, length);
      each_word(body, [&](size_t at, size_t n) { words[lang].insert(body.substr(at, n)); });
    });
  };
  collect(plan_);
  for (const auto& c : commitments_) collect(c);
  words_.clear();
  for (auto& [lang, set] : words) words_[lang].assign(set.begin(), set.end());
  return true;
}

std::string SyntheticSource::vary(const std::string& xml, uint64_t seed) const {
  std::string out;
  out.reserve(xml.size() + xml.size() / 8);
  size_t copied = 0;
  uint64_t k = 0;  // words seen so far in the file
  each_text(xml, [&](const std::string& lang, size_t start, size_t length) {
    auto pool = words_.find(lang);
    if (pool == words_.end() || pool->second.size() < 2) return;
    const std::string body = xml.substr(start, length);
    size_t body_copied = 0;
    out.append(xml, copied, start - copied);
    each_word(body, [&](size_t at, size_t n) {
      const uint64_t h = mix(seed ^ mix(++k));
      if (h % 5 != 0) return;
      const auto& words = pool->second;
      const std::string* w = &words[(h >> 8) % words.size()];
      if (body.compare(at, n, *w) == 0) w = &words[((h >> 8) + 1) % words.size()];
      out.append(body, body_copied, at - body_copied);
      out += *w;
      body_copied = at + n;
    });
    out.append(body, body_copied, std::string::npos);
    copied = start + length;
  });
  out.append(xml, copied, std::string::npos);
  return out;
}

std::string SyntheticSource::plan_xml(const std::string& id, uint64_t seed) const {
  return vary(with_attribute(plan_, "plan", "id", id), seed);
}

std::string SyntheticSource::commitment_xml(int number, uint64_t seed) const {
  std::string xml = commitments_[static_cast<size_t>(number - 1) % commitments_.size()];
  const std::string id = attribute(xml, "commitment", "id") + "-" + std::to_string(number);
  xml = with_attribute(std::move(xml), "commitment", "id", id);
  xml = with_attribute(std::move(xml), "commitment", "number", std::to_string(number));
  xml = with_attribute(std::move(xml), "commitment", "ogp-id", "");
  return vary(xml, seed);
}

uint64_t synthetic_seed(int plan, int number, int round) {
  return mix(mix(mix(static_cast<uint64_t>(plan)) ^ static_cast<uint64_t>(number)) ^ static_cast<uint64_t>(round));
}

std::string synthetic_plan_id(int plan) {
  char name[40];
  std::snprintf(name, sizeof name, "nap-synthetic-%03d", plan);
  return name;
}

std::string synthetic_commitment_file(int number) {
  char name[24];
  std::snprintf(name, sizeof name, "%03d.xml", number);
  return name;
}

bool write_synthetic_archive(const SyntheticSource& source, const fs::path& out, int plans, int per_plan, std::string& error) {
  std::error_code ec;
  if (fs::exists(out, ec) && !fs::is_empty(out, ec)) {
    error = out.string() + " is not empty";
    return false;
  }
  for (int k = 1; k <= plans; ++k) {
    const std::string id = synthetic_plan_id(k);
    const fs::path dir = out / id;
    fs::create_directories(dir / "commitments", ec);
    if (ec) {
      error = "cannot create " + (dir / "commitments").string() + ": " + ec.message();
      return false;
    }
    if (!write_file(dir / "plan.xml", source.plan_xml(id, synthetic_seed(k, 0)), error) ||
        !write_file(dir / "organisations.xml", source.organisations_xml(), error))
      return false;
    for (int n = 1; n <= per_plan; ++n)
      if (!write_file(dir / "commitments" / synthetic_commitment_file(n), source.commitment_xml(n, synthetic_seed(k, n)), error))
        return false;
  }
  return true;
}

bool change_synthetic_commitment(const SyntheticSource& source, const fs::path& out, int plan, int number, int round,
                                 std::string& error) {
  return write_file(out / synthetic_plan_id(plan) / "commitments" / synthetic_commitment_file(number),
                    source.commitment_xml(number, synthetic_seed(plan, number, round)), error);
}

}  // namespace renaksi::bench
