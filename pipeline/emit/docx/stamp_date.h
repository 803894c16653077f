// The build's date set into a DOCX after Pandoc: Pandoc writes every DOCX with one fixed date,
// so its output (and the cache entry that holds it) does not depend on the day; the date is
// then stamped where Pandoc had put it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace renaksi::docx {

// The SOURCE_DATE_EPOCH every DOCX is written with: 2106-02-07T06:28:14Z, a date no reference
// document or other tool writes (Pandoc copies the reference document's own parts with their
// own dates, which the stamp must leave alone).
inline constexpr std::int64_t kPandocEpoch = 4294967294;

// True for the dates `with_date` can set as Pandoc 2.17 would: from 1970 to the end of 2107,
// the last year a ZIP's DOS date holds (Pandoc fails past it). Before 1980 the DOS date is
// 1980-01-01 00:00, as Pandoc writes it.
bool can_stamp(std::int64_t epoch);

// Pandoc's DOCX `zip`, written with SOURCE_DATE_EPOCH=`from`, as it would have been written with
// `to`: each entry whose DOS date and time (local header and central directory) are `from`'s
// gets `to`'s, and docProps/core.xml's dcterms:created and dcterms:modified that hold `from`
// hold `to` (the part deflated again as Pandoc deflates it, the offsets after it moved). Every
// other byte is copied. None when `zip` is not a ZIP this reads or either date cannot be stamped.
std::optional<std::string> with_date(std::string_view zip, std::int64_t from, std::int64_t to);

// Pandoc's forms of a date: "2026-12-02T06:49:45Z", and the ZIP's DOS (time | date << 16).
std::string w3c_date(std::int64_t epoch);
std::uint32_t dos_date_time(std::int64_t epoch);

}  // namespace renaksi::docx
