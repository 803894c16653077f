// Calendar dates of the content model: ISO text as written, and the checked day it names.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "diag/source_loc.h"

namespace renaksi {

// "2018-08-08" -> that day; nullopt when the text is not YYYY-MM-DD or the day does not exist.
std::optional<std::chrono::year_month_day> parse_iso_date(const std::string& text);

struct IsoDate {
  std::string text;  // as written in the content
  SourceLoc loc;     // the attribute that holds it

  std::optional<std::chrono::year_month_day> day() const { return parse_iso_date(text); }
  // A real date whose year lies in limits::kMinYear … kMaxYear (outside is C023).
  bool year_in_range() const;
};

// A start and an end date, both inclusive.
struct Period {
  IsoDate start;
  IsoDate end;
  SourceLoc loc;  // the <period> (or <date>) element

  // Both dates real, their years in range, and end not before start.
  bool valid() const;
  // True when both periods are valid and this one lies inside `outer`.
  bool inside(const Period& outer) const;
};

}  // namespace renaksi
