// The site's link check run on finished outputs, for tests: every page's bytes read back with
// libxml2's HTML parser (html::read_links), every file under the site folder a target.
#pragma once

#include <string>
#include <vector>

#include "emit/html/link_check.h"
#include "output/outputs.h"

namespace renaksi::testing {

// Every broken link of the pages under `prefix` ("site/") of `outputs`.
std::vector<html::BrokenLink> broken_links(const Outputs& outputs, const std::string& prefix = "site/");

}  // namespace renaksi::testing
