// Checks the site's links: every relative href and src resolves to a file the site writes, and
// every #fragment to an id on its page. Each page's links and ids are recorded from its tree
// when it is written (`links_of`), so the check never reads a page's bytes back: a plan's links
// that stay inside the plan are checked when its pages are written, the others (and those of
// the archive's own pages) by the archive step against every plan's summary. A broken link is
// an H002 error; the tests run the same check.
#pragma once

#include <libxml/tree.h>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace renaksi::html {

// What one page links to, and the ids a link can point at on it.
struct PageLinks {
  std::vector<std::string> hrefs;  // every href and src, as written, in document order
  std::set<std::string> ids;
};

// The links of a page's tree (`root`: its <html> element).
PageLinks links_of(xmlNode* root);
// The links of a page's bytes, read back with libxml2's HTML parser (for tests and tools).
PageLinks read_links(const std::string& html);

struct BrokenLink {
  std::string page;  // site path of the page that links
  std::string href;  // as written
  std::string why;
};

// Where an href of the page at `page` goes.
struct LinkTarget {
  enum class Kind { External, Broken, File };
  Kind kind = Kind::External;
  std::string path;      // File: the site path linked to, without its fragment
  std::string fragment;  // File: "" when none
  std::string why;       // Broken: what is wrong
};
LinkTarget link_target(const std::string& page, const std::string& href);

// What a set of pages can link to: the files (site paths) and, per page, the ids known on it.
struct LinkTargets {
  std::set<std::string> files;
  std::map<std::string, std::set<std::string>> ids;  // a page absent here has its fragments unchecked
};

// Why a link to `path`#`fragment` is broken ("no file site/…", "no id 'x' on …"), or "" when
// it is not. `prefix` is the site folder's path in the outputs ("site/").
std::string why_broken(const LinkTargets& targets, const std::string& path, const std::string& fragment,
                       const std::string& prefix);

// Every broken link of `pages` (site path -> links), in page order then document order.
std::vector<BrokenLink> broken_links(const std::map<std::string, PageLinks>& pages, const LinkTargets& targets,
                                     const std::string& prefix);

}  // namespace renaksi::html
