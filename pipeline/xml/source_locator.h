// Finds the column of an element or attribute in a file's text, which libxml2 does not record.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace renaksi {

class SourceLocator {
 public:
  explicit SourceLocator(std::string_view text);

  // Column (1-based, in bytes) of the start tag `<name` reported by libxml2 at `line`. libxml2
  // gives the line where the start tag ends, so earlier lines are searched too. Calls made in
  // document order find successive tags of the same name on one line. Returns {line, col};
  // col 0 when not found.
  std::pair<int, int> element(int line, std::string_view name);

  // The same look-up without memory of earlier calls: the first such tag ending at `line`.
  std::pair<int, int> first_element(int line, std::string_view name) const;

  // Position of attribute `name` in the start tag that begins at {line, col}.
  std::pair<int, int> attribute(int line, int col, std::string_view name) const;

 private:
  std::vector<std::string_view> lines_;
  std::pair<int, int> find(int line, std::string_view name, std::map<int, size_t>* cursor) const;

  std::map<int, size_t> cursor_;  // per line: where the next search starts
};

}  // namespace renaksi
