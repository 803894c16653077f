// The build's environment.
#include "env/env.h"

#include <cstdlib>

namespace renaksi {

Env Env::from_environment() {
  Env env;
  env.data_dir = RENAKSI_DEFAULT_DATA_DIR;
  if (const char* p = std::getenv("RENAKSI_PANDOC"); p && *p) env.pandoc = p;
  if (const char* d = std::getenv("RENAKSI_DATA_DIR"); d && *d) env.data_dir = d;
  if (const char* u = std::getenv("RENAKSI_SITE_URL"); u && *u) env.site_url = u;
  if (const char* s = std::getenv("SOURCE_DATE_EPOCH"); s && *s) {
    char* end = nullptr;
    long long v = std::strtoll(s, &end, 10);
    if (end && *end == '\0') env.source_date_epoch = v;
  }
  return env;
}

std::filesystem::path Env::layout_file() const {
  if (layout.ends_with(".json")) return layout;
  return data_dir / "layouts" / (layout + ".json");
}

std::filesystem::path Env::reference_docx() const { return data_dir / "layouts" / "reference.docx"; }

std::chrono::sys_seconds Env::now() const {
  if (source_date_epoch) return std::chrono::sys_seconds{std::chrono::seconds{*source_date_epoch}};
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace renaksi
