// The publish pass, for callers that built without claiming the folder first.
#include "publish/publish.h"

#include "publish/output_folder.h"

namespace renaksi {

bool publish(const Outputs& outputs, const std::filesystem::path& out_dir, Diagnostics& diags) {
  auto folder = OutputFolder::claim(out_dir, {}, diags);
  return folder && folder->publish(outputs, diags);
}

}  // namespace renaksi
