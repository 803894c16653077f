// The translation-fallback decision: where a draft's single-language edition has no text yet,
// the administrative language's text that stands in for it.
#pragma once

#include "doc/document.h"

namespace renaksi {

// Sets `stand_in` (and `stand_in_lang`) on every part of `edition` that is empty, and has no
// stand-in yet, where the same part of `admin` (another single-language edition of the same plan,
// the administrative language's first) is not: chapters are matched by kind and
// commitment number, blocks by position when both chapters have as many, parts by position;
// a table with rows gets stand-ins for its empty cells only.
void attach_stand_ins(doc::Document& edition, const doc::Document& admin);

}  // namespace renaksi
