// Compose's part of a plan's progress: the model's progress files (model/progress.h) become
// doc::ProgressFacts in an edition's language, labels from the catalogue.
#pragma once

#include <string>

#include "doc/progress_facts.h"
#include "locale/locale.h"
#include "model/plan.h"

namespace renaksi {

// The progress of `plan` as `lang`'s pages show it (texts missing in `lang` taken from `admin`,
// else from the first language there is). Empty for a plan that is not Final.
doc::ProgressFacts progress_facts(const Plan& plan, const std::string& lang, const std::string& admin,
                                  const Locale& locale);

}  // namespace renaksi
