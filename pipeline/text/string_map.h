// A hash map keyed by text and looked up by std::string_view, without making a key string.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace renaksi {

// Hashes std::string, std::string_view and C strings alike (C++20 heterogeneous lookup): the
// layout looks up a word's width, kerning and hyphenation points millions of times in a long
// plan, and a std::string made for each lookup was a malloc, a copy and a free every time.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  size_t operator()(const std::string& s) const noexcept { return std::hash<std::string_view>{}(s); }
  size_t operator()(const char* s) const noexcept { return std::hash<std::string_view>{}(s); }
};

template <class Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

}  // namespace renaksi
