// The archive's settings file, content/site.xml (schemas/site.rng): the address the website is
// published at, set once for every plan of the content folder.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "diag/diagnostic.h"

namespace renaksi {

struct SiteFile {
  std::string address;  // absolute http(s), ending in '/'
  SourceLoc loc;        // the <address> element
};

// Where the settings of the content at `content` are looked for: `content`/site.xml for a
// folder of plans; for a single plan's folder (one that holds plan.xml), the site.xml of the
// folder that holds it, so that building one plan of an archive keeps the archive's address.
std::filesystem::path site_file_for(const std::filesystem::path& content);

// Reads, parses and validates `file`. nullopt when it does not exist (nothing reported) or cannot
// be used (L001/L002/L003/L005/L007 errors, at file:line:col).
std::optional<SiteFile> load_site_file(const std::filesystem::path& file, Diagnostics& diags);

// True for an absolute http or https address with a host and no query or fragment.
bool is_site_address(const std::string& address);

// The address as the site uses it: surrounding spaces trimmed, a final '/' added.
std::string normalise_site_address(std::string address);

}  // namespace renaksi
