// URL slugs: ICU transliteration to lowercase ASCII words joined by '-', and the stable,
// unique slug of each commitment's page.
#pragma once

#include <unicode/translit.h>

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace renaksi::html {

class Slugger {
 public:
  Slugger();  // builds the transliterator once (a few milliseconds)
  Slugger(const Slugger&) = delete;
  Slugger& operator=(const Slugger&) = delete;

  // `:: Any-Latin; :: Latin-ASCII; :: Lower; [^a-z0-9]+ > '-';`, then leading and trailing
  // '-' trimmed and the result cut at a '-' to at most `max_len` characters. "" when nothing
  // is left (a text of punctuation only). Safe to call from several threads.
  std::string slug(std::string_view text, size_t max_len = 64) const;

 private:
  std::unique_ptr<icu::Transliterator> translit_;
  mutable std::mutex mutex_;  // Transliterator::transliterate is not const-safe across threads
};

// A commitment's page slug: "<number>-<slug of its id>", e.g. "10-lapor-sp4n-quality". Built
// from the id, not the title: the id is the secretariat's stable name for the commitment
// (unique in its plan, checked by C006), the same in every language, and it does not change
// when a title is reworded between drafts, so links to a commitment survive every draft. The
// number prefix keeps pages in plan order and makes the slug unique even if two ids were to
// transliterate alike.
std::string commitment_slug(const Slugger& s, int number, const std::string& id);

// Makes each slug of `slugs` unique by suffixing "-2", "-3"... to later duplicates, in order.
void make_unique(std::vector<std::string>& slugs);

}  // namespace renaksi::html
