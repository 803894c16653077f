// Checks the site's links: every relative href and src of every page resolves to a file the
// build writes, and every #fragment to an id on its page. The site step runs it on its own
// output (a broken link is an H002 error); the tests run it too.
#pragma once

#include <string>
#include <vector>

#include "output/outputs.h"

namespace renaksi::html {

struct BrokenLink {
  std::string page;  // site path of the page that links
  std::string href;  // as written
  std::string why;
};

// Checks the pages under `prefix` ("site/") of `outputs`.
std::vector<BrokenLink> broken_links(const Outputs& outputs, const std::string& prefix);

}  // namespace renaksi::html
