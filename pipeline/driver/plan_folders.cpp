// The plan folders of a content folder: the folder itself, or each sub-folder holding plan.xml.
#include "driver/pipeline.h"
#include "env/list_folder.h"

namespace renaksi {

namespace fs = std::filesystem;

std::vector<fs::path> plan_folders(const fs::path& root, Diagnostics& diags) {
  std::error_code ec;
  // Whatever is at root/plan.xml (a file, or a folder or a broken link so named, which the load
  // pass then reports) makes root a plan folder.
  const auto has_plan_xml = [&](const fs::path& folder) {
    const auto type = fs::symlink_status(folder / "plan.xml", ec).type();
    return type != fs::file_type::not_found && type != fs::file_type::none;
  };
  if (has_plan_xml(root)) return {root};
  FolderListing listing = list_folder(root);
  if (!listing.problem.empty()) {
    diags.error(listing.too_many ? Code::L006 : Code::L001, {root.generic_string(), 0, 0},
                "the content folder " + listing.problem);
    return {};
  }
  std::vector<fs::path> out;
  for (const auto& entry : listing.entries) {
    bool missing = false;
    std::string problem = not_a_folder(entry, &missing);
    if (problem.empty()) {
      if (has_plan_xml(entry)) out.push_back(entry);
    } else if (problem == "is a link to nothing" || problem.starts_with("is a loop") ||
               problem.starts_with("cannot be examined")) {
      // It may be meant as a plan folder: say so rather than skip it.
      diags.error(Code::L001, {entry.generic_string(), 0, 0}, "cannot be read as a plan folder: it " + problem);
    }
  }
  return out;
}

}  // namespace renaksi
