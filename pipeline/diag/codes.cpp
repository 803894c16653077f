// The numbered catalogue of diagnostic codes.
#include "diag/codes.h"

#include <array>

namespace renaksi {

namespace {
constexpr CodeInfo kCatalogue[] = {
#define RENAKSI_CODE(code, summary) {Code::code, #code, summary},
#include "diag/codes.def"
#undef RENAKSI_CODE
};
}  // namespace

std::span<const CodeInfo> code_catalogue() { return kCatalogue; }

std::string_view code_id(Code c) { return kCatalogue[static_cast<size_t>(c)].id; }

}  // namespace renaksi
