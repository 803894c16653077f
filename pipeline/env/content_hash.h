// Content keys for the build caches: 128 bits of hash over the parts that decide an output.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace renaksi {

// 32 hex digits: two FNV-1a hashes of 64 bits with different offset bases, over the parts
// and their lengths (so "ab"+"c" and "a"+"bc" differ). Not cryptographic; caches that need
// certainty store their input beside the entry.
std::string content_hash(std::initializer_list<std::string_view> parts);

}  // namespace renaksi
