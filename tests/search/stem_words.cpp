// For tests/search/stem_parity.mjs: reads lines "<lang>\t<word>" (words already folded) and
// writes each word's stem by renaksi's C++ stemmers (emit/html/search_stem.h), one a line; or
// lines "terms\t<lang>\t<text>" and writes the text's search terms, space-separated.
#include <iostream>
#include <string>

#include "emit/html/search_stem.h"

int main() {
  std::string line;
  size_t count = 0;
  constexpr size_t kMaxWords = 10'000'000;
  while (count < kMaxWords && std::getline(std::cin, line)) {
    ++count;
    const size_t tab = line.find('\t');
    if (tab == std::string::npos) {
      std::cerr << "stem_words: line " << count << ": expected <lang>\\t<word>\n";
      return 2;
    }
    if (line.compare(0, tab, "terms") == 0) {
      const size_t second = line.find('\t', tab + 1);
      if (second == std::string::npos) {
        std::cerr << "stem_words: line " << count << ": expected terms\\t<lang>\\t<text>\n";
        return 2;
      }
      std::string joined;
      for (const auto& t : renaksi::html::search_terms(line.substr(tab + 1, second - tab - 1), line.substr(second + 1)))
        joined += (joined.empty() ? "" : " ") + t;
      std::cout << joined << '\n';
      continue;
    }
    std::cout << renaksi::html::search_stem(line.substr(0, tab), line.substr(tab + 1)) << '\n';
  }
  std::cout.flush();
  return std::cout ? 0 : 1;
}
