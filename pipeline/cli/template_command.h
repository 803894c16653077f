// `renaksi template`: the commitment form of a plan's template profile as a Word file, one per
// language of the plan.
#pragma once

#include <ostream>
#include <string>

namespace renaksi {

struct TemplateOptions {
  std::string plan;     // a plan folder: its profile and languages
  std::string profile;  // or a profile of templates/ (default: the default profile)
  std::string lang;     // only this language
  std::string out;      // FILE.docx; with several languages FILE.<lang>.docx each
};

// Writes the form(s); prints each file written. Exit status as every command's.
int run_template(const TemplateOptions& opt, std::ostream& out, std::ostream& err);

}  // namespace renaksi
