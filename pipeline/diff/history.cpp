// Finding and loading the recorded previous draft under history/.
#include "diff/history.h"

#include "env/list_folder.h"

namespace renaksi::diff {

std::optional<LoadResult> load_recorded_draft(const std::filesystem::path& plan_folder, const Plan& plan,
                                              Diagnostics& diags) {
  const std::filesystem::path history = plan_folder / kHistoryFolder;
  bool missing = false;
  const std::string not_folder = not_a_folder(history, &missing);
  if (missing) return std::nullopt;
  if (!not_folder.empty()) {
    diags.error(Code::L001, SourceLoc{history.string(), 0, 0}, history.string() + " " + not_folder);
    return std::nullopt;
  }
  const FolderListing listing = list_folder(history);
  if (!listing.problem.empty()) {
    diags.error(listing.too_many ? Code::L006 : Code::L001, SourceLoc{history.string(), 0, 0},
                history.string() + " " + listing.problem);
    return std::nullopt;
  }
  std::optional<Stage> latest;
  for (const auto& entry : listing.entries) {
    const std::string name = entry.filename().string();
    const auto stage = parse_stage(name);
    if (!stage || *stage == Stage::Final) {
      diags.error(Code::R001, SourceLoc{entry.string(), 0, 0},
                  "'" + name + "' in " + history.string() + " is not a recorded draft: name it draft-1 … draft-4");
      continue;
    }
    if (*stage >= plan.stage) {
      diags.error(Code::R003, SourceLoc{entry.string(), 0, 0},
                  "the recorded " + name + " is not earlier than the plan's stage, " + std::string(stage_id(plan.stage)));
      continue;
    }
    if (!latest || *stage > *latest) latest = stage;
  }
  if (!latest) return std::nullopt;
  const std::filesystem::path folder = history / stage_id(*latest);
  LoadResult loaded = load_plan(folder, diags);
  if (!loaded.plan_file_ok || !loaded.organisations_ok || !loaded.all_commitments_ok) return std::nullopt;
  if (loaded.plan.stage != *latest || loaded.plan.id != plan.id) {
    diags.error(Code::R002, loaded.plan.stage_loc,
                "the recorded draft in " + folder.string() + " is plan '" + loaded.plan.id + "' at " +
                    std::string(stage_id(loaded.plan.stage)) + "; its folder and plan call for '" + plan.id + "' at " +
                    std::string(stage_id(*latest)));
    return std::nullopt;
  }
  return loaded;
}

}  // namespace renaksi::diff
