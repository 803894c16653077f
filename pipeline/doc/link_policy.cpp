// Which links prose may keep.
#include "doc/link_policy.h"

#include <libxml/uri.h>

#include <algorithm>
#include <cctype>

#include "xml/xml_document.h"

namespace renaksi::prose {

bool allowed_link(std::string_view url) {
  return std::any_of(kKeptLinkPrefixes.begin(), kKeptLinkPrefixes.end(), [&](std::string_view prefix) {
    return url.size() >= prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), url.begin(), [](char p, char u) {
             return p == std::tolower(static_cast<unsigned char>(u));
           });
  });
}

std::string kept_link_schemes() {
  std::string out;
  for (std::size_t i = 0; i < kKeptLinkPrefixes.size(); ++i) {
    if (i > 0) out += i + 1 == kKeptLinkPrefixes.size() ? " and " : ", ";
    out += kKeptLinkPrefixes[i].substr(0, kKeptLinkPrefixes[i].find(':'));
  }
  return out;
}

std::string url_query_value(const std::string& text) {
  xmlChar* escaped = xmlURIEscapeStr(reinterpret_cast<const xmlChar*>(text.c_str()), reinterpret_cast<const xmlChar*>(""));
  return take_xml_string(escaped);
}

std::string with_subject(const std::string& form, const std::string& subject) {
  std::string out = form;
  if (const size_t at = out.find("{subject}"); at != std::string::npos) out.replace(at, 9, url_query_value(subject));
  return out;
}

}  // namespace renaksi::prose
