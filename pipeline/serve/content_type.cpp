// The media types of the site's files.
#include "serve/content_type.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace renaksi::serve {

namespace {

struct Type {
  std::string_view extension;  // lower case, without the dot
  std::string_view media_type;
};

// Text types carry their charset: every text file renaksi writes is UTF-8.
constexpr std::array kTypes{
    Type{"html", "text/html; charset=utf-8"},
    Type{"htm", "text/html; charset=utf-8"},
    Type{"css", "text/css; charset=utf-8"},
    Type{"js", "text/javascript; charset=utf-8"},
    Type{"mjs", "text/javascript; charset=utf-8"},
    Type{"json", "application/json"},
    Type{"csv", "text/csv; charset=utf-8"},
    Type{"atom", "application/atom+xml"},
    Type{"webmanifest", "application/manifest+json"},
    Type{"xml", "application/xml"},
    Type{"svg", "image/svg+xml"},
    Type{"txt", "text/plain; charset=utf-8"},
    Type{"pdf", "application/pdf"},
    Type{"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    Type{"png", "image/png"},
    Type{"jpg", "image/jpeg"},
    Type{"jpeg", "image/jpeg"},
    Type{"gif", "image/gif"},
    Type{"webp", "image/webp"},
    Type{"ico", "image/x-icon"},
    Type{"woff", "font/woff"},
    Type{"woff2", "font/woff2"},
    Type{"ttf", "font/ttf"},
    Type{"otf", "font/otf"},
};

}  // namespace

std::string_view content_type_for(std::string_view file_name) {
  const size_t slash = file_name.rfind('/');
  if (slash != std::string_view::npos) file_name.remove_prefix(slash + 1);
  const size_t dot = file_name.rfind('.');
  if (dot == std::string_view::npos || dot + 1 == file_name.size()) return "application/octet-stream";
  std::string ext(file_name.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const Type& t : kTypes)
    if (t.extension == ext) return t.media_type;
  return "application/octet-stream";
}

}  // namespace renaksi::serve
