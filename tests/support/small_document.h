// Builds small composed Documents for layout and PDF tests: one chapter of given blocks.
#pragma once

#include <string>
#include <vector>

#include "doc/document.h"
#include "style/style.h"

namespace renaksi::testing {

// The project's A4 page style (layouts/a4.json); a test failure when it does not load.
layout::Style a4_style();

// One text run, as compose makes it.
prose::Inlines text_run(const std::string& s);

// An English edition of plan "p" with one chapter (`anchor`, `title`) holding `blocks`.
doc::Document one_chapter(const std::string& anchor, const std::string& title, std::vector<doc::Block> blocks);

// A paragraph block in English, from commitments/1-p.xml at `line`, column 3.
doc::Block paragraph(const std::string& body, const std::string& anchor = {}, int line = 2);

}  // namespace renaksi::testing
