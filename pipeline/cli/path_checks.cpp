// The command line's checks of the paths it is given.
#include "cli/path_checks.h"

#include <filesystem>
#include <system_error>

#include "diag/diagnostic.h"

namespace renaksi {

namespace {

namespace fs = std::filesystem;

// What is at `path`, for a message: "a file", "a folder", …; empty when nothing is there.
std::string what_is(const std::string& path, fs::file_status& st) {
  std::error_code ec;
  st = fs::status(path, ec);
  switch (st.type()) {
    case fs::file_type::not_found: return {};
    case fs::file_type::regular: return "a file";
    case fs::file_type::directory: return "a folder";
    case fs::file_type::fifo: return "a named pipe";
    case fs::file_type::socket: return "a socket";
    case fs::file_type::block:
    case fs::file_type::character: return "a device";
    default: return ec ? "something that cannot be examined (" + ec.message() + ")" : "not a file or a folder";
  }
}

std::string quoted(const std::string& path) { return "'" + printable(path) + "'"; }

// Empty when `path` is of `type`; otherwise what it is instead of `noun`.
std::string must_be(const std::string& path, fs::file_type type, const char* noun) {
  fs::file_status st;
  const std::string what = what_is(path, st);
  if (what.empty()) return quoted(path) + " does not exist";
  if (st.type() == type) return {};
  return quoted(path) + " is " + what + ", not " + noun;
}

}  // namespace

std::string must_be_folder(const std::string& path) { return must_be(path, fs::file_type::directory, "a folder"); }

std::string must_be_file(const std::string& path) { return must_be(path, fs::file_type::regular, "a file"); }

}  // namespace renaksi
