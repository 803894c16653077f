// The build's environment: every outside input a pass may use (programs, folders, the clock),
// gathered in one object so that tests can fix them and outputs are reproducible.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "env/limits.h"

namespace renaksi {

struct Env {
  std::string pandoc = "pandoc";                      // the program, looked up on PATH
  std::chrono::milliseconds pandoc_timeout{limits::kDefaultPandocTimeout};  // a longer Pandoc run is killed
  std::filesystem::path cache_dir = "build/cache";    // content-hash caches (prose)
  std::filesystem::path data_dir;                     // holds locales/ and layouts/
  std::string layout = "a4";                          // layouts/<name>.json, or a path to a .json
  std::optional<std::int64_t> source_date_epoch;      // the build's date, for reproducible output
  // Where the site (dist/site/) is served, for its absolute addresses (canonical and hreflang
  // links, Open Graph, sitemap.xml). --site-url or RENAKSI_SITE_URL; when neither is set the
  // build takes it from the content's site.xml (driver/site_address.h). Empty: not known, and
  // the site writes no absolute address (never a placeholder).
  std::string site_url;

  // Reads RENAKSI_PANDOC, RENAKSI_DATA_DIR, RENAKSI_SITE_URL and SOURCE_DATE_EPOCH; the data folder defaults to
  // the source tree the binary was built from.
  static Env from_environment();

  // The layout file the PDF editions use.
  std::filesystem::path layout_file() const;

  // The Word reference document that styles the DOCX editions: layouts/reference.docx.
  std::filesystem::path reference_docx() const;

  // The build's date: SOURCE_DATE_EPOCH when set, else the current time.
  std::chrono::sys_seconds now() const;
};

}  // namespace renaksi
