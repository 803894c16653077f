// The bounds of `renaksi import` on a Word file, every one checked before the work it bounds.
#pragma once

#include <cstddef>

namespace renaksi::docx_import::limits {

inline constexpr std::size_t kMaxDocxBytes = 16u << 20;        // the file itself (read_file's bound too)
inline constexpr std::size_t kMaxEntries = 2000;               // parts of its ZIP archive
inline constexpr std::size_t kMaxUnpackedBytes = 64u << 20;    // all parts unpacked, declared and actual
inline constexpr std::size_t kMaxRatio = 200;                  // unpacked / packed, for a part over 1 MiB
inline constexpr std::size_t kRatioFloor = 1u << 20;
inline constexpr std::size_t kMaxTables = 100;                 // tables of the document
inline constexpr std::size_t kMaxRows = 400;                   // rows of one table
inline constexpr std::size_t kMaxRowsInAll = 2000;             // rows of every table together
inline constexpr std::size_t kMaxCells = 40;                   // cells of one row
inline constexpr std::size_t kMaxCellBytes = 64u << 10;        // the text of one cell
inline constexpr std::size_t kMaxPandocJson = 64u << 20;       // Pandoc's JSON of the document

}  // namespace renaksi::docx_import::limits
