// URL slugs through an ICU transliterator.
#include "emit/html/slug.h"

#include <set>
#include <stdexcept>

namespace renaksi::html {

namespace {
constexpr char16_t kRules[] = u":: Any-Latin; :: Latin-ASCII; :: Lower; [^a-z0-9]+ > '-';";
}

Slugger::Slugger() {
  UParseError perr;
  UErrorCode status = U_ZERO_ERROR;
  translit_.reset(icu::Transliterator::createFromRules("renaksi-slug", icu::UnicodeString(kRules), UTRANS_FORWARD,
                                                       perr, status));
  if (U_FAILURE(status) || !translit_)
    throw std::runtime_error(std::string("cannot build the slug transliterator: ") + u_errorName(status));
}

std::string Slugger::slug(std::string_view text, size_t max_len) const {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  {
    std::lock_guard lock(mutex_);
    translit_->transliterate(u);
  }
  std::string s;
  u.toUTF8String(s);
  // The rules leave only [a-z0-9-]; anything else (a character Latin-ASCII cannot map) is
  // replaced here so that the result is always a safe path segment.
  std::string out;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (ok)
      out += c;
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.size() > max_len) {
    size_t cut = out.rfind('-', max_len);
    out.resize(cut == std::string::npos || cut == 0 ? max_len : cut);
    while (!out.empty() && out.back() == '-') out.pop_back();
  }
  return out;
}

std::string commitment_slug(const Slugger& s, int number, const std::string& id) {
  std::string tail = s.slug(id, 60);
  return std::to_string(number) + (tail.empty() ? "" : "-" + tail);
}

void make_unique(std::vector<std::string>& slugs) {
  std::set<std::string> seen;
  for (auto& s : slugs) {
    if (seen.insert(s).second) continue;
    for (int i = 2;; ++i) {
      std::string candidate = s + "-" + std::to_string(i);
      if (seen.insert(candidate).second) {
        s = candidate;
        break;
      }
    }
  }
}

}  // namespace renaksi::html
