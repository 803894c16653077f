// For tests/search/stem_parity.mjs: reads lines "<lang>\t<word>" (words already folded) and
// writes each word's stem by renaksi's C++ stemmers (emit/html/search_stem.h), one a line.
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
    std::cout << renaksi::html::search_stem(line.substr(0, tab), line.substr(tab + 1)) << '\n';
  }
  std::cout.flush();
  return std::cout ? 0 : 1;
}
