// The numbered catalogue of diagnostic codes (see codes.def for one line on each).
#pragma once

#include <span>
#include <string_view>

namespace renaksi {

enum class Code {
#define RENAKSI_CODE(code, summary) code,
#include "diag/codes.def"
#undef RENAKSI_CODE
};

struct CodeInfo {
  Code code;
  std::string_view id;       // "C003"
  std::string_view summary;  // one line, for `renaksi codes` and the docs
};

std::span<const CodeInfo> code_catalogue();
std::string_view code_id(Code c);

}  // namespace renaksi
