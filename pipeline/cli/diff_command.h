// `renaksi diff`: what changed between two drafts of a plan, per commitment and field, word by
// word: two plan folders, one folder at two git revisions, or a folder and its recorded draft.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace renaksi {

enum class Colour { Auto, Always, Never };

struct DiffOptions {
  std::vector<std::string> folders;  // OLD NEW, or one FOLDER
  std::string from;                  // a git revision of FOLDER: the old draft
  std::string to;                    // a git revision of FOLDER: the new draft ("": the folder as it is)
  Colour colour = Colour::Auto;
  bool terminal = false;             // standard output is a terminal (Auto colours then)
};

// 0: compared (changes or none); 1: a draft has content errors; 2: the command line or a path
// or revision is wrong, or git cannot be run.
int run_diff(const DiffOptions& opt, std::ostream& out, std::ostream& err);

}  // namespace renaksi
