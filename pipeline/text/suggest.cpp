// "Did you mean …?". Written here because no library the project uses offers it (CLI11 does
// not suggest, ICU has no edit distance): the optimal-string-alignment distance over a few
// short ASCII words, bounded by the longest word it is given.
#include "text/suggest.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace renaksi {

namespace {

constexpr size_t kMaxWord = 64;  // a longer "word" is no mistyped command

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

size_t distance(std::string_view a, std::string_view b) {
  const size_t n = a.size(), m = b.size();
  std::vector<std::vector<size_t>> d(n + 1, std::vector<size_t>(m + 1, 0));
  for (size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (size_t i = 1; i <= n; ++i)
    for (size_t j = 1; j <= m; ++j) {
      const size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1]))
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[n][m];
}

}  // namespace

std::string nearest(std::string_view word, std::span<const std::string_view> choices) {
  if (word.empty() || word.size() > kMaxWord) return {};
  const size_t allowed = word.size() <= 4 ? 1 : 2;
  std::string best;
  size_t best_distance = allowed + 1;
  for (std::string_view choice : choices) {
    if (choice.size() > kMaxWord) continue;
    const size_t d = distance(word, choice);
    if (d < best_distance) {
      best_distance = d;
      best = std::string(choice);
    }
  }
  return best;
}

}  // namespace renaksi
