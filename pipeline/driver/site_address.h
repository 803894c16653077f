// The site's address for a build: --site-url or RENAKSI_SITE_URL when given, else the content's
// site.xml (load/site_file.h), else none, with a warning when the build publishes.
#pragma once

#include <filesystem>

#include "diag/diagnostic.h"
#include "env/env.h"

namespace renaksi {

// Sets `env.site_url` for a build of `content` (a folder of plans, or one plan's folder):
// an address already in `env` (from the command line or the environment) wins and is only
// checked (H005 error when it is not an http(s) address); else the address of site.xml
// (its problems are L00x errors at file:line:col); else it stays empty and, when the build
// `publishes`, an H004 warning says the site has no absolute addresses.
void resolve_site_address(Env& env, const std::filesystem::path& content, bool publishes, Diagnostics& diags);

}  // namespace renaksi
