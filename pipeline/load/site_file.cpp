// content/site.xml: read, validated against schemas/site.rng, its address taken.
#include "load/site_file.h"

#include <cstring>

#include "env/read_file.h"
#include "env/text_encoding.h"
#include "load/schema.h"
#include "xml/source_locator.h"
#include "xml/xml_document.h"

namespace renaksi {

namespace embedded {
extern const std::string_view site_schema;
}

namespace fs = std::filesystem;

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string trim(std::string s) {
  size_t b = 0, e = s.size();
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  return s.substr(b, e - b);
}

}  // namespace

fs::path site_file_for(const fs::path& content) {
  std::error_code ec;
  if (!fs::is_regular_file(content / "plan.xml", ec)) return content / "site.xml";
  fs::path plan = content.lexically_normal();  // "content/nap-2018-2020/" keeps its "/"
  if (!plan.has_filename()) plan = plan.parent_path();
  fs::path parent = plan.parent_path();
  if (parent.empty()) parent = plan == "." ? ".." : ".";
  return parent / "site.xml";
}

bool is_site_address(const std::string& address) {
  size_t rest = 0;
  if (address.starts_with("https://"))
    rest = 8;
  else if (address.starts_with("http://"))
    rest = 7;
  else
    return false;
  const size_t host_end = address.find('/', rest);
  if ((host_end == std::string::npos ? address.size() : host_end) == rest) return false;  // no host
  for (char c : address)
    if (c == '?' || c == '#' || is_space(c) || static_cast<unsigned char>(c) < 0x20) return false;
  return true;
}

std::string normalise_site_address(std::string address) {
  address = trim(std::move(address));
  if (!address.empty() && address.back() != '/') address += '/';
  return address;
}

std::optional<SiteFile> load_site_file(const fs::path& file, Diagnostics& diags) {
  std::error_code ec;
  if (!fs::exists(file, ec)) return std::nullopt;
  static const ContentSchema schema(embedded::site_schema);
  const ContentFile opened = open_content_file(file, schema, diags);
  if (!opened.doc) return std::nullopt;
  const std::string& name = opened.name;
  const SourceLocator& locator = *opened.locator;

  const xmlNode* root = xmlDocGetRootElement(opened.doc.get());
  for (const xmlNode* n = root ? root->children : nullptr; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE || std::strcmp(reinterpret_cast<const char*>(n->name), "address") != 0) continue;
    SiteFile f;
    const int line = static_cast<int>(xmlGetLineNo(n));
    auto [l, c] = locator.first_element(line, "address");
    f.loc = {name, l, c};
    f.address = normalise_site_address(node_text(n));
    if (!is_site_address(f.address)) {  // the schema's pattern lets no such address through
      diags.error(Code::L003, f.loc, "the site's address must be an absolute http or https address");
      return std::nullopt;
    }
    return f;
  }
  return std::nullopt;  // the schema requires <address>
}

}  // namespace renaksi
