// The page shell of the site: layouts/html/page.html, read once, copied for every page, its
// slots (elements marked data-slot="...") filled by the page builders through the tree.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "emit/html/html_tree.h"

namespace renaksi::html {

// The slots a template may hold. `main` is required; a page leaves out the others it has no
// content for, and an empty slot is removed from the page.
inline constexpr const char* kSlots[] = {"skip-link", "home-link", "site-nav", "language-switch",
                                         "breadcrumb", "main", "footer"};

// One page being built: a copy of the template with its slots found.
struct Page {
  XmlDocPtr doc;
  xmlNode* html = nullptr;
  xmlNode* head = nullptr;
  xmlNode* title = nullptr;
  std::map<std::string, xmlNode*> slots;  // present in the template
  std::string path;                       // the page's site path ("id/nap-2018-2020/index.html")

  xmlNode* slot(const std::string& name) const;  // null when the template has no such slot
};

class PageTemplate {
 public:
  // Reads `dir`/page.html. Problems (unreadable, not well-formed, no <head>/<body>, no main
  // slot, a DOCTYPE with declarations, a referenced file missing from `dir`) are H001 errors;
  // returns false then.
  bool load(const std::filesystem::path& dir, Diagnostics& diags);

  // A fresh page at site path `path`: the template's copy, with `lang` on <html> and the
  // template's own files (stylesheets, scripts, images it names relative to layouts/html/)
  // linked relative to the page.
  Page instantiate(const std::string& path, const std::string& lang) const;

  // The files the template names, relative to its folder: copied into site/assets/.
  const std::vector<std::string>& assets() const { return assets_; }
  const std::filesystem::path& dir() const { return dir_; }

 private:
  std::filesystem::path dir_;
  XmlDocPtr doc_;
  std::vector<std::string> assets_;
};

// Removes the slot markers and empty optional slots; called once the page is filled.
void finish_page(Page& page);

}  // namespace renaksi::html
