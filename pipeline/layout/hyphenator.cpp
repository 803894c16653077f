// Where a word may be hyphenated, by libhyphen.
#include "layout/hyphenator.h"

#include <hyphen.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <mutex>
#include <string>

namespace renaksi::layout {

namespace {

constexpr size_t kMinLetters = 5;     // shorter words are never hyphenated
constexpr size_t kMinLeft = 2;        // letters before the first point
constexpr size_t kMinRight = 3;       // letters after the last point
constexpr size_t kMaxLetters = 64;    // longer runs of letters are not words: left alone

bool letter(UChar32 c) { return u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0; }

}  // namespace

void Hyphenator::DictDeleter::operator()(_HyphenDict* d) const { hnj_hyphen_free(d); }

std::shared_ptr<const Hyphenator> Hyphenator::shared(const std::filesystem::path& file) {
  static std::mutex mutex;
  static std::map<std::filesystem::path, std::shared_ptr<const Hyphenator>> loaded;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = loaded.find(file);
  if (it != loaded.end()) return it->second;
  std::shared_ptr<Hyphenator> h;
  if (HyphenDict* d = hnj_hyphen_load(file.c_str())) {
    h = std::make_shared<Hyphenator>();
    h->dict_.reset(d);
    h->utf8_ = d->utf8 != 0;
  }
  loaded.emplace(file, h);
  return h;
}

std::shared_ptr<const Hyphenator> Hyphenator::for_language(const std::map<std::string, std::filesystem::path>& table,
                                                           const std::string& lang) {
  std::string tag = lang;
  std::transform(tag.begin(), tag.end(), tag.begin(), [](unsigned char c) { return std::tolower(c); });
  for (size_t guard = 0; !tag.empty() && guard < 8; ++guard) {
    if (auto f = table.find(tag); f != table.end()) return shared(f->second);
    const size_t dash = tag.rfind('-');
    if (dash == std::string::npos) break;
    tag.resize(dash);
  }
  return nullptr;
}

std::vector<size_t> Hyphenator::letters(const std::u32string& run) const {
  std::string word;  // lower case, in the dictionary's encoding
  for (char32_t c : run) {
    const UChar32 lower = u_tolower(static_cast<UChar32>(c));
    if (utf8_) {
      char buf[4];
      int32_t n = 0;
      UBool error = false;
      U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, lower, error);
      if (error) return {};
      word.append(buf, static_cast<size_t>(n));
    } else {
      if (lower > 0xFF) return {};
      word += static_cast<char>(lower);
    }
  }
  std::vector<char> hyphens(word.size() + 5, '0');
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  const int failed = hnj_hyphen_hyphenate2(dict_.get(), word.c_str(), static_cast<int>(word.size()), hyphens.data(),
                                           nullptr, &rep, &pos, &cut);
  std::vector<size_t> out;
  // hyphens[i] odd: a point after character i (libhyphen counts characters for UTF-8 files).
  for (size_t i = kMinLeft - 1; !failed && i + kMinRight < run.size(); ++i)
    if ((hyphens[i] & 1) && !(rep && rep[i])) out.push_back(i);
  if (rep) {
    for (size_t i = 0; i < word.size(); ++i) std::free(rep[i]);
    std::free(rep);
  }
  std::free(pos);
  std::free(cut);
  return out;
}

std::vector<size_t> Hyphenator::points(std::string_view word) const {
  if (!dict_ || word.find("://") != std::string_view::npos || word.find('@') != std::string_view::npos ||
      word.starts_with("www."))
    return {};
  // The word's characters and where each starts.
  std::u32string chars;
  std::vector<size_t> at;
  for (int32_t i = 0; i < static_cast<int32_t>(word.size());) {
    at.push_back(static_cast<size_t>(i));
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(word.data()), i, static_cast<int32_t>(word.size()), c);
    if (c < 0 || u_isdigit(c)) return {};  // not UTF-8, or a word with digits
    chars.push_back(static_cast<char32_t>(c));
  }
  at.push_back(word.size());
  std::vector<size_t> out;
  size_t i = 0;
  while (i < chars.size()) {
    if (!letter(static_cast<UChar32>(chars[i]))) {
      // A full stop or slash between letters: an address or abbreviation, not prose.
      if ((chars[i] == '.' || chars[i] == '/' || chars[i] == '_') && i > 0 && i + 1 < chars.size() &&
          letter(static_cast<UChar32>(chars[i - 1])) && letter(static_cast<UChar32>(chars[i + 1])))
        return {};
      ++i;
      continue;
    }
    size_t j = i;
    bool lower = false;
    while (j < chars.size() && letter(static_cast<UChar32>(chars[j]))) lower |= u_islower(static_cast<UChar32>(chars[j++])) != 0;
    if (j - i >= kMinLetters && j - i <= kMaxLetters && lower) {
      for (size_t p : letters(chars.substr(i, j - i)))
        if ((U_GET_GC_MASK(static_cast<UChar32>(chars[i + p + 1])) & U_GC_M_MASK) == 0) out.push_back(at[i + p + 1]);
    }
    i = j;
  }
  return out;
}

}  // namespace renaksi::layout
