// Content keys for the build caches.
#include "env/content_hash.h"

#include <cstdint>

namespace renaksi {

std::string content_hash(std::initializer_list<std::string_view> parts) {
  std::uint64_t a = 14695981039346656037ull, b = 0x84222325cbf29ce4ull;
  auto mix = [&](unsigned char c) {
    a = (a ^ c) * 1099511628211ull;
    b = (b ^ c) * 1099511628211ull;
    b ^= b >> 29;
  };
  for (std::string_view part : parts) {
    for (unsigned char c : part) mix(c);
    for (int i = 0; i < 8; ++i) mix(static_cast<unsigned char>(part.size() >> (8 * i)));
  }
  static const char* hex = "0123456789abcdef";
  std::string out(32, '0');
  for (int i = 15; i >= 0; --i, a >>= 4) out[static_cast<size_t>(i)] = hex[a & 15];
  for (int i = 31; i >= 16; --i, b >>= 4) out[static_cast<size_t>(i)] = hex[b & 15];
  return out;
}

}  // namespace renaksi
