// The publish pass: staged, then swapped into place.
#include "publish/publish.h"

#include <fstream>
#include <unistd.h>

namespace renaksi {

namespace fs = std::filesystem;

bool publish(const Outputs& outputs, const fs::path& out_dir, Diagnostics& diags) {
  const fs::path target = fs::absolute(out_dir).lexically_normal();
  const fs::path parent = target.parent_path();
  const std::string name = target.filename().string();
  const fs::path stage = parent / ("." + name + ".staging-" + std::to_string(::getpid()));
  const fs::path old = parent / ("." + name + ".old-" + std::to_string(::getpid()));
  std::error_code ec;
  auto fail = [&](const fs::path& where, const std::string& what) {
    diags.error(Code::X001, {where.generic_string(), 0, 0}, what);
    fs::remove_all(stage, ec);
    return false;
  };
  fs::create_directories(parent, ec);
  fs::remove_all(stage, ec);
  if (!fs::create_directories(stage, ec)) return fail(stage, "cannot create the staging folder: " + ec.message());
  for (const auto& [path, bytes] : outputs.files()) {
    const fs::path file = stage / fs::path(path);
    fs::create_directories(file.parent_path(), ec);
    std::ofstream out(file, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) return fail(out_dir / path, "cannot write the file");
  }
  // Swap: the old folder aside, the new one in, the old one removed.
  bool had_old = fs::exists(target, ec);
  if (had_old) {
    fs::rename(target, old, ec);
    if (ec) return fail(target, "cannot move the previous output aside: " + ec.message());
  }
  fs::rename(stage, target, ec);
  if (ec) {
    if (had_old) fs::rename(old, target, ec);
    return fail(target, "cannot move the new output into place");
  }
  if (had_old) fs::remove_all(old, ec);
  return true;
}

}  // namespace renaksi
