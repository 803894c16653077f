// The translation-fallback decision: where a draft's single-language edition has no text yet,
// the administrative language's text that stands in for it.
#pragma once

#include "doc/document.h"

namespace renaksi {

// Sets `stand_in` on every part of `edition` that is empty where the same part of `admin` (the
// administrative language's edition of the same plan) is not: chapters are matched by kind and
// commitment number, blocks by position when both chapters have as many, parts by position;
// a table with rows gets stand-ins for its empty cells only.
void attach_stand_ins(doc::Document& edition, const doc::Document& admin);

}  // namespace renaksi
