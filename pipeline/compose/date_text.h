// Dates and periods of the plan as an edition prints them: at the precision the content gives
// (a year, a month or a day), in the style of the language's locale. The spaces inside a date
// are no-break spaces (U+00A0; U+202F where ICU sets a thin space): no line ends inside a date.
// A period may break after its dash.
#pragma once

#include <string>

#include "locale/locale.h"
#include "model/date.h"

namespace renaksi {

// "15 Juni 2017", "Juni 2017", "2017"; the text as written when it is not a real date.
std::string date_text(const Locale& locale, const IsoDate& date);

// "Juni 2017 – Juni 2019", "2017 – 2019", "1 April – 31 December 2019"; a period that is not
// valid prints its two texts as written.
std::string period_text(const Locale& locale, const Period& period);

}  // namespace renaksi
