// Whether a string is a language tag renaksi writes into HTML, PDF and Word.
#include "text/language_tag.h"

#include <unicode/uloc.h>

#include <string>

namespace renaksi {

bool is_language_tag(std::string_view tag) {
  if (tag.empty() || tag.size() > 35) return false;
  for (char c : tag)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
  const std::size_t dash = tag.find('-');
  const std::string_view primary = tag.substr(0, dash);
  if (primary.size() < 2 || primary.size() > 3) return false;
  for (char c : primary)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  // ICU parses the whole tag only when it is well formed (subtags in order, each of its length).
  const std::string s(tag);
  char locale[ULOC_FULLNAME_CAPACITY] = {};
  int32_t parsed = 0;
  UErrorCode status = U_ZERO_ERROR;
  uloc_forLanguageTag(s.c_str(), locale, ULOC_FULLNAME_CAPACITY, &parsed, &status);
  if (U_FAILURE(status) || parsed != static_cast<int32_t>(s.size())) return false;
  if (primary.size() == 3) return true;
  // A two-letter code is ISO 639-1: ICU maps every assigned one to its three-letter code.
  const char* iso3 = uloc_getISO3Language(locale);
  return iso3 != nullptr && iso3[0] != '\0';
}

}  // namespace renaksi
