// The progress fixture plan, as it is and as a draft.
#include "support/progress_fixture.h"

#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

namespace renaksi::testing {

namespace fs = std::filesystem;

fs::path progress_fixture() { return fixtures_dir() / "progress" / "plan"; }

fs::path progress_fixture_as_draft(const TempDir& dir) {
  const fs::path draft = dir.path() / "draft";
  fs::copy(progress_fixture(), draft, fs::copy_options::recursive);
  std::string xml;
  {
    std::ifstream in(draft / "plan.xml", std::ios::binary);
    xml.assign(std::istreambuf_iterator<char>(in), {});
  }
  const std::string final_stage = "stage=\"final\"";
  const size_t at = xml.find(final_stage);
  if (at == std::string::npos) throw std::runtime_error("the progress fixture is not Final");
  xml.replace(at, final_stage.size(), "stage=\"draft-4\"");
  std::ofstream(draft / "plan.xml", std::ios::binary | std::ios::trunc) << xml;
  return draft;
}

}  // namespace renaksi::testing
