// The link check over finished outputs.
#include "emit/html/site_links.h"

#include <map>

namespace renaksi::testing {

std::vector<html::BrokenLink> broken_links(const Outputs& outputs, const std::string& prefix) {
  std::map<std::string, html::PageLinks> pages;
  html::LinkTargets targets;
  for (const auto& path : outputs.paths(prefix)) {
    const std::string site_path = path.substr(prefix.size());
    targets.files.insert(site_path);
    if (!path.ends_with(".html")) continue;
    pages[site_path] = html::read_links(*outputs.find(path));
    targets.ids[site_path] = pages[site_path].ids;
  }
  return html::broken_links(pages, targets, prefix);
}

}  // namespace renaksi::testing
