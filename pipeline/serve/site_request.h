// What the preview server answers to one request: a file under the site folder, a folder's
// index.html, a redirect to a folder's own address, or a refusal. No HTTP library here, so
// every answer can be tested without a socket.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace renaksi::serve {

// The largest file served (read whole into memory): a plan's PDF is a few MiB.
inline constexpr std::size_t kMaxServedFileBytes = 256u << 20;
// The longest request target and the most segments in its path looked at.
inline constexpr std::size_t kMaxTargetBytes = 8192;
inline constexpr std::size_t kMaxPathSegments = 64;

// A request target's path, decoded and split: "/en/plan%20x/" is {"en", "plan x"}, with a
// trailing slash. Empty segments and "." are dropped.
struct RequestPath {
  enum class Verdict {
    Ok,
    Malformed,  // not "/…", a bad %-escape, a NUL, too long: 400
    Refused,    // a ".." segment (however encoded) or a hidden name (".x"): 403
  };
  Verdict verdict = Verdict::Ok;
  std::vector<std::string> segments;
  bool trailing_slash = false;  // "/en/" rather than "/en" (and "/" itself)
};

// Decodes the path of `target` (the query and fragment ignored). %-escapes are decoded before
// the path is split, so "%2e%2e" and "..%2f" are ".." like any other.
RequestPath parse_request_path(std::string_view target);

// The answer to one request.
struct Reply {
  int status = 200;
  std::string content_type;  // of `body`
  std::string body;          // also for HEAD: the server sends only its length
  std::string location;      // a 301's target
  std::string allow;         // a 405's methods
};

// Answers `method` `target` from the site folder `root`: GET and HEAD only (405 otherwise).
// Only files under `root` are served: no ".." and no symbolic link anywhere on the way (every
// component is opened with O_NOFOLLOW, from `root` down, so nothing can lead outside), only
// regular files (never a FIFO or a device). A folder is its index.html, and "/en" is redirected
// to "/en/" so the page's relative links work. A missing file is 404 with the site's own page
// ("<first segment>/404.html", then "404.html"), else a plain one.
Reply answer(const std::filesystem::path& root, std::string_view method, std::string_view target);

}  // namespace renaksi::serve
