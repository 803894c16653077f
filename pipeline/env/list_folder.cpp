// Lists a folder without throwing and without end.
#include "env/list_folder.h"

#include <algorithm>
#include <system_error>

namespace renaksi {

namespace fs = std::filesystem;

std::string not_a_folder(const fs::path& path, bool* missing) {
  if (missing) *missing = false;
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  switch (st.type()) {
    case fs::file_type::directory: return {};
    case fs::file_type::regular: return "is a file, not a folder";
    case fs::file_type::fifo: return "is a FIFO (named pipe), not a folder";
    case fs::file_type::socket: return "is a socket, not a folder";
    case fs::file_type::character:
    case fs::file_type::block: return "is a device, not a folder";
    case fs::file_type::not_found: {
      std::error_code lec;
      if (fs::is_symlink(fs::symlink_status(path, lec))) return "is a link to nothing";
      if (missing) *missing = true;
      return "does not exist";
    }
    default: break;
  }
  if (ec == std::errc::too_many_symbolic_link_levels) return "is a loop of symbolic links";
  if (ec) return "cannot be examined: " + ec.message();
  return "is not a folder";
}

FolderListing list_folder(const fs::path& dir, std::size_t max_entries) {
  FolderListing out;
  if (std::string problem = not_a_folder(dir, &out.missing); !problem.empty()) {
    out.problem = std::move(problem);
    return out;
  }
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  const fs::directory_iterator end;
  for (; !ec && it != end; it.increment(ec)) {
    if (out.entries.size() == max_entries) {
      out.entries.clear();
      out.too_many = true;
      out.problem = "holds more than " + std::to_string(max_entries) + " entries, more than renaksi reads";
      return out;
    }
    out.entries.push_back(it->path());
  }
  if (ec) {
    out.entries.clear();
    out.problem = "cannot be listed: " + ec.message();
    return out;
  }
  std::sort(out.entries.begin(), out.entries.end());
  return out;
}

}  // namespace renaksi
