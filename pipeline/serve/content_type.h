// The media type a file of the site is served with, by its name's extension.
#pragma once

#include <string_view>

namespace renaksi::serve {

// "text/html; charset=utf-8" for "index.html", "application/pdf" for "x.pdf", … The site's
// kinds of file (HTML, CSS, JavaScript, SVG, XML, PDF, DOCX, JSON, images, fonts) each have
// theirs; anything else is "application/octet-stream". Case of the extension is ignored.
std::string_view content_type_for(std::string_view file_name);

}  // namespace renaksi::serve
