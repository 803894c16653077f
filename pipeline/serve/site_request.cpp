// The preview server's answer to one request, from the site folder.
#include "serve/site_request.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

#include "env/file_io.h"
#include "serve/content_type.h"

namespace renaksi::serve {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// "plan x" -> "plan%20x": a segment written back into an address (a redirect's Location).
std::string encode_segment(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                       c == '_' || c == '.' || c == '~';
    if (plain) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

Reply plain(int status, std::string body) {
  Reply r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.body = std::move(body) + "\n";
  return r;
}

// What opening one entry found.
enum class Found { File, Folder, Missing, Refused, Unreadable, TooLarge };

struct Opened {
  Found found = Found::Missing;
  UniqueFd fd;
};

// Opens `name` in the folder `dir`, never following a link, never blocking on a FIFO.
Opened open_entry(int dir, const std::string& name) {
  Opened o;
  o.fd = UniqueFd(::openat(dir, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
  if (!o.fd) {
    // A link is refused by O_NOFOLLOW with ELOOP (or, O_PATH aside, by nothing else).
    o.found = errno == ELOOP ? Found::Refused : errno == EACCES ? Found::Unreadable : Found::Missing;
    return o;
  }
  struct stat st {};
  if (::fstat(o.fd.get(), &st) != 0) {
    o.found = Found::Unreadable;
  } else if (S_ISDIR(st.st_mode)) {
    o.found = Found::Folder;
  } else if (S_ISREG(st.st_mode)) {
    o.found = static_cast<std::size_t>(st.st_size) > kMaxServedFileBytes ? Found::TooLarge : Found::File;
  } else {
    o.found = Found::Missing;  // a FIFO, a socket, a device: nothing a site serves
  }
  return o;
}

// Reads the regular file open at `fd` whole (bounded by kMaxServedFileBytes).
bool read_all(int fd, std::string& out) {
  out.clear();
  char buf[64 * 1024];
  // Each pass reads at least one byte or ends: at most kMaxServedFileBytes / 1 passes, and in
  // practice size / 64 KiB.
  while (out.size() <= kMaxServedFileBytes) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    if (n == 0) return true;
    out.append(buf, static_cast<std::size_t>(n));
  }
  return false;  // it grew past the bound while being read
}

// Walks `segments` from the folder `root` down, every component opened without following links.
Opened walk(const std::filesystem::path& root, const std::vector<std::string>& segments) {
  Opened at;
  at.fd = UniqueFd(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!at.fd) return at;  // Missing: no site (yet)
  at.found = Found::Folder;
  for (const std::string& seg : segments) {
    if (at.found != Found::Folder) return Opened{};  // "/a.html/b": a file is no folder
    at = open_entry(at.fd.get(), seg);
    if (at.found == Found::Missing || at.found == Found::Refused || at.found == Found::Unreadable) return at;
  }
  return at;
}

// `page` (a 404 page served at an address that missed) with a <base> of `address`, its own
// address on this server, so its relative links (style, home, search) work here: the <base> the
// build wrote (the public site's path, emit/html/page_chrome.cpp) is replaced, or one is put
// first in the head when the site was built without an address. A page with neither is as it was.
std::string with_preview_base(std::string page, const std::string& address) {
  const std::string tag = "<base href=\"" + address + "\" />";
  const size_t head_end = page.find("</head>");
  if (head_end == std::string::npos) return page;
  if (const size_t at = page.find("<base "); at != std::string::npos && at < head_end) {
    const size_t end = page.find('>', at);
    if (end != std::string::npos && end < head_end) return page.replace(at, end + 1 - at, tag);
  }
  if (const size_t at = page.find("<head>"); at != std::string::npos && at < head_end) page.insert(at + 6, tag);
  return page;
}

// The site's own "not found" page for `segments`, else a plain one; status 404 either way.
Reply not_found(const std::filesystem::path& root, const std::vector<std::string>& segments) {
  std::vector<std::vector<std::string>> pages;
  if (segments.size() > 1) pages.push_back({segments.front(), "404.html"});
  pages.push_back({"404.html"});
  for (const auto& page : pages) {
    Opened o = walk(root, page);
    std::string body;
    if (o.found == Found::File && read_all(o.fd.get(), body)) {
      Reply r;
      r.status = 404;
      r.content_type = content_type_for("404.html");
      std::string address;
      for (const auto& seg : page) address += "/" + encode_segment(seg);
      r.body = with_preview_base(std::move(body), address);
      return r;
    }
  }
  return plain(404, "404 not found");
}

}  // namespace

RequestPath parse_request_path(std::string_view target) {
  RequestPath p;
  if (target.size() > kMaxTargetBytes || target.empty() || target.front() != '/') {
    p.verdict = RequestPath::Verdict::Malformed;
    return p;
  }
  target = target.substr(0, target.find_first_of("?#"));
  std::string path;
  for (size_t i = 0; i < target.size(); ++i) {
    char c = target[i];
    if (c == '%') {
      const int hi = i + 2 < target.size() ? hex_value(target[i + 1]) : -1;
      const int lo = hi >= 0 ? hex_value(target[i + 2]) : -1;
      if (lo < 0) {
        p.verdict = RequestPath::Verdict::Malformed;
        return p;
      }
      c = static_cast<char>(hi * 16 + lo);
      i += 2;
    }
    if (c == '\0') {
      p.verdict = RequestPath::Verdict::Malformed;
      return p;
    }
    path += c;
  }
  p.trailing_slash = path.ends_with('/');
  size_t start = 0;
  while (start <= path.size()) {  // each pass consumes one segment and its slash
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string_view seg(path.data() + start, end - start);
    start = end + 1;
    if (seg.empty() || seg == ".") continue;
    if (seg.front() == '.') {  // "..", and hidden names
      p.verdict = RequestPath::Verdict::Refused;
      p.segments.clear();
      return p;
    }
    if (p.segments.size() == kMaxPathSegments) {
      p.verdict = RequestPath::Verdict::Malformed;
      p.segments.clear();
      return p;
    }
    p.segments.emplace_back(seg);
  }
  // "/." and "/en/." name a folder as "/" and "/en/" do.
  if (!p.trailing_slash && (path.ends_with("/.") || path.empty())) p.trailing_slash = true;
  return p;
}

Reply answer(const std::filesystem::path& root, std::string_view method, std::string_view target) {
  if (method != "GET" && method != "HEAD") {
    Reply r = plain(405, "405 method not allowed: this server only reads (GET, HEAD)");
    r.allow = "GET, HEAD";
    return r;
  }
  const RequestPath path = parse_request_path(target);
  if (path.verdict == RequestPath::Verdict::Malformed) return plain(400, "400 bad request");
  if (path.verdict == RequestPath::Verdict::Refused) return plain(403, "403 forbidden: only the site's own files are served");

  std::error_code ec;
  if (!std::filesystem::is_directory(root, ec)) return plain(503, "503 the site is not built yet");
  Opened at = walk(root, path.segments);
  if (at.found == Found::Folder) {
    if (!path.trailing_slash) {
      Reply r = plain(301, "301 moved");
      r.location = "/";
      for (const auto& seg : path.segments) r.location += encode_segment(seg) + "/";
      const size_t query = target.find('?');
      if (query != std::string_view::npos) r.location += target.substr(query, target.find('#') - query);
      return r;
    }
    at = open_entry(at.fd.get(), "index.html");
  }
  switch (at.found) {
    case Found::File: {
      Reply r;
      r.content_type = content_type_for(path.segments.empty() || path.trailing_slash ? std::string_view("index.html")
                                                                                    : std::string_view(path.segments.back()));
      if (!read_all(at.fd.get(), r.body)) return plain(500, "500 the file could not be read");
      return r;
    }
    case Found::Refused: return plain(403, "403 forbidden: only the site's own files are served");
    case Found::TooLarge: return plain(500, "500 the file is too large to serve");
    case Found::Unreadable: return plain(403, "403 forbidden: the file cannot be read");
    case Found::Folder:  // index.html is itself a folder: nothing to show
    case Found::Missing: break;
  }
  return not_found(root, path.segments);
}

}  // namespace renaksi::serve
