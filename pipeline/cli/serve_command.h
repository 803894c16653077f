// `renaksi serve`: builds, then serves OUT/site/ on 127.0.0.1, rebuilding on change with --watch.
#pragma once

#include <ostream>

#include "cli/build_command.h"

namespace renaksi {

struct ServeOptions {
  BuildOptions build;  // folder, out_dir and the build options that make sense for a preview
  int port = 8000;     // 0: any free port (printed)
  bool watch = false;
};

// Builds as `renaksi build FOLDER --out OUT` does, then serves OUT/site/ at
// http://127.0.0.1:PORT/ until SIGINT or SIGTERM. With `watch`, the content folder and the
// data folder's layouts/, locales/ and templates/ are looked at every 300 ms and a change is
// built again; a build with errors prints them and the last good site stays served.
int run_serve(const ServeOptions& opt, std::ostream& out, std::ostream& err);

}  // namespace renaksi
