// The site's address: the override, else content/site.xml, else none.
#include "driver/site_address.h"

#include "load/site_file.h"

namespace renaksi {

void resolve_site_address(Env& env, const std::filesystem::path& content, bool publishes, Diagnostics& diags) {
  const std::filesystem::path file = site_file_for(content);
  if (!env.site_url.empty()) {
    env.site_url = normalise_site_address(std::move(env.site_url));
    if (!is_site_address(env.site_url)) {
      diags.error(Code::H005, {"--site-url", 0, 0},
                  "'" + env.site_url + "' is not an absolute http or https address (e.g. https://nap.example.org/)");
      env.site_url.clear();
    }
    return;
  }
  if (std::optional<SiteFile> site = load_site_file(file, diags)) {
    env.site_url = site->address;
    return;
  }
  if (publishes && !diags.has_errors())
    diags.warning(Code::H004, {file.generic_string(), 0, 0},
                  "the site is published without its address: its pages get no canonical, hreflang or Open Graph "
                  "addresses and there is no sitemap.xml; write <site version=\"1\"><address>https://…/</address></site> "
                  "in this file, or pass --site-url");
}

}  // namespace renaksi
