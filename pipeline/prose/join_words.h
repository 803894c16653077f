// Joins the words of read prose into one text per run: "a", space, "b" becomes "a b".
#pragma once

#include "doc/prose_ast.h"

namespace renaksi::prose {

// Pandoc gives every word and every space an inline of its own, and the prose reader kept them
// so: an 88-byte inline per word and per space was most of a plan's memory (240 commitments:
// about 600,000 inlines, 55 MB of the 190 MB a build held while it laid out the PDFs). Every
// output treats a Space and a SoftBreak as one space between the texts around it, so a text,
// then any number of (space or line end, text), becomes one Text of those words with single
// spaces between them. A space that is not between two texts (before an emphasis, at the end
// of a link's words) is kept as it is, and so is everything else; inside emphasis, links,
// quotes, notes, list items and table cells the same is done. The tree is as deep as the
// reader allowed (limits::kMaxProseDepth), and so is this walk.
void join_words(Blocks& blocks);
void join_words(Inlines& inlines);

}  // namespace renaksi::prose
