// Where a word may be hyphenated: Liang's patterns through libhyphen (Debian's hyph_*.dic
// files), one dictionary per file, loaded once per process and shared read-only by every thread.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct _HyphenDict;

namespace renaksi::layout {

class Hyphenator {
 public:
  // The dictionary of `file`, loaded on first use and kept for the process; null when libhyphen
  // cannot read it. Safe to call from several threads.
  static std::shared_ptr<const Hyphenator> shared(const std::filesystem::path& file);

  // The dictionary for the language `lang` (BCP 47) in `table` (language -> pattern file, the
  // style's): the tag, then ever shorter prefixes of it ("en-GB", then "en"); loaded as shared()
  // does. Null when the table has none or it cannot be read.
  static std::shared_ptr<const Hyphenator> for_language(const std::map<std::string, std::filesystem::path>& table,
                                                        const std::string& lang);

  // Byte offsets into `word` (UTF-8) after which it may be hyphenated. Only words of letters
  // are hyphenated, with at least 5 letters, 2 before the first point and 3 after the last: not
  // words with digits, acronyms in capitals, addresses (URLs, e-mail) or parts of them.
  // A word whose letters are separated by hyphens or apostrophes is hyphenated piece by piece.
  std::vector<size_t> points(std::string_view word) const;

  struct DictDeleter {
    void operator()(_HyphenDict* d) const;
  };

 private:
  // The points of one run of letters, given as code points, in code-point indices.
  std::vector<size_t> letters(const std::u32string& run) const;

  std::unique_ptr<_HyphenDict, DictDeleter> dict_;
  bool utf8_ = true;  // the file's encoding (its first line): UTF-8, else ISO 8859-1
};

}  // namespace renaksi::layout
