// The site's URL layout and relative links.
#include "emit/html/urls.h"

#include <vector>

namespace renaksi::html::urls {

namespace {

std::vector<std::string> split(const std::string& path) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

}  // namespace

std::string root() { return "index.html"; }
std::string home(const std::string& lang) { return lang + "/index.html"; }
std::string plan(const std::string& lang, const std::string& plan) { return lang + "/" + plan + "/index.html"; }
std::string commitment(const std::string& lang, const std::string& plan, const std::string& slug) {
  return lang + "/" + plan + "/" + slug + "/index.html";
}
std::string organisations(const std::string& lang) { return lang + "/organisations/index.html"; }
std::string organisations_sector(const std::string& lang, const std::string& sector) {
  return lang + "/organisations/" + sector + "/index.html";
}
std::string search(const std::string& lang) { return lang + "/search/index.html"; }
std::string about(const std::string& lang) { return lang + "/about/index.html"; }
std::string not_found(const std::string& lang) { return lang.empty() ? "404.html" : lang + "/404.html"; }
std::string asset(const std::string& name) { return "assets/" + name; }
std::string file(const std::string& plan, const std::string& name) { return "files/" + plan + "/" + name; }

std::string relative(const std::string& from, const std::string& to) {
  std::string fragment;
  std::string target = to;
  if (size_t hash = target.find('#'); hash != std::string::npos) {
    fragment = target.substr(hash);
    target.resize(hash);
  }
  if (target == from && !fragment.empty()) return fragment;
  auto f = split(from);
  auto t = split(target);
  f.pop_back();  // the page's own file name
  size_t common = 0;
  while (common < f.size() && common + 1 < t.size() && f[common] == t[common]) ++common;
  std::string out;
  for (size_t i = common; i < f.size(); ++i) out += "../";
  for (size_t i = common; i < t.size(); ++i) out += t[i] + (i + 1 < t.size() ? "/" : "");
  return out + fragment;
}

std::string absolute(const std::string& base, const std::string& path) {
  std::string b = base;
  if (b.empty() || b.back() != '/') b += '/';
  std::string p = path;
  if (p == "index.html")
    p.clear();
  else if (p.size() > 11 && p.ends_with("/index.html"))
    p.resize(p.size() - 10);
  return b + p;
}

std::string site_root_path(const std::string& site_url) {
  const size_t scheme = site_url.find("://");
  const size_t slash = site_url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  std::string path = slash == std::string::npos ? "/" : site_url.substr(slash);
  if (const size_t cut = path.find_first_of("?#"); cut != std::string::npos) path.resize(cut);
  if (path.empty() || path.back() != '/') path += '/';
  return path;
}

std::string resolve(const std::string& from, const std::string& href) {
  if (href.empty() || href[0] == '#' || href[0] == '/' || href[0] == '?') return {};
  // A scheme ("https:", "mailto:") comes before any '/', '?' or '#'.
  size_t colon = href.find(':');
  if (colon != std::string::npos && colon < href.find_first_of("/?#")) return {};
  std::string path = href.substr(0, href.find_first_of("?#"));
  auto parts = split(from);
  parts.pop_back();
  for (const auto& seg : split(path)) {
    if (seg == "..") {
      if (parts.empty()) return {};
      parts.pop_back();
    } else if (seg != "." && !seg.empty()) {
      parts.push_back(seg);
    }
  }
  if (path.ends_with('/')) parts.push_back("index.html");
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? "/" : "") + parts[i];
  return out;
}

}  // namespace renaksi::html::urls
